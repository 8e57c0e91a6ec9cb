// How many demo mahallas each district gets: by area in the city, half equal and half by sqrt(area) nationally.

/** National plan weights and bounds. */
const NATIONAL = {
  equalShare: 0.5, // share of the total split equally between districts; the rest follows sqrt(area)
  minCount: 3, // every district gets at least this many
  minMeanKm2: 0.7, // no district is planned cells smaller than this on average (Tashkent's mean), where the total allows
};

/**
 * How many mahallas each district gets; the counts sum to `total` exactly (largest remainder).
 * City mode: proportional to area, at least 1 each. National mode: half an equal share, half by sqrt(area), so large
 * rural districts get more cells but far larger ones; at least 3 each, and no more than area / 0.7 km² where the total
 * allows, so small city cores are not promised cells they cannot hold.
 * @example planMahallaCounts([{ soato: '1726294', areaKm2: 30.4 }, { soato: '1726273', areaKm2: 16.7 }], 66, 'city') // 43 and 23
 */
export function planMahallaCounts(
  districts: Array<{ soato: string; areaKm2: number }>,
  total: number,
  mode: 'city' | 'national',
): Map<string, number> {
  const n = districts.length;
  const min = mode === 'city' ? 1 : NATIONAL.minCount;
  if (n === 0) return new Map();
  if (!Number.isInteger(total) || total < min * n)
    throw new Error(`cannot give ${n} districts at least ${min} of ${total}`);
  const area = districts.map((d) => Math.max(0, d.areaKm2));
  const sqrtSum = area.reduce((s, a) => s + Math.sqrt(a), 0) || 1;
  const weights = area.map((a) =>
    mode === 'city' ? a : NATIONAL.equalShare / n + ((1 - NATIONAL.equalShare) * Math.sqrt(a)) / sqrtSum,
  );
  let upper = area.map((a) => (mode === 'city' ? Infinity : Math.max(min, Math.floor(a / NATIONAL.minMeanKm2))));
  if (upper.reduce((s, u) => s + u, 0) < total) upper = upper.map(() => Infinity);
  // Shares outside [min, upper] are pinned there and the rest is shared again among the others.
  const pinned: Array<number | null> = districts.map(() => null);
  let quotas: number[] = [];
  for (let changed = true; changed;) {
    changed = false;
    const free = total - pinned.reduce<number>((s, p) => s + (p ?? 0), 0);
    const w = weights.reduce((s, x, i) => s + (pinned[i] === null ? x : 0), 0) || 1;
    quotas = weights.map((x, i) => pinned[i] ?? (free * x) / w);
    quotas.forEach((q, i) => {
      const bound = q < min ? min : q > (upper[i] ?? Infinity) ? (upper[i] ?? q) : null;
      if (pinned[i] === null && bound !== null) {
        pinned[i] = bound;
        changed = true;
      }
    });
  }
  const counts = quotas.map((q) => Math.floor(q));
  const left = total - counts.reduce((s, c) => s + c, 0);
  if (left < 0 || left > n) throw new Error(`plan does not add up to ${total}`);
  const byRemainder = quotas.map((_, i) => i).sort((a, b) => ((quotas[b] ?? 0) % 1) - ((quotas[a] ?? 0) % 1) || a - b);
  for (let k = 0; k < left; k++) {
    const i = byRemainder[k] ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return new Map(districts.map((d, i) => [d.soato, counts[i] ?? min]));
}
