// Loads the shared caches a first screen and a first card need, in the background once the server listens and again
// after each committed import: the first person of the morning should not wait for the database's first cold reads
// (≈ 1 s for /api/meta, ≈ 0.3–0.6 s each for the first screen's boundaries, figures and base points, ≈ 1–3 s for the
// national card's copy of the records, ≈ 1–2 s for the national emerging hot spots, ≈ 1 s a resolution for the national
// hexagons' study areas). The first screen's answers come first. One load at a time, so requests that arrive meanwhile
// keep a core.
import type { Db } from '../db/database.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { recordsByMahalla } from './mahallas/card-figures.ts';
import { mahallaIdentities } from './mahallas/mahallas.ts';
import { metaOf } from './meta.ts';
import { mahallaIndexOf } from '../tiles/mahalla-index.ts';
import { dataPeriod } from './data-period.ts';
import { warmEmerging } from './hotspots/emerging-warm.ts';
import { onDataChange } from '../db/per-db.ts';
import { precompress } from '../http/encoding.ts';
import { weekColumns } from '../db/week-columns.ts';
import { daySums } from '../db/day-sums.ts';
import { basePointsBody, boundariesBody } from './mahallas/boundaries.ts';
import { tileSet } from '../tiles/tiles.ts';
import { warmFirstScreen } from './hotspots/kept.ts';
import { warmHexagons } from './hotspots/hexagons.ts';

/**
 * Warms the caches one after another; `stopped()` is asked between loads (a closing server stops early). Never throws:
 * a cache that fails to load here loads again on its first request, which then reports the error.
 * @example const warming = warmCaches(db, () => closing); … await warming; db.close();
 */
export async function warmCaches(db: Db, stopped: () => boolean): Promise<void> {
  const steps: Array<() => Promise<unknown>> = [
    () => metaOf(db),
    () => mahallaColumns(db),
    // The first screen's static answers, their bytes compressed here (as their routes will send them), not on the
    // first ask; then its figures and timeline for the whole database (server/services/hotspots/kept.ts).
    async () => precompress(await boundariesBody(db)),
    async () => precompress(await mahallaIndexOf(db)),
    () => tileSet(db),
    async () => precompress(await basePointsBody(db)),
    () => dataPeriod(db),
    // Records per mahalla and day (the figures, hot spots, time line and coverage of any unfiltered period read them).
    () => daySums(db, 'incidents'),
    () => warmFirstScreen(db),
    () => daySums(db, 'applications'),
    () => mahallaIdentities(db),
    () => recordsByMahalla(db, 'incidents'),
    () => recordsByMahalla(db, 'applications'),
    // The weekly counts as columns (any emerging filter reads them), then the default emerging asks.
    () => weekColumns(db, 'incidents'),
    () => weekColumns(db, 'applications'),
    () => warmEmerging(db),
    // Last, as no first screen needs them: the hexagon study areas (cells' residents read from the database, or
    // computed again after a boundary change), so a first hexagon map waits for its counts only.
    () => warmHexagons(db),
  ];
  for (const step of steps) {
    if (stopped()) return;
    await step().catch(() => undefined);
  }
}

export interface Warmth {
  /** settles when the warm-up under way (if any) ends */
  settled(): Promise<void>;
  /** no warm-up starts after this; settles when the one under way has stopped (close the database after it) */
  stop(): Promise<void>;
}

/**
 * Warms the caches on the next turn of the event loop and after every data change of `db`; a change during a warm-up
 * starts another once it ends, never two at once.
 * @example const warmth = keepWarm(db); … await warmth.stop(); db.close();
 */
export function keepWarm(db: Db): Warmth {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => warmCaches(db, () => stopped))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  onDataChange(db, run);
  run();
  return {
    settled: () => running ?? Promise.resolve(),
    stop: () => {
      stopped = true;
      return running ?? Promise.resolve();
    },
  };
}
