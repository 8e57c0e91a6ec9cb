// What a territory version holds and which one is in force: the analytics database's own assignment as a version's
// content, the plan in force per district, and the check of a version's content against the database. Read-only; the
// changes to versions are in versions.ts.
import type { Db } from '../../db/database.ts';
import type { StoreReads, StoredTerritoryVersion, UserStore } from '../../store/types.ts';
import { referenceIssue, type Issue } from '../plans/store.ts';
import { issue } from '../../contract/issues.ts';
import { pickInForce } from './in-force.ts';

/** What a version holds, whether one on record or the analytics database's own assignment of a district. */
export type PlanContent = Pick<StoredTerritoryVersion, 'posts' | 'assignments'>;

/**
 * A district's assignment as the analytics database holds it, as a version's content: every inspector of the district
 * holds the post numbered with their id (so later versions compare post by post), vacant posts none.
 */
export async function baselinePlan(db: Db, district: string): Promise<PlanContent> {
  const [inspectors, assignments] = await Promise.all([
    db.all<{ id: number }>('SELECT id FROM inspectors WHERE district_soato = $district ORDER BY id', { district }),
    db.all<{ mahalla: number; post: number }>(
      `SELECT t.mahalla_id AS mahalla, t.inspector_id AS post FROM territory_assignment t
       JOIN mahallas m ON m.id = t.mahalla_id JOIN inspectors i ON i.id = t.inspector_id
       WHERE m.district_soato = $district AND i.district_soato = $district ORDER BY t.mahalla_id`,
      { district },
    ),
  ]);
  return { posts: inspectors.map((i) => ({ id: i.id, inspector: i.id, label: null })), assignments };
}

/** The district's approved versions, oldest effective day first (inside a write: as that write sees them). */
export async function approvedOf(w: { territories: Pick<StoreReads['territories'], 'approved'> }, district: string) {
  return (await w.territories.approved()).filter((v) => v.district === district);
}

/**
 * The plan in force on `day` in each of some districts: its version, or (none on record) the analytics database's
 * assignment as a version's content.
 */
export async function plansInForce(
  db: Db,
  store: UserStore,
  districts: readonly string[],
  day: string,
): Promise<Array<{ district: string; version: StoredTerritoryVersion | null; content: PlanContent }>> {
  const approved = await store.territories.approved();
  return Promise.all(
    districts.map(async (district) => {
      const picked = pickInForce(
        approved.filter((v) => v.district === district),
        day,
      );
      const version = picked ? await store.territories.get(picked.id) : null;
      return { district, version, content: version ?? (await baselinePlan(db, district)) };
    }),
  );
}

/**
 * What zod cannot know: the district exists, every mahalla lies in it (a planner of one district never reassigns
 * another's), every inspector exists and works there.
 * @example await checkContent(db, '1726287', v) // [{ field: 'assignments.0.mahalla', reason: 'mahalla 3 lies in district 1726273, not in 1726287' }]
 */
export async function checkContent(db: Db, district: string, v: PlanContent): Promise<Issue[]> {
  const [districts, mahallas, inspectors] = await Promise.all([
    db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM districts WHERE soato = $district', { district }),
    db.all<{ id: number; district: string }>(
      'SELECT id, district_soato AS district FROM mahallas WHERE id IN (SELECT unnest($ids::INTEGER[]))',
      { ids: v.assignments.map((a) => a.mahalla) },
    ),
    db.all<{ id: number; district: string }>(
      'SELECT id, district_soato AS district FROM inspectors WHERE id IN (SELECT unnest($ids::INTEGER[]))',
      { ids: v.posts.flatMap((p) => (p.inspector === null ? [] : [p.inspector])) },
    ),
  ]);
  if ((districts[0]?.n ?? 0) === 0)
    return [issue('district', 'not_found', `no district has SOATO code ${district}`, { what: 'district' })];
  const issues: Issue[] = [];
  const where = (rows: Array<{ id: number; district: string }>) => new Map(rows.map((r) => [r.id, r.district]));
  const mahallaDistrict = where(mahallas);
  v.assignments.forEach((a, k) => {
    const d = mahallaDistrict.get(a.mahalla);
    const wrong = referenceIssue(`assignments.${k}.mahalla`, 'mahalla', a.mahalla, d, district);
    if (wrong) issues.push(wrong);
  });
  const inspectorDistrict = where(inspectors);
  v.posts.forEach((p, k) => {
    if (p.inspector === null) return;
    const d = inspectorDistrict.get(p.inspector);
    const wrong = referenceIssue(`posts.${k}.inspector`, 'inspector', p.inspector, d, district);
    if (wrong) issues.push(wrong);
  });
  return issues;
}
