// The plan in force before Hamkor kept versions: at every start, each district of the analytics database that has no
// version on record gets its version 1 from that database's territory_assignment, approved and in force from the day
// its mahallas were assigned. From then on the store holds it, so a rebuild of the analytics database changes nothing.
import type { Db } from '../../db/database.ts';
import type { UserStore } from '../../store/types.ts';
import { dataPeriod } from '../data-period.ts';
import { baselinePlan } from './content.ts';
import { SYSTEM_TEXTS } from '../../shared/system-names.ts';

const SEEDER = { accountId: null, username: 'hamkor' };

/** Seeds version 1 of every district without a version; returns how many districts it seeded. */
export async function seedTerritories(db: Db, store: UserStore): Promise<number> {
  const [districts, since, known, period] = await Promise.all([
    db.all<{ soato: string }>('SELECT DISTINCT district_soato AS soato FROM mahallas ORDER BY 1'),
    db.all<{ soato: string; since: string }>(
      `SELECT m.district_soato AS soato, min(t.since)::VARCHAR AS since
       FROM territory_assignment t JOIN mahallas m ON m.id = t.mahalla_id GROUP BY 1`,
    ),
    store.territories.list(),
    dataPeriod(db),
  ]);
  const have = new Set(known.map((v) => v.district));
  const firstDay = new Map(since.map((r) => [r.soato, r.since]));
  const missing = districts.filter((d) => !have.has(d.soato));
  if (missing.length === 0) return 0;
  const contents = await Promise.all(missing.map((d) => baselinePlan(db, d.soato)));
  await store.write(async (w) => {
    // Checked again inside the write: two starts at once (a test harness, say) seed each district once.
    const again = new Set((await w.territories.list()).map((v) => v.district));
    for (const [k, d] of missing.entries()) {
      if (again.has(d.soato)) continue;
      await w.territories.create(
        {
          district: d.soato,
          parent: null,
          // System texts: the web says them in the reader's language (server/shared/system-names.ts).
          name: SYSTEM_TEXTS.territoryBaselineName,
          reason: SYSTEM_TEXTS.territoryBaselineReason,
          posts: contents[k]?.posts ?? [],
          assignments: contents[k]?.assignments ?? [],
          status: 'approved',
          effectiveFrom: firstDay.get(d.soato) ?? period.start,
          orderNumber: null,
          orderDate: null,
        },
        'seed',
        'kept from the analytics database at first start',
        SEEDER,
      );
    }
  });
  return missing.length;
}
