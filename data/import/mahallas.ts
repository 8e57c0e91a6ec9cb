// Reads real mahalla boundaries (GeoJSON, Shapefile, KML, KMZ; any supported coordinate system; mapped field names)
// into the loader's mahalla inputs: every feature validated, all or nothing.
import type { MahallaInput } from '../build-db.ts';
import { loadDistricts } from '../generate/boundaries.ts';
import { SCALES, type ScaleName } from '../generate/scales.ts';
import type { FieldMapping } from './boundaries/fields.ts';
import { ImportError } from './boundaries/problems.ts';
import { geojsonFile, readBoundaryFile, type BoundaryFile } from './boundaries/read.ts';
import { LEVELS, validateBoundaries, type BoundaryItem } from './boundaries/validate.ts';

export { ImportError, type ImportProblem } from './boundaries/problems.ts';

/** Validated boundary items as the loader's mahallas (the parent is the district's SOATO code). */
export const toMahallaInputs = (items: readonly BoundaryItem[]): MahallaInput[] =>
  items.map((m) => ({
    code: m.code,
    name: m.name,
    districtSoato: m.parent,
    geometry: m.geometry,
    areaKm2: m.areaKm2,
    centroid: m.centroid,
    population: m.population,
    households: m.households,
  }));

/** The mahalla items of a read file, or ImportError with every problem (reading and validation together). */
export function mahallaItems(
  bf: BoundaryFile,
  districtCodes: ReadonlySet<string>,
  mapping: FieldMapping = {},
): BoundaryItem[] {
  const { items, problems } = validateBoundaries(bf, LEVELS.mahallas, mapping, districtCodes);
  if (problems.length > 0) throw new ImportError(problems);
  return items;
}

/**
 * Validates a GeoJSON FeatureCollection of mahallas with properties `code` (10 digits), `name`, `district` (7-digit
 * SOATO of a district in the scale) and optional `population`, `households` (or the fields `mapping` names). Throws
 * ImportError listing every problem.
 * @example parseMahallas('m.geojson', text, new Set(['1726287']))[0]?.districtSoato // '1726287'
 */
export function parseMahallas(
  file: string,
  text: string,
  districtCodes: ReadonlySet<string>,
  mapping: FieldMapping = {},
): MahallaInput[] {
  return toMahallaInputs(mahallaItems(geojsonFile(file, text), districtCodes, mapping));
}

/** The district codes a mahalla may name: those of the scale's shipped districts. */
export const districtCodesOf = (scale: ScaleName): Set<string> =>
  new Set(loadDistricts(SCALES[scale]).map((d) => d.soato));

/** Reads and validates a mahalla file of any supported format for a scale's districts. */
export async function readMahallaFile(
  file: string,
  scale: ScaleName,
  opts: { mapping?: FieldMapping; crs?: string } = {},
): Promise<{ source: string; items: MahallaInput[] }> {
  const bf = await readBoundaryFile(file, opts.crs);
  return { source: file, items: toMahallaInputs(mahallaItems(bf, districtCodesOf(scale), opts.mapping)) };
}
