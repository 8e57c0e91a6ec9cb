// The geocoding quality checks of an import, as pure functions over typed arrays: per-row flags (outside every
// mahalla, exactly on a mahalla's centroid, a future date, a date before the data start) and runs of equal keys in
// rows sorted by those keys (many records on one coordinate; likely duplicates), fed in chunks so memory stays bounded.

/** Row flags of `flagRows`. */
export const OUTSIDE = 1;
export const ON_CENTROID = 2;
export const FUTURE = 4;
export const BEFORE_START = 8;

/** A point this close (degrees, ≈ 1 cm) to a mahalla's centroid is "on" it: geocoders write the centroid exactly. */
export const CENTROID_EPS = 1e-7;

export interface RowInputs {
  /** degrees; NaN where the record has no point (a mahalla code only) */
  lon: Float64Array;
  lat: Float64Array;
  /** index of the mahalla the record lies in (into cLon/cLat), -1 when none */
  mahalla: Int32Array;
  /** the record's day as days since 1970-01-01 (dayNumber) */
  day: Int32Array;
}

export interface RowContext {
  /** mahalla centroids by index, degrees */
  cLon: Float64Array;
  cLat: Float64Array;
  /** first day of the data and the import's day, as day numbers: earlier is "before the start", later "future" */
  startDay: number;
  today: number;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD…` text (the time part is ignored).
 * @example dayNumber('1970-01-02 10:00:00') // 1
 */
export function dayNumber(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / 86_400_000;
}

/**
 * The quality flags of each row (a bit set of OUTSIDE, ON_CENTROID, FUTURE, BEFORE_START). A record without a point
 * is never outside nor on a centroid: its mahalla came from its code.
 * @example
 * flagRows({ lon: Float64Array.of(69.205, 70), lat: Float64Array.of(41.305, 41), mahalla: Int32Array.of(0, -1), day: Int32Array.of(10, 30) },
 *   { cLon: Float64Array.of(69.205), cLat: Float64Array.of(41.305), startDay: 5, today: 20 }) // Uint8Array [2, 5]
 */
export function flagRows(rows: RowInputs, ctx: RowContext): Uint8Array {
  const n = rows.lon.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let f = 0;
    const lon = rows.lon[i]!;
    const m = rows.mahalla[i]!;
    if (!Number.isNaN(lon)) {
      if (m < 0) f |= OUTSIDE;
      else if (Math.abs(lon - ctx.cLon[m]!) < CENTROID_EPS && Math.abs(rows.lat[i]! - ctx.cLat[m]!) < CENTROID_EPS)
        f |= ON_CENTROID;
    }
    const d = rows.day[i]!;
    if (d > ctx.today) f |= FUTURE;
    else if (d < ctx.startDay) f |= BEFORE_START;
    out[i] = f;
  }
  return out;
}

/** A run of rows with equal keys: the key values, how many rows, and the first few of their ids. */
export interface Run {
  key: number[];
  rows: number;
  ids: string[];
}

/**
 * Finds runs of at least `min` rows with equal keys in rows sorted by those keys, fed in chunks of any size (a run
 * may span chunks). Keeps the `keep` longest runs (ties: the first found) and counts all of them.
 * @example
 * const f = new RunFinder(2, 10);
 * f.feed([Float64Array.of(1, 1), Float64Array.of(5, 5)], ['a', 'b']);
 * f.feed([Float64Array.of(1, 2), Float64Array.of(5, 5)], ['c', 'd']);
 * f.end() // { runs: 1, rows: 3, longest: [{ key: [1, 5], rows: 3, ids: ['a', 'b', 'c'] }] }
 */
export class RunFinder {
  private key: number[] | null = null;
  private length = 0;
  private ids: string[] = [];
  private runs = 0;
  private rows = 0;
  private longest: Run[] = [];

  /** `idsKept`: how many ids of a run to keep as examples. */
  constructor(
    private readonly min: number,
    private readonly keep: number,
    private readonly idsKept = 5,
  ) {}

  /** Feeds the next rows: one Float64Array per key column (all the same length) and the rows' ids. */
  feed(keys: readonly Float64Array[], ids: readonly string[]): void {
    const n = keys[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      if (!this.same(keys, i)) {
        this.close();
        this.key = keys.map((k) => k[i]!);
        this.length = 0;
        this.ids = [];
      }
      this.length++;
      if (this.ids.length < this.idsKept) this.ids.push(ids[i]!);
    }
  }

  end(): { runs: number; rows: number; longest: Run[] } {
    this.close();
    this.key = null;
    return { runs: this.runs, rows: this.rows, longest: this.longest };
  }

  private same(keys: readonly Float64Array[], i: number): boolean {
    if (this.key === null) return false;
    for (let k = 0; k < keys.length; k++) if (keys[k]![i] !== this.key[k]) return false;
    return true;
  }

  private close(): void {
    if (this.key === null || this.length < this.min) return;
    this.runs++;
    this.rows += this.length;
    const run = { key: this.key, rows: this.length, ids: this.ids };
    // Insert in order, longest first; a short list, so a linear insert is cheapest.
    let at = this.longest.length;
    while (at > 0 && this.longest[at - 1]!.rows < run.rows) at--;
    if (at < this.keep) {
      this.longest.splice(at, 0, run);
      if (this.longest.length > this.keep) this.longest.pop();
    }
  }
}
