// Loads the shared caches a first screen and a first card need, in the background once the server listens: the first
// person of the morning should not wait for the database's first cold reads (≈ 1 s for /api/meta, ≈ 1–3 s for the
// national card's copy of the records). One load at a time, so requests that arrive meanwhile keep a core.
import type { Db } from '../db/database.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { recordsByMahalla } from './mahallas/card-figures.ts';
import { metaOf } from './meta.ts';
import { dataPeriod } from './data-period.ts';

/**
 * Warms the caches one after another; `stopped()` is asked between loads (a closing server stops early). Never throws:
 * a cache that fails to load here loads again on its first request, which then reports the error.
 * @example const warming = warmCaches(db, () => closing); … await warming; db.close();
 */
export async function warmCaches(db: Db, stopped: () => boolean): Promise<void> {
  const steps: Array<() => Promise<unknown>> = [
    () => metaOf(db),
    () => mahallaColumns(db),
    () => dataPeriod(db),
    () => recordsByMahalla(db, 'incidents'),
    () => recordsByMahalla(db, 'applications'),
  ];
  for (const step of steps) {
    if (stopped()) return;
    await step().catch(() => undefined);
  }
}
