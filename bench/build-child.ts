// Builds one database in its own process and prints a JSON line with wall time and the process's true peak memory.
import { buildDatabase } from '../data/build-db.ts';
import type { ScaleName } from '../data/generate/scales.ts';

const [scale, out] = process.argv.slice(2);
const report = await buildDatabase({ scale: (scale ?? 'city') as ScaleName, out: out ?? '/tmp/hamkor-bench.duckdb' });
// maxRSS is in KiB and covers the whole process (DuckDB's native memory included).
console.log(
  JSON.stringify({
    seconds: report.seconds,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    counts: report.counts,
  }),
);
