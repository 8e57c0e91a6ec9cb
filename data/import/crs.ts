// Coordinate systems a department's GIS files come in, and reprojection to WGS84 lon/lat with proj4.
import proj4 from 'proj4';
import { said, UnreadableFile, type Said } from './report.ts';

/** A supported coordinate reference system: its EPSG code, its name, and the proj4 definition used. */
export interface Crs {
  code: number;
  name: string;
  proj: string;
}

// Pulkovo 1942 → WGS 84 by EPSG:15865 ("Pulkovo 1942 to WGS 84 (16)", ±4.5 m), the transformation whose area of use
// names Uzbekistan and the one PROJ 9 chooses there; position-vector convention, as +towgs84 expects.
const PULKOVO = '+ellps=krass +towgs84=25,-141,-78.5,0,0.35,0.736,0';
const tmerc = (lon0: number, k: number, x0: number, datum: string): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=0 ${datum} +units=m +no_defs`;

function table(): Crs[] {
  const out: Crs[] = [
    { code: 4326, name: 'WGS 84', proj: '+proj=longlat +datum=WGS84 +no_defs' },
    { code: 4284, name: 'Pulkovo 1942', proj: `+proj=longlat ${PULKOVO} +no_defs` },
    {
      code: 3857,
      name: 'WGS 84 / Pseudo-Mercator',
      proj: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
    },
  ];
  // Uzbekistan spans 56°–73.2° E: UTM zones 40–43, Gauss–Krüger 6° zones 10–13 and 3° zones 19–25.
  for (let z = 40; z <= 43; z++)
    out.push({
      code: 32600 + z,
      name: `WGS 84 / UTM zone ${z}N`,
      proj: tmerc(6 * z - 183, 0.9996, 500000, '+datum=WGS84'),
    });
  for (let z = 10; z <= 13; z++) {
    out.push({
      code: 28400 + z,
      name: `Pulkovo 1942 / Gauss-Kruger zone ${z}`,
      proj: tmerc(6 * z - 3, 1, z * 1e6 + 500000, PULKOVO),
    });
    out.push({
      code: 28460 + z,
      name: `Pulkovo 1942 / Gauss-Kruger ${z}N`,
      proj: tmerc(6 * z - 3, 1, 500000, PULKOVO),
    });
  }
  for (let z = 19; z <= 25; z++)
    out.push({
      code: 2516 + z,
      name: `Pulkovo 1942 / 3-degree Gauss-Kruger zone ${z}`,
      proj: tmerc(3 * z, 1, z * 1e6 + 500000, PULKOVO),
    });
  return out;
}

/** Every supported system by EPSG code. */
export const CRS_LIST: readonly Crs[] = table();
const BY_CODE = new Map(CRS_LIST.map((c) => [c.code, c]));
export const WGS84 = BY_CODE.get(4326) as Crs;

/**
 * The system for an EPSG code (`32642`, `"32642"` or `"EPSG:32642"`); throws naming the supported codes otherwise.
 * @example crsFromCode('EPSG:28412').name // 'Pulkovo 1942 / Gauss-Kruger zone 12'
 */
export function crsFromCode(code: number | string): Crs {
  const n = typeof code === 'number' ? code : Number(/^\s*(?:epsg:)?(\d+)\s*$/i.exec(code)?.[1] ?? NaN);
  const crs = BY_CODE.get(n);
  if (!crs)
    throw new UnreadableFile(
      said(
        `coordinate system "${code}" is not supported (supported EPSG codes: ${[...BY_CODE.keys()].join(', ')})`,
        'crs_unsupported',
        { crs: String(code) },
      ),
    );
  return crs;
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const norm = (s: string): string => s.toLowerCase().replace(/[\s_]+/g, '_');

/** Named numeric parameters of a WKT (1 or 2, OGC or ESRI), by normalised name. */
function wktParams(wkt: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of wkt.matchAll(/PARAMETER\["([^"]+)"\s*,\s*([-+\d.eE]+)/gi)) out.set(norm(m[1] ?? ''), Number(m[2]));
  return out;
}
const param = (p: Map<string, number>, ...names: string[]): number | undefined =>
  names.map((n) => p.get(n)).find((v) => v !== undefined);

/**
 * The system a Shapefile's .prj (WKT 1 in OGC or ESRI flavour, or WKT 2) describes: by its EPSG code when it carries
 * one, else by datum and projection parameters. Throws saying what was found when it matches no supported system.
 * @example crsFromPrj('PROJCS["WGS_1984_UTM_Zone_42N",GEOGCS["GCS_WGS_1984",…],PROJECTION["Transverse_Mercator"],
 *   PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",69.0],PARAMETER["Scale_Factor",0.9996],…]').code // 32642
 */
export function crsFromPrj(wkt: string): Crs {
  const text = wkt.trim();
  const top = /(?:AUTHORITY|ID)\["EPSG"\s*,\s*"?(\d+)"?\]\s*\]\s*$/i.exec(text);
  if (top && BY_CODE.has(Number(top[1]))) return BY_CODE.get(Number(top[1])) as Crs;
  const pulkovo = /pulkovo|krasovsk|krassowsk|6378245/i.test(text);
  const wgs = /wgs[\s_]*(?:19)?84|6378137/i.test(text);
  const projected = /^(?:PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text);
  // `kind` picks the import page's sentence, `detail` is what the file says, as it says it.
  const found = (what: string, kind: 'datum' | 'unit' | 'projection' | 'parameters', detail: string): Error =>
    new UnreadableFile(
      said(
        `the .prj describes ${what}, which is not supported: use WGS 84, Web Mercator, UTM 40N–43N or Pulkovo 1942 ` +
          `Gauss–Krüger (6° zones 10–13, 3° zones 19–25), or give the code with --crs`,
        'prj_unsupported',
        { kind, detail },
      ),
    );
  if (!pulkovo && !wgs) throw found(`an unknown datum (${text.slice(0, 80)}…)`, 'datum', `${text.slice(0, 80)}…`);
  if (!projected) return crsFromCode(pulkovo ? 4284 : 4326);
  if (/mercator_auxiliary_sphere|pseudo[\s_-]*mercator|web[\s_]*mercator|popular visualisation/i.test(text)) {
    if (wgs) return crsFromCode(3857);
  }
  // The last linear unit is the projected system's own (the angular ones belong to its base geographic system).
  const unit = [...text.matchAll(/(?:LENGTH)?UNIT\["([^"]+)"\s*,\s*([-+\d.eE]+)/gi)]
    .filter((m) => !/degree|radian|grad|unity/i.test(m[1] ?? ''))
    .pop();
  if (unit && Math.abs(Number(unit[2]) - 1) > 1e-9)
    throw found(`coordinates in "${unit[1]}" rather than metres`, 'unit', unit[1] ?? '');
  if (!/transverse[\s_]*mercator|gauss[\s_-]*kr[uü]ger|tmerc/i.test(text))
    throw found(`a projection other than Transverse Mercator or Web Mercator`, 'projection', '');
  const p = wktParams(text);
  const lon0 = param(p, 'central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin');
  const x0 = param(p, 'false_easting');
  const k = param(p, 'scale_factor', 'scale_factor_at_natural_origin') ?? 1;
  const y0 = param(p, 'false_northing') ?? 0;
  const lat0 = param(p, 'latitude_of_origin', 'latitude_of_natural_origin') ?? 0;
  const datum = pulkovo ? 'Pulkovo 1942' : 'WGS 84';
  const match = CRS_LIST.find((c) => {
    const d = c.proj;
    return (
      d.includes('+proj=tmerc') &&
      d.includes(pulkovo ? '+ellps=krass' : '+datum=WGS84') &&
      num(/\+lon_0=([-\d.]+)/.exec(d)?.[1]) === lon0 &&
      num(/\+x_0=([-\d.]+)/.exec(d)?.[1]) === x0 &&
      num(/\+k=([-\d.]+)/.exec(d)?.[1]) === k
    );
  });
  if (!match || y0 !== 0 || lat0 !== 0) {
    const params =
      `central meridian ${lon0}, false easting ${x0}, scale ${k}` +
      (y0 !== 0 || lat0 !== 0 ? `, false northing ${y0}, origin latitude ${lat0}` : '');
    throw found(`a ${datum} Transverse Mercator with ${params}`, 'parameters', `${datum}: ${params}`);
  }
  return match;
}

/**
 * A function from coordinates in `crs` (x = easting or lon, y = northing or lat) to WGS84 [lon, lat].
 * @example toWgs84(crsFromCode(32642))(520101.10, 4572033.07) // ≈ [69.2401, 41.2995]
 */
export function toWgs84(crs: Crs): (x: number, y: number) => [number, number] {
  if (crs.code === 4326) return (x, y) => [x, y];
  const conv = proj4(crs.proj, WGS84.proj);
  return (x, y) => conv.forward<[number, number]>([x, y]);
}

/**
 * The inverse of toWgs84: WGS84 lon/lat to `crs` (used to write test fixtures and to show coordinates back).
 * @example fromWgs84(crsFromCode(3857))(180, 0)[0] // 20037508.342789244
 */
export function fromWgs84(crs: Crs): (lon: number, lat: number) => [number, number] {
  if (crs.code === 4326) return (x, y) => [x, y];
  const conv = proj4(WGS84.proj, crs.proj);
  return (x, y) => conv.forward<[number, number]>([x, y]);
}

/** Uzbekistan (55.99–73.14° E, 37.18–45.59° N) with a margin of 1°, where every reprojected coordinate must fall. */
export const UZBEKISTAN_BBOX = { minLon: 55, maxLon: 74.2, minLat: 36.2, maxLat: 46.6 } as const;

/**
 * Null when a reprojected point lies in Uzbekistan's box (with margin), else why not: such a file's coordinates are
 * plainly not in the system it states (a missing zone prefix, swapped axes, degrees declared as metres).
 * @example implausible(69.24, 41.3, crsFromCode(4326)) // null
 * @example implausible(520101, 4572033, crsFromCode(4326))?.reason // 'lies at 520101, 4572033 after reading it as WGS 84, …'
 */
export function implausible(lon: number, lat: number, crs: Crs): Said | null {
  const b = UZBEKISTAN_BBOX;
  if (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= b.minLon &&
    lon <= b.maxLon &&
    lat >= b.minLat &&
    lat <= b.maxLat
  )
    return null;
  const f = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 1e4) / 1e4) : 'nowhere');
  return said(
    `lies at ${f(lon)}, ${f(lat)} after reading it as ${crs.name} (EPSG:${crs.code}), outside Uzbekistan ` +
      `(${b.minLon}–${b.maxLon}° E, ${b.minLat}–${b.maxLat}° N): the file's coordinates are not in that system`,
    'outside_uzbekistan',
    { lon: f(lon), lat: f(lat), crs: `${crs.name} (EPSG:${crs.code})` },
  );
}
