// A territory version as the annex of the district head's order: per post, its holder and the mahallas it covers with
// residents and workload for a period (counts and the planner core's composite index): the data of the printable page
// (one A4 page per territory) and of its CSV and XLSX files (annex-files.ts), and the territories' dissolved outlines
// as GeoJSON.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { dissolve } from '../../geo/dissolve.ts';
import { flattenPolygons } from '../../geo/flat-polygons.ts';
import type { Period } from '../../shared/period.ts';
import { sayPostTitle, type PostTitle } from '../../shared/post-title.ts';
import { translator } from '../../../web/i18n/translate.ts';
import type { StoredTerritoryVersion, UserStore } from '../../store/types.ts';
import { compositeDetails, type Composite } from './composite.ts';
import { membersOf, workloadOf, type MahallaFacts, type Workload } from './figures.ts';
import { districtFacts, inspectorNames, postTitle, summaryOf, type VersionSummary } from './read.ts';

export interface AnnexPost {
  post: number;
  inspector: number | null;
  /** the holder's name (or id, for an asker who may not see names), or the vacant post's label or number */
  title: PostTitle;
  rank: string | null;
  vacant: boolean;
  basePoint: { name: string; lon: number; lat: number } | null;
  /** the post's figures over the period, with the planner core's composite index */
  workload: Workload & Composite;
  /** by mahalla code, each with the index units it adds to the post's workload index */
  mahallas: Array<MahallaFacts & { index: number }>;
}

export interface Annex {
  version: VersionSummary;
  /** the days incidents and applications are counted over */
  period: Period;
  posts: AnnexPost[];
  /** mahallas of the district no post covers */
  unassigned: MahallaFacts[];
  totals: Workload;
}

const byCode = (a: MahallaFacts, b: MahallaFacts): number => a.code.localeCompare(b.code);

/** The annex of a version, with workload counted over `period`. */
export async function annexOf(
  db: Db,
  store: UserStore,
  v: StoredTerritoryVersion,
  period: Period,
  persons: boolean,
): Promise<Annex> {
  const holders = v.posts.flatMap((p) => (p.inspector === null ? [] : [p.inspector]));
  const [version, facts, names, bases, [composite]] = await Promise.all([
    summaryOf(db, store, v),
    districtFacts(db, v.district, period),
    inspectorNames(db, holders),
    db.all<{ id: number; name: string; lon: number; lat: number }>(
      `SELECT i.id, b.name, b.lon, b.lat FROM inspectors i JOIN base_points b ON b.id = i.base_point_id
       WHERE i.id IN (SELECT unnest($ids::INTEGER[]))`,
      { ids: holders },
    ),
    compositeDetails(db, v.district, [v], period),
  ]);
  const base = new Map(bases.map((b) => [b.id, { name: b.name, lon: b.lon, lat: b.lat }]));
  const members = membersOf(v);
  const posts = v.posts.map((p): AnnexPost => {
    const ids = members.get(p.id) ?? [];
    return {
      post: p.id,
      inspector: p.inspector,
      title: postTitle(p, names, persons),
      rank: persons && p.inspector !== null ? (names.get(p.inspector)?.rank ?? null) : null,
      vacant: p.inspector === null,
      basePoint: p.inspector === null ? null : (base.get(p.inspector) ?? null),
      workload: { ...workloadOf(ids, facts), ...(composite?.posts.get(p.id) ?? { index: 0, deviation: 0 }) },
      mahallas: ids
        .flatMap((id) => {
          const f = facts.get(id);
          return f ? [{ ...f, index: composite?.mahallas.get(id) ?? 0 }] : [];
        })
        .sort(byCode),
    };
  });
  const covered = new Set(v.assignments.map((a) => a.mahalla));
  const unassigned = [...facts.values()].filter((m) => !covered.has(m.id)).sort(byCode);
  return { version, period, posts, unassigned, totals: workloadOf([...facts.keys()], facts) };
}

export interface TerritoryProps {
  /** null for the feature of unassigned mahallas */
  post: number | null;
  inspector: number | null;
  /** a vacant post's label as stored, else in English: a GeoJSON file has no reader's language (as annex files without `lang`) */
  title: string;
  vacant: boolean;
  mahallas: number;
  residents: number;
}

/** Every post's territory as one dissolved outline (posts without mahallas have none), and the unassigned mahallas. */
export async function versionGeoJson(
  db: Db,
  v: StoredTerritoryVersion,
  persons: boolean,
): Promise<FeatureCollection<MultiPolygon, TerritoryProps>> {
  const [rows, names] = await Promise.all([
    db.columns<{ id: number; population: number; g: string }>(
      'SELECT id, population, geometry AS g FROM mahallas WHERE district_soato = $district ORDER BY id',
      { district: v.district },
    ),
    inspectorNames(
      db,
      v.posts.flatMap((p) => (p.inspector === null ? [] : [p.inspector])),
    ),
  ]);
  const flat = flattenPolygons(rows.g.map((g) => JSON.parse(g) as Polygon | MultiPolygon));
  const index = new Map(rows.id.map((id, k) => [id, k]));
  const feature = (ids: readonly number[], props: Omit<TerritoryProps, 'mahallas' | 'residents'>) => {
    const at = ids.map((id) => index.get(id) ?? -1).filter((k) => k >= 0);
    const residents = at.reduce((s, k) => s + (rows.population[k] ?? 0), 0);
    const f: Feature<MultiPolygon, TerritoryProps> = {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: dissolve(flat, at) },
      properties: { ...props, mahallas: at.length, residents },
    };
    return at.length > 0 ? [f] : [];
  };
  const members = membersOf(v);
  const covered = new Set(v.assignments.map((a) => a.mahalla));
  return {
    type: 'FeatureCollection',
    features: [
      ...v.posts.flatMap((p) =>
        feature(members.get(p.id) ?? [], {
          post: p.id,
          inspector: p.inspector,
          title:
            p.inspector === null && p.label !== null
              ? p.label
              : sayPostTitle(postTitle(p, names, persons), translator('en'), (name) => name),
          vacant: p.inspector === null,
        }),
      ),
      ...feature(
        rows.id.filter((id) => !covered.has(id)),
        { post: null, inspector: null, title: 'Unassigned', vacant: false },
      ),
    ],
  };
}
