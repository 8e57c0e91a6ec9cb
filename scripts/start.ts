// `npm start`: builds the web app and the demo database when they are missing, then serves Hamkor.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { buildDatabase } from '../data/build-db.ts';
import { readEnv } from '../server/env.ts';
import { startServer } from '../server/index.ts';

const env = readEnv();
if (!existsSync(`${env.HAMKOR_DIST}/index.html`)) {
  console.log('Building the web app (first start)…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
if (!existsSync(env.HAMKOR_DB)) {
  console.log(`Building the demo database ${env.HAMKOR_DB} (Tashkent city, first start)…`);
  await buildDatabase({ scale: 'city', out: env.HAMKOR_DB, log: (l) => console.log(l) });
}
const server = await startServer(env);
console.log(`Hamkor is running at http://localhost:${server.port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
