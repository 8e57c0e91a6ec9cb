// Imports real mahalla boundaries (GeoJSON) in place of the demo ones: validates every feature, all or nothing.
import { readFileSync } from 'node:fs';
import { area, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { MahallaInput } from '../build-db.ts';
import { loadDistricts } from '../generate/boundaries.ts';
import { SCALES, type ScaleName } from '../generate/scales.ts';

/** One problem in an import file: which feature ("row"), which field ("column"), why. */
export interface ImportProblem {
  file: string;
  row: number;
  column: string;
  reason: string;
}

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `Import refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems
          .slice(0, 50)
          .map((p) => `  ${p.file}: feature ${p.row}, ${p.column}: ${p.reason}`)
          .join('\n'),
    );
  }
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  if (!ring.every(isPosition)) return 'a position is not [lon, lat] within ±180/±90';
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  return a[0] === b[0] && a[1] === b[1] ? null : 'a ring is not closed (first position ≠ last)';
}

function geometryProblem(g: unknown): string | null {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) return 'must be a Polygon or MultiPolygon';
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) return 'has no coordinates';
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) return 'a polygon has no rings';
    for (const ring of poly) {
      const p = ringProblem(ring);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Validates a FeatureCollection of mahallas with properties `code` (10 digits), `name`, `district` (7-digit SOATO
 * of a district in the scale) and optional `population`, `households`. Throws ImportError listing every problem.
 */
export function parseMahallas(file: string, text: string, districtCodes: ReadonlySet<string>): MahallaInput[] {
  const problems: ImportProblem[] = [];
  const fail = (row: number, column: string, reason: string): void => void problems.push({ file, row, column, reason });
  let doc: { type?: unknown; features?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (err) {
    throw new ImportError([{ file, row: 0, column: 'file', reason: `not valid JSON (${(err as Error).message})` }]);
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new ImportError([{ file, row: 0, column: 'type', reason: 'must be a GeoJSON FeatureCollection' }]);
  }
  const seen = new Map<string, number>();
  const out: MahallaInput[] = [];
  (doc.features as Feature[]).forEach((f, i) => {
    const row = i + 1;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const code = typeof p.code === 'string' ? p.code : typeof p.code === 'number' ? String(p.code) : '';
    if (!/^\d{10}$/.test(code)) fail(row, 'code', 'must be a 10-digit mahalla code');
    else if (seen.has(code)) fail(row, 'code', `duplicate of feature ${seen.get(code)}`);
    else seen.set(code, row);
    if (typeof p.name !== 'string' || p.name.trim() === '') fail(row, 'name', 'must be a non-empty string');
    const district =
      typeof p.district === 'string' ? p.district : String(typeof p.district === 'number' ? p.district : '');
    if (!districtCodes.has(district))
      fail(row, 'district', `"${district}" is not a district SOATO code of this dataset`);
    for (const k of ['population', 'households'] as const) {
      if (p[k] !== undefined && !(Number.isInteger(p[k]) && (p[k] as number) >= 0))
        fail(row, k, 'must be a non-negative integer');
    }
    const gp = geometryProblem(f.geometry);
    if (gp) fail(row, 'geometry', gp);
    if (problems.length > 0) return;
    const feature = f as Feature<Polygon | MultiPolygon>;
    const inner = pointOnFeature(feature).geometry.coordinates;
    out.push({
      code,
      name: String(p.name).trim(),
      districtSoato: district,
      geometry: feature.geometry,
      areaKm2: area(feature) / 1e6,
      centroid: [inner[0] ?? 0, inner[1] ?? 0],
      population: p.population as number | undefined,
      households: p.households as number | undefined,
    });
  });
  if (problems.length > 0) throw new ImportError(problems);
  if (out.length === 0)
    throw new ImportError([{ file, row: 0, column: 'features', reason: 'the collection is empty' }]);
  return out;
}

/** Reads and validates a mahalla file for a scale's districts. */
export function readMahallaFile(file: string, scale: ScaleName): { source: string; items: MahallaInput[] } {
  const codes = new Set(loadDistricts(SCALES[scale]).map((d) => d.soato));
  return { source: file, items: parseMahallas(file, readFileSync(file, 'utf8'), codes) };
}
