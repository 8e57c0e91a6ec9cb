// `npm run import -- mahallas <file.geojson> [--scale city] [--out data/hamkor.duckdb]`: rebuilds the database on real
// mahalla boundaries (the demo records are regenerated on them); the old database stays if anything is invalid.
import { parseArgs } from 'node:util';
import { buildDatabase } from '../build-db.ts';
import type { ScaleName } from '../generate/scales.ts';
import { readMahallaFile } from './mahallas.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: 'city' }, out: { type: 'string', default: 'data/hamkor.duckdb' } },
});
const [what, file] = positionals;
if (what !== 'mahallas' || !file) {
  console.error('usage: npm run import -- mahallas <file.geojson> [--scale city|national] [--out data/hamkor.duckdb]');
  process.exit(2);
}
try {
  const mahallas = readMahallaFile(file, values.scale as ScaleName);
  const report = await buildDatabase({ scale: values.scale as ScaleName, out: values.out, mahallas, log: (l) => console.log(l) });
  console.log(`Imported ${mahallas.items.length} mahallas from ${file} into ${report.out}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
