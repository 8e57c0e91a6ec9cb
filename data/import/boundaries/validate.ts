// Per-feature checks of a boundary file after field mapping: codes, names, parents, counts and ring geometry, each
// problem as (file, feature, field, reason and its code); what passes becomes a boundary item with its area and an
// interior point.
import { area, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { DEFAULT_FIELDS, resolveFields, type FieldMapping, type Role } from './fields.ts';
import { problem, type ImportProblem } from './problems.ts';
import { said, type Said } from '../report.ts';
import type { BoundaryFile } from './read.ts';
import { normalizeUzName } from '../../../server/shared/uz-names.ts';
import { ringCrossing } from '../../../server/geo/ring-crossing.ts';

/** What a boundary file describes, and the rules for its codes and parents. */
export interface Level {
  name: 'regions' | 'districts' | 'mahallas';
  code: RegExp;
  /** why a code is refused: its digits and level */
  codeSaid: Said;
  /** The parent's kind, for messages (none for regions). */
  parent?: 'district' | 'region';
}
export const LEVELS: Record<Level['name'], Level> = {
  mahallas: {
    name: 'mahallas',
    code: /^\d{10}$/,
    codeSaid: said('must be a 10-digit mahalla code', 'boundary_code_format', { level: 'mahalla', digits: 10 }),
    parent: 'district',
  },
  districts: {
    name: 'districts',
    code: /^\d{7}$/,
    codeSaid: said('must be a 7-digit district SOATO code', 'boundary_code_format', { level: 'district', digits: 7 }),
    parent: 'region',
  },
  regions: {
    name: 'regions',
    code: /^\d{4}$/,
    codeSaid: said('must be a 4-digit region SOATO code', 'boundary_code_format', { level: 'region', digits: 4 }),
  },
};

/** A validated boundary: code, name, parent code, geometry in WGS84, area, a point inside it, known counts. */
export interface BoundaryItem {
  code: string;
  name: string;
  parent: string;
  geometry: Polygon | MultiPolygon;
  areaKm2: number;
  centroid: [number, number];
  population?: number;
  households?: number;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
const count = (v: unknown): number | undefined | null => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
};

const NO_GEOMETRY = said('the feature has no geometry', 'no_geometry');

/**
 * Why a ring is not a valid polygon ring, or null: fewer than 4 positions, not closed, or crossing itself.
 * @example ringProblem([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])?.reason // 'a ring crosses itself at 0.5, 0.5'
 */
export function ringProblem(ring: readonly Position[]): Said | null {
  if (ring.length < 4) return said('a ring needs at least 4 positions', 'ring_too_short');
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) return said('a ring is not closed (first position ≠ last)', 'ring_not_closed');
  const xy = new Float64Array(2 * ring.length);
  ring.forEach((p, i) => xy.set([p[0] ?? NaN, p[1] ?? NaN], 2 * i));
  const k = ringCrossing(xy, 0, ring.length);
  if (!k) return null;
  const [lon, lat] = [+(k[0] ?? 0).toFixed(6), +(k[1] ?? 0).toFixed(6)];
  return said(`a ring crosses itself at ${lon}, ${lat}`, 'ring_crosses', { lon: String(lon), lat: String(lat) });
}

/** Why a geometry cannot be a boundary, or null. */
export function geometryProblem(g: BoundaryFile['features'][number]['geometry']): Said | null {
  if (!g) return NO_GEOMETRY;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    return said('must be a Polygon or MultiPolygon', 'not_polygon');
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (polys.length === 0 || polys.every((p) => p.length === 0)) return NO_GEOMETRY;
  for (const poly of polys) {
    if (poly.length === 0) return said('a polygon has no rings', 'no_rings');
    for (const ring of poly) {
      const p = ringProblem(ring);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Checks every feature of a read file against the level's rules; returns the items when there is no problem at all.
 * `parents` holds the codes a feature's parent must be one of (districts for mahallas, regions for districts).
 * @example validateBoundaries(file, LEVELS.mahallas, { code: 'KOD' }, new Set(['1726287'])).problems // []
 */
export function validateBoundaries(
  bf: BoundaryFile,
  level: Level,
  mapping: FieldMapping,
  parents: ReadonlySet<string>,
): { items: BoundaryItem[]; problems: ImportProblem[] } {
  const file = bf.file;
  const problems: ImportProblem[] = [];
  const fail = (row: number, column: string, why: Said): void => void problems.push(problem(file, row, column, why));
  const present = [...new Set(bf.features.flatMap((f) => Object.keys(f.props)))];
  const defaults: Record<Role, string> = { ...DEFAULT_FIELDS, parent: level.parent ?? 'parent' };
  const resolved = resolveFields(present, mapping, defaults);
  for (const p of resolved.problems) fail(0, 'mapping', p);
  if (bf.features.length === 0) fail(0, 'features', said('the collection is empty', 'no_features', { file }));
  if (problems.length > 0) return { items: [], problems };
  const field = (role: Role): string => resolved.fields[role] ?? defaults[role];
  const stray = new Map(bf.problems.map((p) => [p.row, p]));
  const seen = new Map<string, number>();
  const items: BoundaryItem[] = [];
  bf.features.forEach((f, i) => {
    const row = i + 1;
    const before = problems.length;
    const p = f.props;
    const code = str(p[field('code')]);
    const first = seen.get(code);
    if (!level.code.test(code)) fail(row, field('code'), level.codeSaid);
    else if (first !== undefined)
      fail(row, field('code'), said(`duplicate of feature ${first}`, 'duplicate_feature', { row: first }));
    else seen.set(code, row);
    const name = str(p[field('name')]);
    if (name === '') fail(row, field('name'), said('must be a non-empty string', 'empty'));
    const parent = str(p[field('parent')]);
    if (level.parent && !parents.has(parent))
      fail(
        row,
        field('parent'),
        said(`"${parent}" is not a ${level.parent} SOATO code of this dataset`, 'unknown_parent', {
          level: level.parent,
          value: parent,
        }),
      );
    const counts: Partial<Record<'population' | 'households', number>> = {};
    for (const k of ['population', 'households'] as const) {
      const c = count(p[field(k)]);
      if (c === null) fail(row, field(k), said('must be a non-negative integer', 'not_count'));
      else if (c !== undefined) counts[k] = c;
    }
    const s = stray.get(row);
    const gp = s ? null : geometryProblem(f.geometry);
    if (s) problems.push(s);
    else if (gp) fail(row, 'geometry', gp);
    if (problems.length > before) return;
    const feature = { type: 'Feature', properties: {}, geometry: f.geometry } as Feature<Polygon | MultiPolygon>;
    const inner = pointOnFeature(feature).geometry.coordinates;
    items.push({
      code,
      name: normalizeUzName(name),
      parent,
      geometry: feature.geometry,
      areaKm2: area(feature) / 1e6,
      centroid: [inner[0] ?? 0, inner[1] ?? 0],
      ...counts,
    });
  });
  return { items: problems.length > 0 ? [] : items, problems };
}
