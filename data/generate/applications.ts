// Demo applications of citizens and legal entities: registry, channel, who received them, where they went, how long.
import { cumulative, type Rng } from './random.ts';
import { PERIOD_DAYS } from './scales.ts';
import { dayWeights, secondsAt, type Hotspot, type PlaceSampler } from './space-time.ts';

/** National shares the demo reproduces: registry 17.8 / 43.6 / 38.6 %, duty unit receives 19.6 %. */
export const TARGETS = { registry: [0.178, 0.436, 0.386], dutyUnit: 0.196, citizen: 0.93 } as const;

// Who received it: duty unit, prevention inspector, a service.
const RECEIVED_BY = [TARGETS.dutyUnit, 0.5, 1 - TARGETS.dutyUnit - 0.5];
// The duty unit registers more crime reports (Form No. 1); the others' mix is solved so the overall
// marginals stay at the national targets: p(other) = (target − 0.196·p(duty)) / 0.804.
const REGISTRY_BY_RECEIVER = [
  [0.4, 0.45, 0.15],
  [0.1239, 0.4326, 0.4435],
  [0.1239, 0.4326, 0.4435],
];
const CHANNEL_BY_RECEIVER = [
  [0.35, 0, 0.55, 0, 0.1], // in_person, written, phone, online, hotline
  [0.6, 0.3, 0.1, 0, 0],
  [0.2, 0.45, 0, 0.35, 0],
];
// Service the application is passed to (index into SERVICES); the inspector keeps half of his own.
const SERVICE_WEIGHTS = [0.05, 0.22, 0.12, 0.14, 0.05, 0.02, 0.12, 0.1, 0.08, 0.1];

export interface ApplicationChunk {
  sec: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  applicant: Uint8Array;
  channel: Uint8Array;
  registry: Uint8Array;
  receivedBy: Uint8Array;
  /** index into SERVICES, 255 = kept by the prevention inspector */
  service: Uint8Array;
  /** seconds to resolution, -1 = still open at the end of the data */
  resolvedAfter: Int32Array;
  length: number;
}

const OFFICE = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 6, 9, 10, 10, 7, 8, 9, 9, 8, 6, 3, 2, 1.5, 1, 0.7, 0.5];

/** Yields `total` applications in chunks; 20 % come from around incident hotspots. */
export function* generateApplications(
  total: number,
  places: PlaceSampler,
  hotspots: readonly Hotspot[],
  rng: Rng,
  chunkSize = 500_000,
): Generator<ApplicationChunk> {
  const days = dayWeights([1.15, 1.1, 1.08, 1.05, 1.0, 0.55, 0.3]);
  const hourCum = cumulative(OFFICE);
  const receivedCum = cumulative(RECEIVED_BY);
  const registryCum = REGISTRY_BY_RECEIVER.map((w) => cumulative(w));
  const channelCum = CHANNEL_BY_RECEIVER.map((w) => cumulative(w));
  const serviceCum = cumulative(SERVICE_WEIGHTS);
  const endSec = PERIOD_DAYS * 86_400;
  for (let done = 0; done < total;) {
    const n = Math.min(chunkSize, total - done);
    const c: ApplicationChunk = {
      sec: new Int32Array(n),
      lon: new Float64Array(n),
      lat: new Float64Array(n),
      applicant: new Uint8Array(n),
      channel: new Uint8Array(n),
      registry: new Uint8Array(n),
      receivedBy: new Uint8Array(n),
      service: new Uint8Array(n),
      resolvedAfter: new Int32Array(n),
      length: n,
    };
    for (let i = 0; i < n; i++) {
      const day = rng.weighted(days);
      const h = hotspots.length > 0 && rng.next() < 0.2 ? hotspots[rng.int(0, hotspots.length - 1)] : undefined;
      if (h) places.near(h.lon + (h.dLon * day) / PERIOD_DAYS, h.lat + (h.dLat * day) / PERIOD_DAYS, h.sigmaDeg * 1.5);
      else places.byPopulation();
      const by = rng.weighted(receivedCum);
      c.sec[i] = secondsAt(day, hourCum, rng);
      c.lon[i] = places.lon;
      c.lat[i] = places.lat;
      c.applicant[i] = rng.next() < TARGETS.citizen ? 0 : 1;
      c.receivedBy[i] = by;
      c.registry[i] = rng.weighted(registryCum[by] ?? registryCum[0]!);
      c.channel[i] = rng.weighted(channelCum[by] ?? channelCum[0]!);
      c.service[i] = by === 1 && rng.next() < 0.5 ? 255 : rng.weighted(serviceCum);
      // Resolution time: log-normal, median ≈ 6 days; 3 % get stuck and stay open.
      const seconds = Math.round(Math.exp(Math.log(6) + 0.85 * rng.normal()) * 86_400);
      c.resolvedAfter[i] = rng.next() < 0.03 || (c.sec[i] ?? 0) + seconds >= endSec ? -1 : seconds;
    }
    done += n;
    yield c;
  }
}
