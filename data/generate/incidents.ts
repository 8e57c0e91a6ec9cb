// Demo incidents: population background plus drifting hotspots, with weekly, seasonal and hour-of-day cycles.
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../server/contract/catalog.ts';
import { cumulative, type Rng } from './random.ts';
import { PERIOD_DAYS } from './scales.ts';
import { dayWeights, hotspotAmplitude, secondsAt, type Hotspot, type PlaceSampler } from './space-time.ts';

/** Base shares of categories (sum 1). Property crime and hooliganism dominate, as in district reports. */
export const CATEGORY_SHARES: Record<IncidentCategory, number> = {
  person: 0.12,
  property: 0.26,
  fraud: 0.14,
  drugs: 0.07,
  trafficking: 0.01,
  organised: 0.01,
  extremism: 0.006,
  hooliganism: 0.12,
  traffic: 0.11,
  domestic: 0.09,
  wanted_found: 0.03,
  missing_person: 0.034,
};

const SOLVE_RATE: Record<IncidentCategory, number> = {
  person: 0.78,
  property: 0.52,
  fraud: 0.46,
  drugs: 0.9,
  trafficking: 0.7,
  organised: 0.65,
  extremism: 0.85,
  hooliganism: 0.8,
  traffic: 0.88,
  domestic: 0.86,
  wanted_found: 0.97,
  missing_person: 0.83,
};

const NIGHT = [5, 4, 3, 2, 1.5, 1, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4, 4, 4.5, 5, 6, 7, 8, 8.5, 8.5, 7.5, 6];
const DAYTIME = [0.5, 0.3, 0.2, 0.2, 0.2, 0.4, 1, 2, 4, 6, 7, 7.5, 7, 7, 7, 7, 6.5, 6, 5, 3.5, 2.5, 1.5, 1, 0.7];
const RUSH = [1, 0.6, 0.4, 0.4, 0.5, 1, 3, 7, 8, 5, 4, 4, 4.5, 4.5, 4.5, 5, 6.5, 8, 8, 6, 4, 3, 2, 1.5];
const HOURS: Record<IncidentCategory, number[]> = {
  person: NIGHT,
  property: NIGHT,
  fraud: DAYTIME,
  drugs: NIGHT,
  trafficking: DAYTIME,
  organised: DAYTIME,
  extremism: DAYTIME,
  hooliganism: NIGHT,
  traffic: RUSH,
  domestic: NIGHT,
  wanted_found: DAYTIME,
  missing_person: DAYTIME,
};

export interface IncidentChunk {
  sec: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  category: Uint8Array;
  status: Uint8Array;
  length: number;
}

/** Share of incidents that come from hotspots rather than the population background. */
const HOTSPOT_SHARE = 0.38;

/**
 * Yields `total` incidents in chunks (unsorted; the loader sorts by time).
 * Statuses: recent cases are mostly still `registered`; older ones are solved at a per-category rate.
 */
export function* generateIncidents(
  total: number,
  places: PlaceSampler,
  hotspots: readonly Hotspot[],
  rng: Rng,
  chunkSize = 500_000,
): Generator<IncidentChunk> {
  const days = dayWeights([0.95, 0.93, 0.95, 0.98, 1.08, 1.12, 1.0]);
  const catCum = cumulative(INCIDENT_CATEGORIES.map((c) => CATEGORY_SHARES[c]));
  const hourCum = INCIDENT_CATEGORIES.map((c) => cumulative(HOURS[c]));
  const hotCum = cumulative(hotspots.map((h) => h.weight));
  const maxAmp = 4;
  for (let done = 0; done < total;) {
    const n = Math.min(chunkSize, total - done);
    const chunk: IncidentChunk = {
      sec: new Int32Array(n),
      lon: new Float64Array(n),
      lat: new Float64Array(n),
      category: new Uint8Array(n),
      status: new Uint8Array(n),
      length: n,
    };
    for (let i = 0; i < n; i++) {
      const day = rng.weighted(days);
      const t = day / PERIOD_DAYS;
      let cat = rng.weighted(catCum);
      let placed = false;
      if (hotspots.length > 0 && rng.next() < HOTSPOT_SHARE) {
        const h = hotspots[rng.weighted(hotCum)];
        // Thinning: accept the hotspot with probability proportional to its intensity on that day.
        if (h && rng.next() * maxAmp < hotspotAmplitude(h, t)) {
          places.near(h.lon + h.dLon * t, h.lat + h.dLat * t, h.sigmaDeg);
          if (rng.next() < 0.6) cat = rng.pick(h.categories);
          placed = true;
        }
      }
      if (!placed) places.byPopulation();
      const category = INCIDENT_CATEGORIES[cat] ?? 'property';
      chunk.sec[i] = secondsAt(day, hourCum[cat] ?? hourCum[0]!, rng);
      chunk.lon[i] = places.lon;
      chunk.lat[i] = places.lat;
      chunk.category[i] = cat;
      const age = PERIOD_DAYS - day;
      const open = age < 60 && rng.next() < 0.75 * (1 - age / 60);
      chunk.status[i] = open ? 0 : rng.next() < SOLVE_RATE[category] ? 1 : 2;
    }
    done += n;
    yield chunk;
  }
}
