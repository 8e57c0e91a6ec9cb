// Residents per mahalla, police base points, prevention inspectors and their territories (demo data).
import type { Rng } from './random.ts';
import { normalizeUzName } from '../../server/shared/uz-names.ts';

export interface MahallaSeed {
  districtSoato: string;
  areaKm2: number;
  centroid: [number, number]; // lon, lat
}

/**
 * Residents and households per mahalla. Density falls off with distance from the data's population centre
 * (dense old city, sparse outskirts) with log-normal noise; the sum equals `total` up to rounding.
 */
export function assignPopulation(
  mahallas: readonly MahallaSeed[],
  total: number,
  rng: Rng,
  districtWeights?: ReadonlyMap<string, number>,
): { population: Int32Array; households: Int32Array } {
  const n = mahallas.length;
  let cx = 0;
  let cy = 0;
  for (const m of mahallas) {
    cx += m.centroid[0] / n;
    cy += m.centroid[1] / n;
  }
  const national = n > 2000;
  const weights = new Float64Array(n);
  let sum = 0;
  mahallas.forEach((m, i) => {
    const dxKm = (m.centroid[0] - cx) * 111.3 * Math.cos((cy * Math.PI) / 180);
    const dyKm = (m.centroid[1] - cy) * 111.3;
    const dist = Math.hypot(dxKm, dyKm);
    // Rural mahallas are large but not proportionally populous: population grows with area^0.25 there.
    const base = national ? Math.pow(m.areaKm2, 0.25) : m.areaKm2 * (0.45 + Math.exp(-dist / 9));
    const w = base * Math.exp(0.35 * rng.normal());
    weights[i] = w;
    sum += w;
  });
  // With district weights, each district gets its share of `total`, split inside it by the mahalla weights.
  const districtSum = new Map<string, number>();
  mahallas.forEach((m, i) =>
    districtSum.set(m.districtSoato, (districtSum.get(m.districtSoato) ?? 0) + (weights[i] ?? 0)),
  );
  const dwTotal = districtWeights ? [...districtSum.keys()].reduce((a, d) => a + (districtWeights.get(d) ?? 0), 0) : 0;
  const share = (i: number): number => {
    const d = mahallas[i]?.districtSoato ?? '';
    const w = weights[i] ?? 0;
    if (!districtWeights || dwTotal <= 0 || !districtWeights.has(d)) return w / sum;
    return ((districtWeights.get(d) ?? 0) / dwTotal) * (w / (districtSum.get(d) ?? 1));
  };
  const population = new Int32Array(n);
  const households = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.max(400, Math.round(share(i) * total));
    population[i] = p;
    households[i] = Math.round(p / rng.range(3.6, 5.2));
  }
  return { population, households };
}

export interface Territories {
  /** inspector index per mahalla, -1 = unassigned */
  inspectorOf: Int32Array;
  inspectorCount: number;
  /** district of each inspector */
  inspectorDistrict: string[];
  /** base point index of each inspector */
  inspectorBase: Int32Array;
  basePoints: Array<{ districtSoato: string; mahalla: number; lon: number; lat: number }>;
}

/**
 * Groups each district's mahallas into inspector territories of 1–3 contiguous mahallas (populous mahallas get
 * their own inspector), puts a base point in every ~4th territory and links each inspector to the nearest one.
 * About 1.5 % of mahallas stay unassigned and a few territories are made too big, as in real staffing gaps.
 */
export function assignTerritories(
  mahallas: readonly MahallaSeed[],
  population: Int32Array,
  neighbours: readonly (readonly number[])[],
  rng: Rng,
): Territories {
  const n = mahallas.length;
  const inspectorOf = new Int32Array(n).fill(-1);
  const inspectorDistrict: string[] = [];
  const leaders: number[] = [];
  const skipped = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (rng.next() < 0.015) skipped[i] = 1;

  for (let i = 0; i < n; i++) {
    if (inspectorOf[i] !== -1 || skipped[i]) continue;
    const k = inspectorDistrict.length;
    const m = mahallas[i];
    if (!m) continue;
    inspectorDistrict.push(m.districtSoato);
    leaders.push(i);
    inspectorOf[i] = k;
    // Target size by population: big mahallas alone, small ones in twos or threes; a few overloaded (5).
    const pop = population[i] ?? 0;
    let size = pop > 7000 ? 1 : pop > 4000 ? 2 : 3;
    if (rng.next() < 0.03) size = 5;
    let members = 1;
    const queue = [i];
    while (queue.length > 0 && members < size) {
      const cur = queue.shift() ?? i;
      for (const nb of neighbours[cur] ?? []) {
        if (members >= size) break;
        if (inspectorOf[nb] !== -1 || skipped[nb] || mahallas[nb]?.districtSoato !== m.districtSoato) continue;
        inspectorOf[nb] = k;
        members++;
        queue.push(nb);
      }
    }
  }

  const basePoints: Territories['basePoints'] = [];
  leaders.forEach((leader, k) => {
    const m = mahallas[leader];
    if (!m || k % 4 !== 0) return;
    basePoints.push({ districtSoato: m.districtSoato, mahalla: leader, lon: m.centroid[0], lat: m.centroid[1] });
  });
  const inspectorBase = new Int32Array(leaders.length);
  leaders.forEach((leader, k) => {
    const m = mahallas[leader];
    let best = 0;
    let bestD = Infinity;
    basePoints.forEach((b, j) => {
      if (!m) return;
      const d =
        (b.lon - m.centroid[0]) ** 2 + (b.lat - m.centroid[1]) ** 2 + (b.districtSoato === m.districtSoato ? 0 : 1);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    });
    inspectorBase[k] = best;
  });
  return { inspectorOf, inspectorCount: leaders.length, inspectorDistrict, inspectorBase, basePoints };
}

const SURNAMES = [
  'Karimov',
  'Rahimov',
  'Yusupov',
  'Tursunov',
  'Abdullayev',
  'Ergashev',
  'Xolmatov',
  'Nazarov',
  'Saidov',
  'Qodirov',
  'Mirzayev',
  'Sobirov',
  'Usmonov',
  'Aliyev',
  'Ismoilov',
  'Joʻrayev',
  'Hamidov',
  'Rustamov',
  'Olimov',
  'Fayzullayev',
];
const INITIALS = 'ABDFGHIJKLMNOQRSTUXYZ';
const RANKS = ['Lieutenant', 'Senior lieutenant', 'Senior lieutenant', 'Captain', 'Captain', 'Major'];

/** A plausible inspector name and rank, e.g. "Captain Karimov A. B.". */
export function inspectorIdentity(rng: Rng): { name: string; rank: string } {
  const female = rng.next() < 0.12;
  const surname = rng.pick(SURNAMES) + (female ? 'a' : '');
  const name = `${surname} ${rng.pick([...INITIALS])}. ${rng.pick([...INITIALS])}.`;
  return { name: normalizeUzName(name), rank: rng.pick(RANKS) };
}
