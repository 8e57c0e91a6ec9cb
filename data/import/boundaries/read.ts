// Reads a boundary file of any supported format (GeoJSON, zipped or loose Shapefile, KML, KMZ) into features in WGS84,
// refusing features whose reprojected coordinates fall outside Uzbekistan.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import { crsFromCode, crsFromPrj, implausible, toWgs84, WGS84, type Crs } from '../crs.ts';
import { ImportError, problem, type ImportProblem } from './problems.ts';
import { said, UnreadableFile, type Said } from '../report.ts';
import { readShapefile, shapefileFromDisk, shapefileFromZip, type RawFeature } from './shapefile.ts';

export type { RawFeature } from './shapefile.ts';

/** A boundary file as read: its features in WGS84 lon/lat and the problems found while reading them. */
export interface BoundaryFile {
  file: string;
  format: 'geojson' | 'shapefile' | 'kml' | 'kmz';
  crs: Crs;
  /** The .dbf's code page (shapefiles only). */
  encoding?: string;
  features: RawFeature[];
  problems: ImportProblem[];
}

/** The system a GeoJSON names in its (pre-2016) `crs` member, WGS84 when it names none. */
function geojsonCrs(doc: { crs?: { properties?: { name?: unknown } } }): Crs {
  const name = doc.crs?.properties?.name;
  if (typeof name !== 'string' || /CRS84$/i.test(name)) return WGS84;
  return crsFromCode(/(\d+)\s*$/.exec(name)?.[1] ?? name);
}

function parseGeojson(text: string): { features: RawFeature[]; crs: Crs } {
  const doc = JSON.parse(text) as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw new UnreadableFile(said('must be a GeoJSON FeatureCollection', 'not_feature_collection'));
  const features = (doc.features as Array<{ properties?: unknown; geometry?: unknown }>).map((f) => ({
    props: (f.properties ?? {}) as Record<string, unknown>,
    geometry: (f.geometry ?? null) as Geometry | null,
  }));
  return { features, crs: geojsonCrs(doc) };
}

/**
 * A GeoJSON text as a read boundary file (reprojected from its `crs` member or `crsCode`); throws ImportError when it is
 * not JSON or not a FeatureCollection.
 * @example geojsonFile('m.geojson', '{"type":"FeatureCollection","features":[]}').features // []
 */
export function geojsonFile(file: string, text: string, crsCode?: string): BoundaryFile {
  let parsed: ReturnType<typeof parseGeojson>;
  try {
    parsed = parseGeojson(text);
  } catch (err) {
    const bad = err instanceof SyntaxError;
    const why =
      err instanceof UnreadableFile
        ? err.why
        : bad
          ? said(`not valid JSON (${err.message})`, 'not_json_file')
          : said((err as Error).message, 'file_unreadable', { file });
    throw new ImportError([problem(file, 0, bad ? 'file' : 'type', why)]);
  }
  const crs = crsCode ? crsFromCode(crsCode) : parsed.crs;
  return { file, format: 'geojson', crs, ...reproject(file, parsed.features, crs) };
}

/** KML placemarks: togeojson puts the name, description and ExtendedData fields in the properties. */
function parseKml(text: string): RawFeature[] {
  const dom = new DOMParser().parseFromString(text, 'text/xml');
  const fc = kml(dom);
  return fc.features.map((f) => ({ props: { ...(f.properties ?? {}) }, geometry: f.geometry ?? null }));
}

function kmzText(zip: Uint8Array): string {
  const files = unzipSync(zip);
  const names = Object.keys(files).filter((n) => /\.kml$/i.test(n));
  const main = names.find((n) => /^doc\.kml$/i.test(n)) ?? names[0];
  if (!main) throw new UnreadableFile(said('the KMZ archive holds no .kml file', 'kmz_no_kml'));
  return new TextDecoder().decode(files[main]);
}

/** Applies `f` to every position of a geometry (any type), returning a new geometry. */
function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  const ring = (r: Position[]): Position[] => r.map(f);
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: ring(g.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(ring) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(ring)) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
}

/**
 * Reprojects every feature to WGS84 and checks it lands in Uzbekistan; a feature that does not is reported (its first
 * stray vertex) and its geometry dropped. Pure apart from proj4.
 * @example reproject('m.shp', features, crsFromCode(32642)).problems // [] when every vertex lands in Uzbekistan
 */
export function reproject(
  file: string,
  features: RawFeature[],
  crs: Crs,
): { features: RawFeature[]; problems: ImportProblem[] } {
  const fwd = toWgs84(crs);
  const problems: ImportProblem[] = [];
  const out = features.map((f, i) => {
    if (!f.geometry) return f;
    let stray: Said | null = null;
    const geometry = mapPositions(f.geometry, (p) => {
      const [lon, lat] = typeof p[0] === 'number' && typeof p[1] === 'number' ? fwd(p[0], p[1]) : [NaN, NaN];
      stray ??= implausible(lon, lat, crs);
      return [lon, lat];
    });
    if (stray === null) return { props: f.props, geometry };
    problems.push(problem(file, i + 1, 'geometry', stray));
    return { props: f.props, geometry: null };
  });
  return { features: out, problems };
}

/**
 * Reads `path` by its extension: .geojson/.json, .zip (a shapefile), .shp (with its .dbf, .prj, .cpg beside it), .kml,
 * .kmz. `crsCode` overrides the system the file states (a shapefile without .prj, a GeoJSON without `crs`). Throws
 * (with the reason) when the file cannot be read at all.
 */
export async function readBoundaryFile(path: string, crsCode?: string): Promise<BoundaryFile> {
  const file = basename(path);
  const ext = /\.([^.]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const given = crsCode ? crsFromCode(crsCode) : undefined;
  let format: BoundaryFile['format'];
  let raw: RawFeature[];
  let crs: Crs;
  let encoding: string | undefined;
  if (ext === 'zip' || ext === 'shp') {
    const parts = ext === 'zip' ? shapefileFromZip(readFileSync(path)) : shapefileFromDisk(path);
    if (!parts.prj && !given)
      throw new UnreadableFile(
        said('the shapefile has no .prj: say its coordinate system with --crs (an EPSG code such as 32642)', 'no_prj'),
      );
    ({ features: raw, encoding } = await readShapefile(parts));
    crs = given ?? crsFromPrj(parts.prj ?? '');
    format = 'shapefile';
  } else if (ext === 'kml' || ext === 'kmz') {
    raw = parseKml(ext === 'kml' ? readFileSync(path, 'utf8') : kmzText(readFileSync(path)));
    crs = WGS84; // KML is WGS84 by definition
    format = ext;
  } else if (ext === 'geojson' || ext === 'json') {
    return geojsonFile(file, readFileSync(path, 'utf8'), crsCode);
  } else {
    throw new UnreadableFile(
      said(
        `"${file}" is not a boundary file: give a .geojson, .json, .zip (shapefile), .shp, .kml or .kmz`,
        'wrong_extension',
        { allowed: '.geojson, .json, .zip, .shp, .kml, .kmz' },
      ),
    );
  }
  const { features, problems } = reproject(file, raw, crs);
  return { file, format, crs, encoding, features, problems };
}
