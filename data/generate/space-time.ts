// Where and when demo events happen: population-weighted places, drifting hotspots, weekly and seasonal cycles.
import { cumulative, type Rng } from './random.ts';
import { DAY_MS, PERIOD_DAYS, PERIOD_START_MS } from './scales.ts';

/** Point lookup used for rejection sampling (PolygonIndex satisfies it); the loader joins the stored points. */
export interface Locator {
  locate(lon: number, lat: number): number;
}

export interface Hotspot {
  lon: number;
  lat: number;
  /** drift over the whole period, degrees */
  dLon: number;
  dLat: number;
  sigmaDeg: number;
  kind: 'steady' | 'emerging' | 'fading' | 'seasonal' | 'flare';
  weight: number;
  /** preferred incident categories (indices into INCIDENT_CATEGORIES) */
  categories: number[];
  flareAt: number;
}

/** Relative intensity of a hotspot at period fraction t ∈ [0, 1). Emerging ones grow, fading ones die out. */
export function hotspotAmplitude(h: Hotspot, t: number): number {
  switch (h.kind) {
    case 'steady':
      return 1;
    case 'emerging':
      return t < 0.45 ? 0.05 : 0.05 + (t - 0.45) * 3.4;
    case 'fading':
      return Math.max(0.03, 1.7 * (1 - 1.25 * t));
    case 'seasonal':
      return 0.25 + 1.5 * Math.max(0, Math.sin(2 * Math.PI * (t * 3 - 0.3)));
    case 'flare':
      return Math.abs(t - h.flareAt) < 0.06 ? 4 : 0.05;
  }
}

const KINDS: Hotspot['kind'][] = ['steady', 'steady', 'emerging', 'emerging', 'fading', 'seasonal', 'flare'];

/** Places hotspots at population-weighted mahalla centroids; about one per 20 mahallas. */
export function makeHotspots(
  centroids: readonly [number, number][],
  population: Int32Array,
  categoryCount: number,
  rng: Rng,
): Hotspot[] {
  const cum = cumulative(population);
  const count = Math.max(3, Math.round(centroids.length / 20));
  const out: Hotspot[] = [];
  for (let i = 0; i < count; i++) {
    const c = centroids[rng.weighted(cum)] ?? [0, 0];
    const driftKm = rng.range(0, 1.6);
    const angle = rng.range(0, 2 * Math.PI);
    const kmToDeg = 1 / 111.3;
    out.push({
      lon: c[0],
      lat: c[1],
      dLon: (Math.cos(angle) * driftKm * kmToDeg) / Math.cos((c[1] * Math.PI) / 180),
      dLat: Math.sin(angle) * driftKm * kmToDeg,
      sigmaDeg: rng.range(0.25, 0.7) * kmToDeg,
      kind: rng.pick(KINDS),
      weight: rng.range(0.5, 1.5),
      categories: [rng.int(0, categoryCount - 1), rng.int(0, categoryCount - 1)],
      flareAt: rng.range(0.15, 0.9),
    });
  }
  return out;
}

/** Day weights over the period: summer peak, busier Fridays and Saturdays, a slight upward trend. */
export function dayWeights(weekday: readonly number[]): Float64Array {
  const w = new Float64Array(PERIOD_DAYS);
  for (let d = 0; d < PERIOD_DAYS; d++) {
    const date = new Date(PERIOD_START_MS + d * DAY_MS);
    const doy = (date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
    const dow = (date.getUTCDay() + 6) % 7; // Monday = 0
    w[d] =
      (1 + 0.18 * Math.cos((2 * Math.PI * (doy - 196)) / 365)) * (weekday[dow] ?? 1) * (1 + (0.06 * d) / PERIOD_DAYS);
  }
  return cumulative(w);
}

/**
 * Draws places: inside a given mahalla, by population, or around a point. Results land in `lon`, `lat` (no
 * allocation per draw). The loader's join (data/load.ts) finds each point's mahalla and refuses a point in none, which
 * only the centroid fallback of a mahalla that 64 draws in its box all missed could produce.
 */
export class PlaceSampler {
  lon = 0;
  lat = 0;
  private readonly popCum: Float64Array;

  constructor(
    private readonly locator: Locator,
    private readonly bbox: Float64Array,
    private readonly fallback: readonly [number, number][],
    population: Int32Array,
    private readonly rng: Rng,
  ) {
    this.popCum = cumulative(population);
  }

  /** A uniform point inside mahalla `m` (rejection sampling in its bounding box). */
  inMahalla(m: number): void {
    const b = this.bbox;
    for (let tries = 0; tries < 64; tries++) {
      const lon = this.rng.range(b[4 * m] ?? 0, b[4 * m + 2] ?? 0);
      const lat = this.rng.range(b[4 * m + 1] ?? 0, b[4 * m + 3] ?? 0);
      if (this.locator.locate(lon, lat) === m) {
        this.set(lon, lat);
        return;
      }
    }
    const [lon, lat] = this.fallback[m] ?? [0, 0];
    this.set(lon, lat);
  }

  byPopulation(): void {
    this.inMahalla(this.rng.weighted(this.popCum));
  }

  /** A Gaussian draw around (lon, lat); falls back to a population draw when it keeps landing outside the area. */
  near(lon: number, lat: number, sigmaDeg: number): void {
    const cos = Math.cos((lat * Math.PI) / 180);
    for (let tries = 0; tries < 8; tries++) {
      const x = lon + (this.rng.normal() * sigmaDeg) / cos;
      const y = lat + this.rng.normal() * sigmaDeg;
      if (this.locator.locate(x, y) >= 0) {
        this.set(x, y);
        return;
      }
    }
    this.byPopulation();
  }

  private set(lon: number, lat: number): void {
    // 6 decimals ≈ 0.1 m: as precise as any recorded address point, and smaller to store and send. Rounding may move
    // a point across a border (the loader's join sees the stored point), but one that it moves off the map keeps its
    // full precision.
    const rLon = Math.round(lon * 1e6) / 1e6;
    const rLat = Math.round(lat * 1e6) / 1e6;
    const onMap = this.locator.locate(rLon, rLat) >= 0;
    this.lon = onMap ? rLon : lon;
    this.lat = onMap ? rLat : lat;
  }
}

/** Seconds since the period start for a day index and an hour profile (24 weights, cumulative). */
export function secondsAt(day: number, hourCum: Float64Array, rng: Rng): number {
  const hour = rng.weighted(hourCum);
  return day * 86_400 + hour * 3600 + Math.floor(rng.next() * 3600);
}
