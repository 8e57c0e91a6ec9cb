// The name search: mahallas, districts, inspectors and base points by name (either script, any apostrophe) or code,
// within what the asker may see, ranked exact > prefix > word prefix > substring. The names are read once per data
// generation into an index of search keys (a national database has ≈ 13,000 of them); each search is a scan of it.
import type { Db } from '../db/database.ts';
import { perDb } from '../db/per-db.ts';
import {
  MATCH_KINDS,
  SEARCH_KINDS,
  type BBox,
  type MatchKind,
  type SearchHit,
  type SearchKind,
} from '../contract/search.ts';
import { searchKey } from '../shared/uz-names.ts';

/** One thing that can be found. */
export interface SearchEntry {
  kind: SearchKind;
  id: number;
  name: string;
  nameRu: string | null;
  code: string | null;
  /** the district it lies in (a district: its own code) */
  district: string | null;
  /** the mahalla a base point stands in, or of an inspector's territory (scope checks of an inspector's account) */
  mahallas: readonly number[];
  bbox: BBox | null;
  point: [number, number] | null;
  /** search keys of its names (searchKey), with and without a generic last word (MFY, tumani, район) */
  keys: readonly string[];
}

/** Words that name what a thing is rather than which: "Chinor MFY" is an exact hit for "Chinor". */
const GENERIC = /\s(mfy|mahallasi|tumani|tuman|shahri|shahar|sh|viloyati|rayon|rayoni|gorod)$/;

/**
 * The search keys of some names: each key, and each without its generic last word.
 * @example keysOf(['Chilonzor tumani', 'Чиланзарский район']) // ['chilonzor tumani', 'chilonzor', 'chilanzarskiy rayon', 'chilanzarskiy']
 */
export function keysOf(names: ReadonlyArray<string | null>): string[] {
  const keys = new Set<string>();
  for (const n of names) {
    if (!n) continue;
    const k = searchKey(n);
    keys.add(k);
    keys.add(k.replace(GENERIC, ''));
  }
  return [...keys].filter(Boolean);
}

/**
 * How well a key matches the query's key, or null: the whole key, its start, a word's start, anywhere.
 * @example matchOf('yuqori chinor', 'chin') // 'word'
 */
export function matchOf(key: string, q: string): Exclude<MatchKind, 'code'> | null {
  if (key === q) return 'exact';
  if (key.startsWith(q)) return 'prefix';
  if (key.includes(` ${q}`)) return 'word';
  return key.includes(q) ? 'substring' : null;
}

const RANK = new Map<MatchKind, number>(MATCH_KINDS.map((m, i) => [m, i]));
const KIND_RANK = new Map<SearchKind, number>(SEARCH_KINDS.map((k, i) => [k, i]));

/**
 * The best `limit` entries for the query `q` (as typed) among those `visible` lets through: a code only when equal
 * to the query, names by their best match; ties go to districts, then mahallas, inspectors, base points, then the
 * shorter and alphabetically first name.
 * @example rank(entries, 'G‘alaba', 10, () => true)[0] // { entry: Gʻalaba MFY, match: 'exact' }
 */
export function rank(
  entries: readonly SearchEntry[],
  q: string,
  limit: number,
  visible: (e: SearchEntry) => boolean,
): Array<{ entry: SearchEntry; match: MatchKind }> {
  const key = searchKey(q);
  const code = q.trim();
  const found: Array<{ entry: SearchEntry; match: MatchKind }> = [];
  for (const e of entries) {
    let best: MatchKind | null = e.code !== null && e.code === code ? 'code' : null;
    for (const k of e.keys) {
      if (best === 'code' || best === 'exact') break;
      const m = matchOf(k, key);
      if (m && (best === null || (RANK.get(m) ?? 9) < (RANK.get(best) ?? 9))) best = m;
    }
    if (best && visible(e)) found.push({ entry: e, match: best });
  }
  found.sort(
    (a, b) =>
      (RANK.get(a.match) ?? 9) - (RANK.get(b.match) ?? 9) ||
      (KIND_RANK.get(a.entry.kind) ?? 9) - (KIND_RANK.get(b.entry.kind) ?? 9) ||
      a.entry.name.length - b.entry.name.length ||
      a.entry.name.localeCompare(b.entry.name) ||
      a.entry.id - b.entry.id,
  );
  return found.slice(0, limit);
}

/**
 * [west, south, east, north] of a GeoJSON geometry's text, read without parsing it: its numbers are the coordinates,
 * lon and lat in turn. Null when it has none.
 * @example geometryBBox('{"type":"Polygon","coordinates":[[[69.2,41.2],[69.3,41.2],[69.3,41.3],[69.2,41.2]]]}') // [69.2, 41.2, 69.3, 41.3]
 */
export function geometryBBox(text: string): BBox | null {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const at = text.indexOf('"coordinates"');
  const numbers = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g;
  numbers.lastIndex = at < 0 ? 0 : at;
  let lon = true;
  for (let m = numbers.exec(text); m; m = numbers.exec(text)) {
    const v = Number(m[0]);
    if (lon) {
      box[0] = Math.min(box[0], v);
      box[2] = Math.max(box[2], v);
    } else {
      box[1] = Math.min(box[1], v);
      box[3] = Math.max(box[3], v);
    }
    lon = !lon;
  }
  return Number.isFinite(box[0]) ? box : null;
}

/** Whether `table` has a `source_id` column (the department's id, added by its first import). */
async function hasSourceId(db: Db, table: string): Promise<boolean> {
  const [r] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = $table AND column_name = 'source_id'`,
    { table },
  );
  return (r?.n ?? 0) > 0;
}

/** The index of every name, once per database and data generation. */
export const searchIndex = perDb(async (db: Db): Promise<SearchEntry[]> => {
  const sid = async (t: string): Promise<string> => ((await hasSourceId(db, t)) ? 'source_id' : 'NULL');
  const [districts, mahallas, basePoints, inspectors] = await Promise.all([
    db.all<{ soato: string; name: string; nameRu: string | null; geometry: string }>(
      'SELECT soato, name_uz AS name, name_ru AS "nameRu", geometry FROM districts ORDER BY soato',
    ),
    db.all<{ id: number; code: string; name: string; district: string; geometry: string }>(
      'SELECT id, code, name, district_soato AS district, geometry FROM mahallas ORDER BY id',
    ),
    db.all<{
      id: number;
      code: string | null;
      name: string;
      district: string;
      mahalla: number | null;
      lon: number;
      lat: number;
    }>(
      `SELECT id, ${await sid('base_points')} AS code, name, district_soato AS district, mahalla_id AS mahalla, lon, lat
       FROM base_points ORDER BY id`,
    ),
    db.all<{ id: number; code: string | null; name: string; district: string; lon: number | null; lat: number | null }>(
      `SELECT i.id, ${(await sid('inspectors')) === 'NULL' ? 'NULL' : 'i.source_id'} AS code, i.name,
         i.district_soato AS district, b.lon, b.lat
       FROM inspectors i LEFT JOIN base_points b ON b.id = i.base_point_id ORDER BY i.id`,
    ),
  ]);
  const point = (lon: number | null, lat: number | null): [number, number] | null =>
    lon === null || lat === null ? null : [lon, lat];
  return [
    ...districts.map((d) => ({
      kind: 'district' as const,
      id: Number(d.soato),
      name: d.name,
      nameRu: d.nameRu,
      code: d.soato,
      district: d.soato,
      mahallas: [],
      bbox: geometryBBox(d.geometry),
      point: null,
      keys: keysOf([d.name, d.nameRu]),
    })),
    ...mahallas.map((m) => ({
      kind: 'mahalla' as const,
      id: m.id,
      name: m.name,
      nameRu: null,
      code: m.code,
      district: m.district,
      mahallas: [m.id],
      bbox: geometryBBox(m.geometry),
      point: null,
      keys: keysOf([m.name]),
    })),
    ...inspectors.map((i) => ({
      kind: 'inspector' as const,
      id: i.id,
      name: i.name,
      nameRu: null,
      code: i.code,
      district: i.district,
      mahallas: [],
      bbox: null,
      point: point(i.lon, i.lat),
      keys: keysOf([i.name]),
    })),
    ...basePoints.map((b) => ({
      kind: 'base_point' as const,
      id: b.id,
      name: b.name,
      nameRu: null,
      code: b.code,
      district: b.district,
      mahallas: b.mahalla === null ? [] : [b.mahalla],
      bbox: null,
      point: point(b.lon, b.lat),
      keys: keysOf([b.name]),
    })),
  ];
});

/** What one asker may find. */
export interface SearchView {
  /** the districts they may see; null = every district */
  districts: ReadonlySet<string> | null;
  /** the mahallas they may see, when narrower than districts (an inspector's territory); null = all of the districts */
  mahallas: ReadonlySet<number> | null;
  /** inspectors they may find: every one of their districts, none (no right to persons' names), or only one */
  inspectors: 'all' | 'none' | number;
}

/** Whether the asker may find an entry. */
export function visibleIn(view: SearchView): (e: SearchEntry) => boolean {
  return (e) => {
    if (view.districts && (e.district === null || !view.districts.has(e.district))) return false;
    if (e.kind === 'inspector') return view.inspectors === 'all' || view.inspectors === e.id;
    if (e.kind === 'mahalla' && view.mahallas) return e.mahallas.every((id) => view.mahallas?.has(id));
    return true;
  };
}

/** The hits of `q` for an asker who may see `view`. */
export async function searchNames(db: Db, q: string, limit: number, view: SearchView): Promise<SearchHit[]> {
  const entries = await searchIndex(db);
  const districts = new Map(entries.filter((e) => e.kind === 'district').map((d) => [d.code, d]));
  return rank(entries, q, limit, visibleIn(view)).map(({ entry: e, match }) => {
    const d = e.district === null ? undefined : districts.get(e.district);
    return {
      kind: e.kind,
      id: e.id,
      name: e.name,
      nameRu: e.nameRu,
      code: e.code,
      district: d && d.code !== null ? { soato: d.code, name: d.name, nameRu: d.nameRu } : null,
      bbox: e.bbox,
      point: e.point,
      match,
    };
  });
}
