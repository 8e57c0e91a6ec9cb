// `npx tsx bench/emerging-compare.ts <db> <reference root> [asks]`: the emerging statistics of this tree against those
// of another checkout of the project (the commit a change started from, say `git archive <commit> server | tar -x`),
// over seeded random filters the server has not kept (categories, statuses, registries, receivers, date windows). The
// reference runs on binCounts' row columns; this tree as the service runs it (binCubeInto, then both statistics
// workers). Every unit's class, final z, trend z and p, and z series must be the same doubles, so the API's rounded
// numbers are the same too; the judged p-values must agree on every bin the classes read (below the level), the rest
// being 1 here. With `--tolerance`, the z series and final z may differ by 1e-9·max(1, |z|) and the judged p by 1e-10
// relative (the exact tails' stopping rule), but their API rounding (3 places), the classes, the trends' z and p (so
// every Mann–Kendall S and its ties) and the per-bin counts must still be identical. Exit code 1 on any difference.
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../server/contract/catalog.ts';
import { openDb } from '../server/db/database.ts';
import { select, type SelectionInput } from '../server/selection/select.ts';
import { binCounts, binCubeInto } from '../server/services/hotspots/bin-counts.ts';
import { contiguity, mahallaShares } from '../server/services/hotspots/hotspots.ts';
import { addDays } from '../server/shared/period.ts';
import { Rng } from '../server/shared/random.ts';
import { EMERGING_ALPHA } from '../server/stats/emerging.ts';
import { sharedF64, spaceTimeOfCubeOnWorkers } from '../server/stats/space-time-pool.ts';
import type { SpaceTimeResult, SpaceTimeRowsArgs } from '../server/stats/space-time.ts';

type RowsStatistic = (...args: SpaceTimeRowsArgs) => SpaceTimeResult;

/** A non-empty random subset of `all`, in catalogue order. */
function subset<T>(rng: Rng, all: readonly T[]): T[] {
  const kept = all.filter(() => rng.next() < 0.6);
  return kept.length > 0 ? kept : [all[Math.floor(rng.next() * all.length)]!];
}

/** The k-th random ask: mostly 3 years of weeks (156 bins), some 1 year or 26 weeks, ending on a random late day. */
function randomAsk(rng: Rng, last: string): SelectionInput {
  const weeks = [156, 156, 156, 52, 26][Math.floor(rng.next() * 5)]!;
  const to = addDays(last, -Math.floor(rng.next() * 45));
  const from = addDays(to, 1 - 7 * weeks);
  if (rng.next() < 0.25)
    return { from, to, source: 'applications', registries: subset(rng, REGISTRIES), receivers: subset(rng, RECEIVERS) };
  return { from, to, categories: subset(rng, INCIDENT_CATEGORIES), statuses: subset(rng, INCIDENT_STATUSES) };
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

const args = process.argv.slice(2).filter((a) => a !== '--tolerance');
/** z may move by this much times max(1, |z|) with --tolerance, judged p by this much relative; 0: as doubles. */
const zTolerance = args.length < process.argv.length - 2 ? 1e-9 : 0;
const pTolerance = zTolerance === 0 ? 0 : 1e-10;

/** Whether x and y are the same double, or within `tol`·max(1, |x|) of each other when tol > 0. */
const near = (x: number, y: number, tol: number): boolean =>
  Object.is(x, y) || (tol > 0 && Math.abs(x - y) <= tol * Math.max(1, Math.abs(x)));

/**
 * How many entries of a and b differ as doubles (Object.is, so −0 and 0 differ; beyond `tol` when given), and after
 * rounding to `places`.
 */
function differences(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  places: number,
  tol = 0,
): [exact: number, rounded: number] {
  if (a.length !== b.length) return [Infinity, Infinity];
  let exact = 0,
    rounded = 0;
  for (let i = 0; i < a.length; i++) {
    if (!near(a[i]!, b[i]!, tol)) exact++;
    if (round(a[i]!, places) !== round(b[i]!, places)) rounded++;
  }
  return [exact, rounded];
}

/** Bins whose judged p the classes read differently: below the level in one and not the other, or a different q. */
function judgedDifferences(reference: Float64Array, here: Float64Array, alpha: number): number {
  let d = 0;
  for (let i = 0; i < here.length; i++) {
    const r = reference[i]!;
    const h = here[i]!;
    if (
      r < alpha
        ? !(Object.is(h, r) || Math.abs(h - r) <= pTolerance * r)
        : h !== 1 && !(Number.isNaN(r) && Number.isNaN(h))
    )
      d++;
  }
  return d;
}

const [file, refRoot, asks = '16'] = args;
if (!file || !refRoot)
  throw new Error('usage: npx tsx bench/emerging-compare.ts <db> <reference root> [asks] [--tolerance]');
const ref = (await import(`${refRoot}/server/stats/space-time.ts`)) as { spaceTimeExcessOfRows: RowsStatistic };
const db = await openDb(file, { readOnly: true });
const [{ ids, w }, { share }] = await Promise.all([contiguity(db), mahallaShares(db)]);
const rng = new Rng(15);
let failed = 0;
for (let k = 0; k < Number(asks); k++) {
  const q = randomAsk(rng, '2026-10-31');
  const sel = await select(db, q);
  const nBins = Math.floor((Date.parse(q.to) - Date.parse(q.from)) / 864e5 + 1) / 7;
  const { rows, from } = await binCounts(db, sel, 'week', q.from);
  const args = (): SpaceTimeRowsArgs => [
    ids,
    rows.id.slice(),
    rows.k.slice(),
    rows.n.slice(),
    share,
    nBins,
    w,
    { fdr: true },
  ];
  const a = ref.spaceTimeExcessOfRows(...args());
  // This tree as the service runs it: the cube filled by binCubeInto, the statistics on both workers.
  const { cube } = await binCubeInto(db, sel, 'week', q.from, ids, nBins, sharedF64(ids.length * nBins));
  const b = await spaceTimeOfCubeOnWorkers(cube, share, ids.length, nBins, w, { fdr: true });
  const d = {
    category: differences(a.category, b.category, 0)[0],
    finalZ: differences(a.finalZ, b.finalZ, 3, zTolerance),
    trendZ: differences(a.trendZ, b.trendZ, 3),
    trendP: differences(a.trendP, b.trendP, 5),
    z: differences(a.z, b.z, 3, zTolerance),
    binRecords: differences(a.binRecords, b.binRecords, 0)[0],
    binTooFew: differences(a.binTooFew, b.binTooFew, 0)[0],
    judgedP: judgedDifferences(a.p, b.p, EMERGING_ALPHA),
  };
  const bad = Object.values(d).some((v) => (Array.isArray(v) ? v[0] + v[1] : v) > 0);
  if (bad) failed++;
  const list = (xs: readonly string[] | undefined): string => (xs ?? []).join(',');
  const what =
    q.source === 'applications'
      ? `${list(q.registries)} / ${list(q.receivers)}`
      : `${list(q.categories)} / ${list(q.statuses)}`;
  const hot = b.category.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
  console.log(
    `${bad ? 'DIFFERS' : 'same'}  ${q.from}…${q.to} (${nBins} weeks, rows from ${from}, ${rows.id.length} rows) ` +
      `${q.source ?? 'incidents'}: ${what}; ${hot} of ${ids.length} mahallas in a class` +
      (bad ? `\n  ${JSON.stringify(d)}` : ''),
  );
}
db.close();
console.log(
  `${failed} of ${asks} asks differ (${ids.length} mahallas each${zTolerance > 0 ? ', with --tolerance' : ', as doubles'})`,
);
process.exitCode = failed > 0 ? 1 : 0;
