// Events per unit (mahalla, district) and day as running sums, so the count of any window of days is two lookups;
// and the sorted days of events per key, so "the last one on or before a day" is a binary search. Pure, typed arrays.
// Days are whole-day indices on one calendar chosen by the caller (e.g. days since the start of the data).

export interface DayCounts {
  units: number;
  /** the first day held (index on the caller's calendar) */
  first: number;
  /** number of days held, from `first` */
  days: number;
  /** units × (days + 1) running sums: `cum[u * (days + 1) + k]` = events of unit u on the k days from `first` */
  cum: Int32Array;
}

/**
 * Running sums from one (unit, day) pair per event; events outside the units or days are left out.
 * @example dayCounts(1, 0, 3, Int32Array.of(0, 0, 0), Int32Array.of(0, 0, 2)).cum // [0, 2, 2, 3]
 */
export function dayCounts(units: number, first: number, days: number, unit: Int32Array, day: Int32Array): DayCounts {
  const stride = days + 1;
  const cum = new Int32Array(units * stride);
  for (let i = 0; i < unit.length; i++) {
    const u = unit[i] ?? -1;
    const d = (day[i] ?? first - 1) - first;
    if (u >= 0 && u < units && d >= 0 && d < days) cum[u * stride + d + 1] = (cum[u * stride + d + 1] ?? 0) + 1;
  }
  for (let u = 0; u < units; u++) {
    for (let k = 1, at = u * stride + 1; k <= days; k++, at++) cum[at] = (cum[at] ?? 0) + (cum[at - 1] ?? 0);
  }
  return { units, first, days, cum };
}

/**
 * Events of `unit` on days `from`…`to` (inclusive); days outside those held count as none.
 * @example windowSum(dayCounts(1, 0, 3, Int32Array.of(0, 0, 0), Int32Array.of(0, 0, 2)), 0, 1, 5) // 1
 */
export function windowSum(c: DayCounts, unit: number, from: number, to: number): number {
  const lo = Math.max(0, from - c.first);
  const hi = Math.min(c.days, to - c.first + 1);
  if (hi <= lo) return 0;
  const base = unit * (c.days + 1);
  return (c.cum[base + hi] ?? 0) - (c.cum[base + lo] ?? 0);
}

/**
 * The same days summed over groups of units (mahallas into districts); units with group −1 are left out.
 * @example groupDayCounts(c, Int32Array.of(0, 0, 1), 2) // two rows: units 0 + 1, and unit 2
 */
export function groupDayCounts(c: DayCounts, groupOf: Int32Array, groups: number): DayCounts {
  const stride = c.days + 1;
  const cum = new Int32Array(groups * stride);
  for (let u = 0; u < c.units; u++) {
    const g = groupOf[u] ?? -1;
    if (g < 0 || g >= groups) continue;
    for (let k = 0; k < stride; k++) cum[g * stride + k] = (cum[g * stride + k] ?? 0) + (c.cum[u * stride + k] ?? 0);
  }
  return { units: groups, first: c.first, days: c.days, cum };
}

export interface DayLists {
  /** keys + 1 offsets into `days`: the days of key k are `days[start[k]]`…`days[start[k + 1] − 1]`, ascending */
  start: Int32Array;
  days: Int32Array;
}

/**
 * Groups (key, day) pairs by key, days ascending within each; keys outside 0…keys−1 are left out.
 * @example dayLists(2, Int32Array.of(1, 0, 1), Int32Array.of(9, 4, 3)) // start [0, 1, 3], days [4, 3, 9]
 */
export function dayLists(keys: number, key: Int32Array, day: Int32Array): DayLists {
  const start = new Int32Array(keys + 1);
  for (const k of key) if (k >= 0 && k < keys) start[k + 1] = (start[k + 1] ?? 0) + 1;
  for (let k = 0; k < keys; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const days = new Int32Array(start[keys] ?? 0);
  const fill = start.slice(0, keys);
  key.forEach((k, i) => {
    if (k < 0 || k >= keys) return;
    days[fill[k] ?? 0] = day[i] ?? 0;
    fill[k] = (fill[k] ?? 0) + 1;
  });
  for (let k = 0; k < keys; k++) days.subarray(start[k], start[k + 1]).sort();
  return { start, days };
}

/**
 * The first position in `lo`…`hi`−1 of ascending `days` whose day is after `day` (`hi` when none is).
 * @example after(Int32Array.of(3, 5, 5, 8), 5) // 3
 */
export function after(days: Int32Array, day: number, lo = 0, hi = days.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? 0) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last day of `key` on or before `day`, or null when there is none.
 * @example lastOnOrBefore(dayLists(2, Int32Array.of(1, 0, 1), Int32Array.of(9, 4, 3)), 1, 8) // 3
 */
export function lastOnOrBefore(l: DayLists, key: number, day: number): number | null {
  const first = l.start[key] ?? 0;
  const end = after(l.days, day, first, l.start[key + 1] ?? 0);
  return end > first ? (l.days[end - 1] ?? null) : null;
}
