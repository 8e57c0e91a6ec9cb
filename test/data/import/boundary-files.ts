// Writes boundary fixture files for the tests: a minimal Shapefile writer (.shp polygons, .dbf text fields in UTF-8 or
// Windows-1251), KML/KMZ and GeoJSON, from hand-drawn squares in WGS84.
import { writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { encode1251 } from './fixture.ts';

/** A square ring (counter-clockwise, closed) of side `s` degrees from (x, y). */
export const square = (x: number, y: number, s = 0.004): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

export interface ShpFeature {
  props: Record<string, string>;
  /** One ring (closed) in the file's coordinates, or null for an empty shape. */
  ring: Position[] | null;
}

/** .shp bytes: polygons with one ring each, written clockwise as the format wants outer rings. */
export function shpBytes(features: readonly ShpFeature[]): Uint8Array {
  const sizes = features.map((f) => (f.ring ? 44 + 4 + 16 * f.ring.length : 4));
  const total = 100 + sizes.reduce((a, s) => a + 8 + s, 0);
  const v = new DataView(new ArrayBuffer(total));
  v.setInt32(0, 9994);
  v.setInt32(24, total / 2);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  const all = features.flatMap((f) => f.ring ?? []);
  const box = [
    Math.min(...all.map((p) => p[0] ?? 0)),
    Math.min(...all.map((p) => p[1] ?? 0)),
    Math.max(...all.map((p) => p[0] ?? 0)),
    Math.max(...all.map((p) => p[1] ?? 0)),
  ];
  box.forEach((b, i) => v.setFloat64(36 + 8 * i, b, true));
  let o = 100;
  features.forEach((f, i) => {
    v.setInt32(o, i + 1);
    v.setInt32(o + 4, (sizes[i] ?? 0) / 2);
    o += 8;
    if (!f.ring) {
      v.setInt32(o, 0, true);
      o += 4;
      return;
    }
    const ring = [...f.ring].reverse();
    v.setInt32(o, 5, true);
    const xs = ring.map((p) => p[0] ?? 0);
    const ys = ring.map((p) => p[1] ?? 0);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((b, k) =>
      v.setFloat64(o + 4 + 8 * k, b, true),
    );
    v.setInt32(o + 36, 1, true);
    v.setInt32(o + 40, ring.length, true);
    v.setInt32(o + 44, 0, true);
    ring.forEach((p, k) => {
      v.setFloat64(o + 48 + 16 * k, p[0] ?? 0, true);
      v.setFloat64(o + 56 + 16 * k, p[1] ?? 0, true);
    });
    o += sizes[i] ?? 0;
  });
  return new Uint8Array(v.buffer);
}

/** .dbf bytes: every field a 40-byte text (C) field, encoded by `encode`. */
export function dbfBytes(features: readonly ShpFeature[], encode: (s: string) => Uint8Array): Uint8Array {
  const fields = [...new Set(features.flatMap((f) => Object.keys(f.props)))];
  const width = 40;
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + width * fields.length;
  const out = new Uint8Array(headerLen + recordLen * features.length + 1).fill(0x20, headerLen);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  v.setUint32(4, features.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recordLen, true);
  fields.forEach((name, i) => {
    out.fill(0, 32 + 32 * i, 64 + 32 * i);
    out.set(new TextEncoder().encode(name.slice(0, 10)), 32 + 32 * i);
    out[32 + 32 * i + 11] = 'C'.charCodeAt(0);
    out[32 + 32 * i + 16] = width;
  });
  out[headerLen - 1] = 0x0d;
  features.forEach((f, r) => {
    fields.forEach((name, i) => {
      const bytes = encode(f.props[name] ?? '').subarray(0, width);
      out.set(bytes, headerLen + r * recordLen + 1 + i * width);
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** A zipped shapefile (`m.shp`, `m.dbf`, `m.prj` [, `m.cpg`]) at `path`. */
export function writeShapefileZip(
  path: string,
  features: readonly ShpFeature[],
  prj: string,
  opts: { encoding?: 'utf-8' | 'windows-1251'; cpg?: string } = {},
): void {
  const encode = opts.encoding === 'windows-1251' ? encode1251 : (s: string) => new TextEncoder().encode(s);
  const files: Record<string, Uint8Array> = {
    'layer/m.shp': shpBytes(features),
    'layer/m.dbf': dbfBytes(features, encode),
    'layer/m.prj': new TextEncoder().encode(prj),
  };
  if (opts.cpg) files['layer/m.cpg'] = new TextEncoder().encode(opts.cpg);
  writeFileSync(path, zipSync(files));
}

/** A KML document of placemarks with ExtendedData fields. */
export function kmlText(features: ReadonlyArray<{ props: Record<string, string>; ring: Position[] }>): string {
  const placemarks = features.map(
    (f) =>
      `<Placemark><name>${f.props.name ?? ''}</name><ExtendedData>${Object.entries(f.props)
        .map(([k, v]) => `<Data name="${k}"><value>${v}</value></Data>`)
        .join('')}</ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${f.ring
        .map((p) => `${p[0]},${p[1]}`)
        .join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`;
}

/** A KMZ (zipped doc.kml) at `path`. */
export const writeKmz = (path: string, features: Parameters<typeof kmlText>[0]): void =>
  writeFileSync(path, zipSync({ 'doc.kml': new TextEncoder().encode(kmlText(features)) }));

/** A GeoJSON FeatureCollection of polygons at `path`, with an optional pre-2016 `crs` member. */
export function writeGeojson(
  path: string,
  features: ReadonlyArray<{ props: Record<string, unknown>; ring: Position[] | null }>,
  crs?: string,
): void {
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
      features: features.map((f) => ({
        type: 'Feature',
        properties: f.props,
        geometry: f.ring ? { type: 'Polygon', coordinates: [f.ring] } : null,
      })),
    }),
  );
}

const GCS_WGS =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_PULKOVO =
  'GEOGCS["GCS_Pulkovo_1942",DATUM["D_Pulkovo_1942",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
/** .prj texts as ArcGIS writes them (`projinfo EPSG:32642|28412 -o WKT1_ESRI`). */
export const PRJ_TEXT = {
  utm42: `PROJCS["WGS_1984_UTM_Zone_42N",${GCS_WGS},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",69.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`,
  gk12: `PROJCS["Pulkovo_1942_GK_Zone_12",${GCS_PULKOVO},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",12500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",69.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`,
};
