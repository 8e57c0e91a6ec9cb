// Territory versions as people read them: where each stands (draft, submitted, scheduled, in force, superseded, and
// until when), its posts with their holders' names for those who may see names, its history, and the steps open to
// the asker; and the facts of a district's mahallas that versions are weighed with.
import type { Db } from '../../db/database.ts';
import type { TerritoryAction } from '../../contract/territories.ts';
import { districtsArea } from '../../selection/area.ts';
import { addDays, type Period } from '../../shared/period.ts';
import type { PostTitle } from '../../shared/post-title.ts';
import { saysVacant } from '../../shared/system-names.ts';
import type {
  ApprovedTerritory,
  StoredTerritoryVersion,
  TerritoryTransition,
  TerritoryVersionHead,
  UserStore,
} from '../../store/types.ts';
import { periodCounts } from '../coverage/coverage.ts';
import type { MahallaFacts } from './figures.ts';
import { pickInForce, referenceDay } from './in-force.ts';
import { actionsOpen, phaseOf, type StepContext, type TerritoryPhase } from './workflow.ts';

export interface VersionStanding {
  districtName: string;
  phase: TerritoryPhase;
  /** approved versions: the last day in force (the day before the district's next approved version), null if open */
  effectiveTo: string | null;
}

export type VersionSummary = TerritoryVersionHead & VersionStanding;

export interface PostView {
  id: number;
  inspector: number | null;
  /** the inspector's name (null for an asker who may not see names), or the vacant post's label */
  name: string | null;
  rank: string | null;
  label: string | null;
  vacant: boolean;
}

export interface VersionDetail extends Omit<StoredTerritoryVersion, 'posts'>, VersionStanding {
  posts: PostView[];
  history: TerritoryTransition[];
  /** the workflow steps the asker may take now */
  actions: TerritoryAction[];
  /** whether the asker may save changes to it (a draft, and a role that draws territories) */
  editable: boolean;
}

export interface Asker {
  persons: boolean;
  write: boolean;
  approve: boolean;
}

/** Everything the phase of a district's versions depends on, read once per request. */
async function standings(db: Db, store: UserStore) {
  const [today, approved, names] = await Promise.all([
    referenceDay(db),
    store.territories.approved(),
    db.all<{ soato: string; name: string }>('SELECT soato, name_uz AS name FROM districts'),
  ]);
  const byDistrict = new Map<string, ApprovedTerritory[]>();
  for (const v of approved) (byDistrict.get(v.district) ?? byDistrict.set(v.district, []).get(v.district))?.push(v);
  const districtName = new Map(names.map((r) => [r.soato, r.name]));
  const context = (v: Pick<StoredTerritoryVersion, 'id' | 'district'>): StepContext => {
    const list = byDistrict.get(v.district) ?? [];
    const others = list.filter((o) => o.id !== v.id);
    return {
      today,
      inForce: pickInForce(list, today)?.id === v.id,
      latestEffective: others.at(-1)?.effectiveFrom ?? null,
    };
  };
  const standing = (v: Pick<StoredTerritoryVersion, 'id' | 'district' | 'number' | 'status' | 'effectiveFrom'>) => {
    const list = byDistrict.get(v.district) ?? [];
    const next = list[list.findIndex((o) => o.id === v.id) + 1];
    return {
      districtName: districtName.get(v.district) ?? v.district,
      phase: phaseOf(v, context(v)),
      effectiveTo: v.status === 'approved' && next ? addDays(next.effectiveFrom, -1) : null,
    };
  };
  return { context, standing };
}

/** The versions of some districts (null: all), newest first within each district. */
export async function listVersions(
  db: Db,
  store: UserStore,
  districts: readonly string[] | null,
): Promise<VersionSummary[]> {
  const [heads, { standing }] = await Promise.all([store.territories.list(), standings(db, store)]);
  return heads
    .filter((v) => districts === null || districts.includes(v.district))
    .map((v) => ({ ...v, ...standing(v) }));
}

/** The standing of one version (the lists' and the detail's fields). */
export async function summaryOf(db: Db, store: UserStore, v: StoredTerritoryVersion): Promise<VersionSummary> {
  const { standing } = await standings(db, store);
  const { posts, assignments, ...head } = v;
  return {
    ...head,
    posts: posts.length,
    vacantPosts: posts.filter((p) => p.inspector === null).length,
    mahallas: assignments.length,
    ...standing(v),
  };
}

/** Inspectors' names and ranks by id. */
export async function inspectorNames(db: Db, ids: readonly number[]) {
  const rows = await db.all<{ id: number; name: string; rank: string }>(
    'SELECT id, name, rank FROM inspectors WHERE id IN (SELECT unnest($ids::INTEGER[]))',
    { ids: [...ids] },
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * How a post is called where a name must be written (exports, the print page, the comparison), as parts for the reader
 * to word (server/shared/post-title.ts): the holder's name for an asker who may see names, else the inspector's id; a
 * vacant post's own label, else (no label, or one that only says it is vacant) the post's number.
 * @example postTitle({ id: 3, inspector: null, label: null }, new Map(), true) // { kind: 'vacant', n: 3 }
 */
export function postTitle(
  p: { id: number; inspector: number | null; label: string | null },
  names: ReadonlyMap<number, { name: string }>,
  persons: boolean,
): PostTitle {
  if (p.inspector === null)
    return p.label === null || saysVacant(p.label) ? { kind: 'vacant', n: p.id } : { kind: 'name', name: p.label };
  const name = persons ? names.get(p.inspector)?.name : undefined;
  return name === undefined ? { kind: 'inspector', n: p.inspector } : { kind: 'name', name };
}

/** One version in full for the asker: posts with names, history, the steps open to them. */
export async function versionDetail(
  db: Db,
  store: UserStore,
  v: StoredTerritoryVersion,
  asker: Asker,
): Promise<VersionDetail> {
  const [{ context, standing }, history, names] = await Promise.all([
    standings(db, store),
    store.territories.history(v.id),
    inspectorNames(
      db,
      v.posts.flatMap((p) => (p.inspector === null ? [] : [p.inspector])),
    ),
  ]);
  const posts = v.posts.map((p): PostView => {
    const who = p.inspector === null ? undefined : names.get(p.inspector);
    return {
      id: p.id,
      inspector: p.inspector,
      name: p.inspector === null ? (p.label ?? `Vacant post ${p.id}`) : asker.persons ? (who?.name ?? null) : null,
      rank: asker.persons ? (who?.rank ?? null) : null,
      label: p.label,
      vacant: p.inspector === null,
    };
  });
  return {
    ...v,
    ...standing(v),
    posts,
    history,
    actions: actionsOpen(v, context(v), asker),
    editable: asker.write && v.status === 'draft',
  };
}

/** The facts of every mahalla of a district, with its incidents and applications in `period`. */
export async function districtFacts(db: Db, district: string, period: Period): Promise<Map<number, MahallaFacts>> {
  const [rows, counts] = await Promise.all([
    db.all<Omit<MahallaFacts, 'incidents' | 'applications'>>(
      `SELECT id, code, name, population, households, round(area_km2, 3) AS areaKm2 FROM mahallas
       WHERE district_soato = $district ORDER BY id`,
      { district },
    ),
    periodCounts(db, period, districtsArea([district])),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      { ...r, incidents: counts.incidents.get(r.id) ?? 0, applications: counts.applications.get(r.id) ?? 0 },
    ]),
  );
}
