// `npm run dev`: the API on PORT (default 8080, demo database built if missing) and Vite's dev server on :5173
// with hot reload, proxying /api to it. One process, stopped with Ctrl-C.
import { existsSync } from 'node:fs';
import { createServer } from 'vite';
import { buildDatabase } from '../data/build-db.ts';
import { readEnv } from '../server/env.ts';
import { startServer } from '../server/index.ts';

const env = readEnv();
if (!existsSync(env.HAMKOR_DB)) await buildDatabase({ scale: 'city', out: env.HAMKOR_DB, log: (l) => console.log(l) });
const api = await startServer(env);
const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
vite.printUrls();
console.log(`API on http://localhost:${api.port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
  });
}
