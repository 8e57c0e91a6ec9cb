// Plans, their archive and playlists were kept in the analytics database before the user store existed. The first
// start of this release copies them across (ids kept), once; the analytics copy is then never read again, so the
// next rebuild of that database loses nothing.
import type { Db } from '../db/database.ts';
import { PlaylistInput } from '../contract/playlists.ts';
import type { UserStore } from './types.ts';

const MARK = 'migrated_from_analytics';

async function hasTable(db: Db, name: string): Promise<boolean> {
  const [row] = await db.all<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = $name',
    { name },
  );
  return (row?.n ?? 0) > 0;
}

/** Copies legacy plans and playlists into an empty store; returns how many of each were copied (0 on later starts). */
export async function migrateFromAnalytics(db: Db, store: UserStore): Promise<{ plans: number; playlists: number }> {
  if ((await store.meta.get(MARK)) !== null) return { plans: 0, playlists: 0 };
  const [plans, items, archive, playlists] = await Promise.all([
    (await hasTable(db, 'plans'))
      ? db.all<{
          id: number;
          name: string;
          district: string;
          from: string;
          to: string;
          createdAt: string;
          copiedFrom: number | null;
        }>(
          `SELECT id, name, district_soato AS district, period_from::VARCHAR AS "from", period_to::VARCHAR AS "to",
                  created_at::VARCHAR AS "createdAt", copied_from AS "copiedFrom" FROM plans ORDER BY id`,
        )
      : [],
    (await hasTable(db, 'plan_items'))
      ? db.all<{ plan: number; inspector: number; service: string; type: string; required: number }>(
          'SELECT plan_id AS plan, inspector_id AS inspector, service::VARCHAR AS service, type::VARCHAR AS type, required FROM plan_items',
        )
      : [],
    (await hasTable(db, 'plans_archive'))
      ? db.all<{ id: number; name: string; district: string; from: string; to: string; at: string; snapshot: string }>(
          `SELECT plan_id AS id, name, district_soato AS district, period_from::VARCHAR AS "from", period_to::VARCHAR AS "to",
                  archived_at::VARCHAR AS at, snapshot FROM plans_archive`,
        )
      : [],
    (await hasTable(db, 'playlists'))
      ? db.all<{ id: number; name: string; district: string | null; period: string; slides: string; at: string }>(
          'SELECT id, name, district_soato AS district, period, slides, updated_at::VARCHAR AS at FROM playlists ORDER BY id',
        )
      : [],
  ]);
  await store.write(async (w) => {
    // A store that already holds plans or playlists was filled by this release: nothing to carry over.
    const empty = (await w.plans.list()).length === 0 && (await w.playlists.count()) === 0;
    if (empty)
      await w.legacy.copy({
        plans,
        items,
        archive,
        playlists: playlists.filter((p) => PlaylistInput.safeParse({ ...p, slides: safeJson(p.slides) }).success),
      });
    await w.meta.set(MARK, new Date().toISOString());
  });
  return { plans: plans.length, playlists: playlists.length };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
