// Emerging hot spots: a space-time cube of weekly or monthly record counts per mahalla, the hot-spot map's exact
// neighbourhood test per time slice, Mann–Kendall on each mahalla's z-equivalent series, and the standard classes.
import type { Db } from '../../db/database.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { EMERGING_CLASSES } from '../../stats/emerging.ts';
import { giveBackF64, spaceTimeOfCubeOnWorkers, takeF64 } from '../../stats/space-time-pool.ts';
import { contiguity, exactInference, mahallaShares } from './hotspots.ts';
import { MIN_RECORDS, tooFewToTest } from '../../stats/neighbourhood-excess.ts';
import type { Inference } from '../../contract/hotspots.ts';
import type { RecordSource } from '../../contract/catalog.ts';
import { addDays, lengthDays, monthStarts, type Period } from '../../shared/period.ts';
import type { SpaceTimeResult } from '../../stats/space-time.ts';
import { dataEpoch, memoAsync } from '../../db/per-db.ts';
import { binCubeInto, type Bin } from './bin-counts.ts';

export interface EmergingResult {
  params: {
    method: 'Emerging hot spot analysis (exact neighbourhood test per time slice + Mann–Kendall)';
    source: RecordSource;
    bin: 'week' | 'month';
    /** first day of the first bin and last day of the last bin (whole bins ending at `to`) */
    from: string;
    to: string;
    bins: number;
    categories: string[];
    statuses: string[];
    fdr: true;
    /** the rule of every bin; `records` is the study area's records over all bins */
    inference: Inference;
  };
  /**
   * Set when some bins hold too few records in the study area for any mahalla to be significant in them (those bins
   * count as not significant, which the classes would misread): the fewest records in a bin, the least a bin needs,
   * and how many bins fall short.
   */
  tooFew: { records: number; needed: number; bins: number } | null;
  classes: Array<{ id: string; label: string }>;
  /** Columnar, in mahalla id order (of the district when one is given); `category` indexes `classes`. */
  ids: number[];
  category: number[];
  finalZ: number[];
  trendZ: number[];
  trendP: number[];
  /** One mahalla's z-equivalent per bin, when `mahalla` was asked for. */
  series?: { id: number; binStarts: string[]; z: number[] };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Whole bins ending on `to`: weeks of 7 days, or calendar months (the last one may be partial). */
function binStarts(p: Period, bin: Bin): string[] {
  if (bin === 'month') return monthStarts(p.from, p.to);
  const n = Math.floor(lengthDays(p) / 7);
  const first = addDays(p.to, 1 - 7 * n);
  return Array.from({ length: n }, (_, k) => addDays(first, 7 * k));
}

/** The thinnest bin's records and the least a bin needs for any mahalla to be significant in it. */
function fewest(binRecords: Float64Array, share: Float64Array): { records: number; needed: number } {
  const records = Math.min(...binRecords);
  return { records, needed: tooFewToTest(share, records, true)?.needed ?? MIN_RECORDS };
}

/** What the statistics of one request depend on (not its area, which only narrows what is returned). */
interface Computed {
  st: Omit<SpaceTimeResult, 'p'>;
  inference: Inference;
}

/** Answers kept per database: a few recent ones (≈ 12 MB each nationally, mostly the z series). */
const KEEP = 4;

/**
 * A Map that forgets its least recently set entry beyond KEEP (the cache of memoAsync), and tells `letGo` of every value
 * it forgets or has replaced under its key.
 */
class Recent<K, V> extends Map<K, V> {
  constructor(private readonly letGo: (value: V) => void) {
    super();
  }

  override set(key: K, value: V): this {
    const old = this.get(key);
    this.delete(key);
    super.set(key, value);
    if (old !== undefined && old !== value) this.letGo(old);
    if (this.size > KEEP) {
      const oldest = this.keys().next().value as K;
      const gone = this.get(oldest)!;
      this.delete(oldest);
      this.letGo(gone);
    }
    return this;
  }
}

/**
 * Hands the z series of an answer no longer kept back to the workers' scratch (takeF64): a fresh 11.7 MB array for
 * each national ask cost ≈ 30 ms of page faults on this host. Not before every request already waiting on the answer
 * has read it: they continue as soon as it resolves (getEmerging reads z without awaiting anything after), which is
 * before the next macrotask.
 */
function letGoOf(kept: Promise<Computed>): void {
  kept.then(
    ({ st }) => setImmediate(() => giveBackF64(st.z)),
    () => undefined,
  );
}

interface Ask {
  sel: Selection;
  bin: Bin;
  first: string;
  nBins: number;
}

async function compute(db: Db, { sel, bin, first, nBins }: Ask): Promise<Computed> {
  const [{ ids, w: weights }, { share, residents }] = await Promise.all([contiguity(db), mahallaShares(db)]);
  // The cube in shared memory, from the weekly counts straight into each slice when the bins are their weeks
  // (bin-counts.ts): ≈ 10 ms here, and both workers start at once.
  // The cube and the judged p (which the answer does not read) are scratch, handed back for later asks to fill again.
  const into = takeF64(ids.length * nBins).fill(0);
  const { cube } = await binCubeInto(db, sel, bin, first, ids, nBins, into);
  // On both statistics workers: nationally ≈ 1.5 M exact tests and 10⁸ comparisons of Mann–Kendall, too long for the
  // server's main thread.
  const { p, ...st } = await spaceTimeOfCubeOnWorkers(cube, share, ids.length, nBins, weights, { fdr: true });
  giveBackF64(into, p);
  const inference = await exactInference(db, {
    neighbourhood: 'the mahalla and the mahallas touching it (queen contiguity), in each time bin',
    records: st.binRecords.reduce((a, b) => a + b, 0),
    residents,
    fdr: true,
  });
  return { st, inference };
}

/** Per database: the statistics of an ask by its key, computed once per data generation (perDb's epoch). */
const cached = new WeakMap<
  Db,
  { asks: Map<string, Ask>; kept: Recent<string, Promise<Computed>>; load: (key: string) => Promise<Computed> }
>();

/** The generation each kept ask was computed under: kept answers of an older one are computed again when asked. */
const keptAt = new WeakMap<Promise<Computed>, number>();

const keyOf = ({ sel, bin, first, nBins }: Ask): string =>
  JSON.stringify([sel.source, sel.filter.params, bin, first, nBins]);

/**
 * The statistics of the selection's records, shared by asks that differ only in area or mahalla and by asks made at
 * once (three national ones used to run side by side for 5–15 s); recomputed once the data changes (dataEpoch).
 */
function computed(db: Db, ask: Ask): Promise<Computed> {
  let c = cached.get(db);
  if (!c) {
    const asks = new Map<string, Ask>();
    const kept = new Recent<string, Promise<Computed>>(letGoOf);
    const load = memoAsync(
      // memoAsync runs it outside the asking request's abort signal: one client leaving must not fail the others.
      (key: string) => compute(db, asks.get(key)!),
      {
        // Least recently asked goes first: the default asks, kept warm and asked most, stay.
        get: (key) => {
          const hit = kept.get(key);
          if (hit) kept.set(key, hit);
          return hit;
        },
        delete: (key) => kept.delete(key),
        set: (key, value) => {
          keptAt.set(value, dataEpoch(db));
          return kept.set(key, value);
        },
      },
      () => dataEpoch(db),
    );
    c = { asks, kept, load };
    cached.set(db, c);
  }
  const key = keyOf(ask);
  c.asks.set(key, ask);
  return c.load(key).finally(() => c.asks.delete(key));
}

/** Whether the statistics of the period's ask with these filters are kept (or being computed) for the current data. */
export function emergingKept(db: Db, sel: Selection, bin: Bin): boolean {
  const starts = binStarts(sel.period, bin);
  const ask = { sel, bin, first: starts[0] ?? sel.period.from, nBins: starts.length };
  const hit = cached.get(db)?.kept.get(keyOf(ask));
  return hit !== undefined && keptAt.get(hit) === dataEpoch(db);
}

export async function getEmerging(db: Db, sel: Selection, bin: Bin): Promise<EmergingResult> {
  const starts = binStarts(sel.period, bin);
  const nBins = starts.length;
  const first = starts[0] ?? sel.period.from;
  // Each bin is judged over every mahalla (the study area); the area narrows what is returned.
  const [{ ids }, { share }] = await Promise.all([contiguity(db), mahallaShares(db)]);
  const { st, inference } = await computed(db, { sel, bin, first, nBins });
  const short = st.binTooFew.reduce((a, b) => a + b, 0);
  const out: EmergingResult = {
    params: {
      method: 'Emerging hot spot analysis (exact neighbourhood test per time slice + Mann–Kendall)',
      source: sel.source,
      bin: bin,
      from: first,
      to: sel.period.to,
      bins: nBins,
      categories: sel.categories,
      statuses: sel.statuses,
      fdr: true,
      inference,
    },
    tooFew: short > 0 ? { ...fewest(st.binRecords, share), bins: short } : null,
    classes: EMERGING_CLASSES.map(({ id, label }) => ({ id, label })),
    ids: [],
    category: [],
    finalZ: [],
    trendZ: [],
    trendP: [],
  };
  ids.forEach((id, i) => {
    if (!inArea(sel, i)) return;
    out.ids.push(id);
    // A class read from bins that could not be tested (a "new" hot spot after untestable weeks) would mislead: none.
    out.category.push(short > 0 ? 0 : (st.category[i] ?? 0));
    out.finalZ.push(round3(st.finalZ[i] ?? 0));
    out.trendZ.push(round3(st.trendZ[i] ?? 0));
    out.trendP.push(Math.round((st.trendP[i] ?? 1) * 1e5) / 1e5);
  });
  const m = sel.mahalla === null ? -1 : ids.indexOf(sel.mahalla);
  if (m >= 0 && sel.mahalla !== null) {
    out.series = {
      id: sel.mahalla,
      binStarts: starts,
      z: Array.from(st.z.subarray(m * nBins, (m + 1) * nBins), round3),
    };
  }
  return out;
}
