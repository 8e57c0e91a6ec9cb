// The candidate clusters of Kulldorff's spatial scan: circles around every unit's centre, grown neighbour by neighbour.
import Flatbush from 'flatbush';

/**
 * Circular scan windows as sorted neighbour lists (Kulldorff 1997; SaTScan's circular windows centred on the data
 * locations). Centre c's list is members[offsets[c] .. offsets[c + 1]): the units by distance from c (ties by index),
 * c itself first. The window "c, position k" is the first k + 1 of them; it is a circle, and so a candidate, only where
 * `closes[k]` is 1 (the next unit is strictly farther: units at the same distance enter together).
 */
export interface ScanWindows {
  n: number;
  offsets: Uint32Array;
  members: Int32Array;
  /** 1 where a circle closes at this position */
  closes: Uint8Array;
  /** residents of the first k + 1 members */
  popCum: Float64Array;
  /** distance from the centre to the member at this position, in the plane units of the coordinates (km) */
  radius: Float32Array;
  /** the largest share of all residents a window may hold */
  maxShare: number;
}

/** Mean earth radius (km), as server/geo/distance.ts uses. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Plane coordinates in km for [lon, lat] degrees: equirectangular about the points' mean latitude. Within a city the
 * distances are exact to < 0.1 %; across Uzbekistan (37–46° N) east–west distances are off by up to ≈ 8 %.
 * @example projectKm(new Float64Array([69.2, 69.3]), new Float64Array([41.3, 41.3])).x[1] // ≈ 8.36 (0.1° of longitude at 41.3° N)
 */
export function projectKm(lon: Float64Array, lat: Float64Array): { x: Float64Array; y: Float64Array } {
  let mean = 0;
  for (let i = 0; i < lat.length; i++) mean += lat[i]! / lat.length;
  const k = (Math.PI / 180) * EARTH_RADIUS_KM;
  const cos = Math.cos((mean * Math.PI) / 180);
  return { x: lon.map((v) => v * k * cos), y: lat.map((v) => v * k) };
}

/**
 * Every circle centred on a unit holding at most `maxShare` of all residents (SaTScan's default limit is 50 %), or null
 * when the lists would exceed `maxEntries` members in all (the Monte Carlo loop walks every entry once per draw).
 * Distances are Euclidean in the plane of `x`, `y` (see projectKm).
 * @example
 * // four units on a line 1 km apart, 100 residents each; at most half of the 400 residents
 * const w = circularWindows(new Float64Array([0, 1, 2, 3]), new Float64Array(4), new Float64Array([100, 100, 100, 100]), 0.5);
 * Array.from(w.members.subarray(w.offsets[0], w.offsets[1])); // [0, 1]: circles {0} and {0, 1}
 * Array.from(w.members.subarray(w.offsets[1], w.offsets[2])); // [1]: units 0 and 2, both 1 km away, would make 75 %
 */
export function circularWindows(
  x: Float64Array,
  y: Float64Array,
  pop: Float64Array,
  maxShare: number,
  maxEntries = Infinity,
): ScanWindows | null {
  const n = x.length;
  if (y.length !== n || pop.length !== n) throw new RangeError('x, y and pop must have one entry per unit');
  if (!(maxShare > 0 && maxShare <= 1)) throw new RangeError(`maxShare must be in (0, 1], got ${maxShare}`);
  let total = 0;
  for (let i = 0; i < n; i++) total += pop[i]!;
  const cap = maxShare * total * (1 + 1e-12);
  const offsets = new Uint32Array(n + 1);
  let members = new Int32Array(Math.max(16, n * 4));
  let closes = new Uint8Array(members.length);
  let popCum = new Float64Array(members.length);
  let radius = new Float32Array(members.length);
  let used = 0;
  const index = new Flatbush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(x[i]!, y[i]!, x[i], y[i]);
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  // A first guess of how many neighbours a circle needs; doubled while the kth neighbour is still inside the cap.
  let k = Math.min(n, Math.max(16, Math.ceil(2 * maxShare * n) + 8));
  const d2 = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let list: number[];
    let count: number;
    for (;;) {
      list = index.neighbors(x[c]!, y[c]!, k);
      for (const j of list) d2[j] = (x[j]! - x[c]!) ** 2 + (y[j]! - y[c]!) ** 2;
      list.sort((a, b) => d2[a]! - d2[b]! || a - b);
      count = withinCap(list, d2, pop, cap);
      // Complete only if the cap stopped the growth, or every unit was seen: the kth neighbour's distance group may
      // continue beyond the k returned.
      if (count < list.length || k >= n) break;
      k = Math.min(n, k * 2);
    }
    if (used + count > maxEntries) return null;
    if (used + count > members.length) {
      const size = Math.max(members.length * 2, used + count);
      members = grow(members, new Int32Array(size));
      closes = grow(closes, new Uint8Array(size));
      popCum = grow(popCum, new Float64Array(size));
      radius = grow(radius, new Float32Array(size));
    }
    let cum = 0;
    for (let p = 0; p < count; p++) {
      const j = list[p]!;
      cum += pop[j]!;
      members[used + p] = j;
      popCum[used + p] = cum;
      radius[used + p] = Math.sqrt(d2[j]!);
      closes[used + p] = p === count - 1 || d2[list[p + 1]!]! > d2[j]! ? 1 : 0;
    }
    used += count;
    offsets[c + 1] = used;
  }
  return {
    n,
    offsets,
    members: members.slice(0, used),
    closes: closes.slice(0, used),
    popCum: popCum.slice(0, used),
    radius: radius.slice(0, used),
    maxShare,
  };
}

/** How many of the sorted units form whole distance groups within the cap (a group that crosses it is left out). */
function withinCap(sorted: number[], d2: Float64Array, pop: Float64Array, cap: number): number {
  let cum = 0;
  let kept = 0;
  for (let p = 0; p < sorted.length; p++) {
    cum += pop[sorted[p]!]!;
    if (cum > cap) return kept;
    const next = sorted[p + 1];
    if (next === undefined || d2[next]! > d2[sorted[p]!]!) kept = p + 1;
  }
  return kept;
}

function grow<T extends Int32Array | Uint8Array | Float64Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
