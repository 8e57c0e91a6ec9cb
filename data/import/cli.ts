// `npm run import -- mahallas <file.geojson> [--scale city] [--out FILE]`: rebuilds the analytics database (HAMKOR_DB
// unless --out says otherwise) on real mahalla boundaries (the demo records are regenerated on them); the old database
// stays if anything is invalid. It refuses to run while a server holds the file; the user store is never touched.
import { parseArgs } from 'node:util';
import { buildDatabase } from '../build-db.ts';
import type { ScaleName } from '../generate/scales.ts';
import { readMahallaFile } from './mahallas.ts';
import { readEnv } from '../../server/env.ts';
import { assertNotInUse, carryOver } from '../../server/store/carry-over.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: 'city' }, out: { type: 'string' } },
});
const [what, file] = positionals;
if (what !== 'mahallas' || !file) {
  console.error(
    'usage: npm run import -- mahallas <file.geojson> [--scale city|national] [--out FILE (default: HAMKOR_DB)]',
  );
  process.exit(2);
}
const env = readEnv();
const out = values.out ?? env.HAMKOR_DB;
try {
  const mahallas = readMahallaFile(file, values.scale as ScaleName);
  await assertNotInUse(out);
  await carryOver(out, env.HAMKOR_STATE);
  const report = await buildDatabase({ scale: values.scale as ScaleName, out, mahallas, log: (l) => console.log(l) });
  console.log(`Imported ${mahallas.items.length} mahallas from ${file} into ${report.out}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
