// Where the first national emerging ask spends its time: `node --import tsx bench/emerging-profile.ts <db>` prints the
// phases (reading the shares and weights, the weekly counts, the statistics on this thread) and dumps the inputs.
import { performance } from 'node:perf_hooks';
import { openDb } from '../server/db/database.ts';
import { select } from '../server/selection/select.ts';
import { binCounts } from '../server/services/hotspots/bin-counts.ts';
import { contiguity, mahallaShares } from '../server/services/hotspots/hotspots.ts';
import { spaceTimeExcessOfRows } from '../server/stats/space-time.ts';
import { addDays } from '../server/shared/period.ts';

const file = process.argv[2] ?? 'data/hamkor-national.duckdb';
const db = await openDb(file, { readOnly: true });
const mark = (label: string, t0: number): number => {
  const t = performance.now();
  process.stdout.write(`${label}: ${(t - t0).toFixed(1)} ms\n`);
  return t;
};
let t = performance.now();
const [{ ids, w }, { share }] = await Promise.all([contiguity(db), mahallaShares(db)]);
t = mark('contiguity + shares', t);
const sel = await select(db, { from: '2023-11-01', to: '2026-10-31' });
const nBins = 156;
const first = addDays('2026-10-31', 1 - 7 * nBins);
const { rows, from } = await binCounts(db, sel, 'week', first);
t = mark(`bin counts (${rows.id.length} rows from ${from})`, t);
for (let r = 0; r < Number(process.argv[3] ?? 3); r++) {
  const st = spaceTimeExcessOfRows(ids, rows.id, rows.k, rows.n, share, nBins, w, { fdr: true });
  t = mark(`statistics, run ${r + 1} (categories ${st.category.reduce((a, b) => a + b, 0)})`, t);
}
db.close();
