// Where the first national emerging ask spends its time: `node --import tsx bench/emerging-profile.ts <db> [runs]`
// prints the phases (reading the shares and weights, the weekly counts, then per run the cube, the exact tests and BH
// of the time slices, Mann–Kendall and the classes of the units), all on this one thread. Nothing is dumped: for the
// functions inside a phase, run it under `node --cpu-prof` and read the profile.
import { performance } from 'node:perf_hooks';
import { openDb } from '../server/db/database.ts';
import { select } from '../server/selection/select.ts';
import { binCounts } from '../server/services/hotspots/bin-counts.ts';
import { contiguity, mahallaShares } from '../server/services/hotspots/hotspots.ts';
import { EMERGING_ALPHA } from '../server/stats/emerging.ts';
import { classifyUnits, testSlices, type SliceOut, type UnitOut } from '../server/stats/space-time-parts.ts';
import { countCube } from '../server/stats/space-time.ts';
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
const nBins = 156,
  nUnits = ids.length,
  cells = nUnits * nBins;
const first = addDays('2026-10-31', 1 - 7 * nBins);
const { rows, from } = await binCounts(db, sel, 'week', first);
t = mark(`bin counts (${rows.id.length} rows from ${from})`, t);
for (let r = 1; r <= Number(process.argv[3] ?? 3); r++) {
  const cube = countCube(ids, rows.id, rows.k, rows.n, nBins, true);
  t = mark(`run ${r}: cube`, t);
  const slices: SliceOut = {
    zByBin: new Float64Array(cells),
    pByBin: new Float64Array(cells),
    binRecords: new Float64Array(nBins),
    binTooFew: new Uint8Array(nBins),
  };
  testSlices(cube, share, nUnits, 0, nBins, w, true, EMERGING_ALPHA, slices);
  t = mark(`run ${r}: exact tests and BH of ${nBins} slices`, t);
  const units: UnitOut = {
    z: new Float64Array(cells),
    p: new Float64Array(cells),
    category: new Uint8Array(nUnits),
    finalZ: new Float64Array(nUnits),
    trendZ: new Float64Array(nUnits),
    trendP: new Float64Array(nUnits),
  };
  classifyUnits(slices.zByBin, slices.pByBin, nUnits, nBins, 0, nUnits, {}, units);
  const classed = units.category.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
  t = mark(`run ${r}: Mann–Kendall and classes of ${nUnits} units (${classed} in a class)`, t);
}
db.close();
