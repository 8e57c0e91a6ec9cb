// `npm run data:build -- --scale city|national|test [--out file] [--seed n] [--mahallas real.geojson]`
import { parseArgs } from 'node:util';
import { buildDatabase } from './build-db.ts';
import { SCALES, type ScaleName } from './generate/scales.ts';
import { readMahallaFile } from './import/mahallas.ts';
import { readEnv } from '../server/env.ts';
import { assertNotInUse, carryOver } from '../server/store/carry-over.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'city' },
    out: { type: 'string' },
    seed: { type: 'string' },
    mahallas: { type: 'string' },
  },
});
const scale = values.scale as ScaleName;
if (!(scale in SCALES)) {
  console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')} (got "${values.scale}")`);
  process.exit(2);
}
const env = readEnv();
const out = values.out ?? (scale === 'city' ? env.HAMKOR_DB : `data/hamkor-${scale}.duckdb`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) {
  console.error(`--seed must be an integer (got "${values.seed}")`);
  process.exit(2);
}
try {
  const mahallas = values.mahallas ? await readMahallaFile(values.mahallas, scale) : undefined;
  await assertNotInUse(out);
  if (out === env.HAMKOR_DB) await carryOver(out, env.HAMKOR_STATE);
  const report = await buildDatabase({ scale, out, seed, mahallas, log: (l) => console.log(l) });
  console.log(
    `Done in ${report.seconds.toFixed(1)} s, peak memory ${report.peakRssMb} MB: ${JSON.stringify(report.counts)}`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
