// Zipped or loose Shapefiles (.shp + .dbf + .prj [+ .cpg]): features with their attributes decoded in the right code page.
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { open } from 'shapefile';
import type { Geometry } from 'geojson';
import { said, UnreadableFile } from '../report.ts';

/** The parts of one shapefile, as bytes (the .prj and .cpg as text). */
export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** A feature as read, before field mapping: its attributes and its geometry in the file's own coordinates. */
export interface RawFeature {
  props: Record<string, unknown>;
  geometry: Geometry | null;
}

const text = (b: Uint8Array | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);

/**
 * The shapefile inside a .zip (at any folder depth); throws when it holds none or more than one.
 * @example shapefileFromZip(readFileSync('mahallas.zip')).prj // 'PROJCS["WGS_1984_UTM_Zone_42N",…'
 */
export function shapefileFromZip(zip: Uint8Array): ShapefileParts {
  const files = unzipSync(zip);
  const shps = Object.keys(files).filter((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX/'));
  if (shps.length !== 1)
    throw new UnreadableFile(
      said(
        shps.length === 0
          ? 'the archive holds no .shp file'
          : `the archive holds ${shps.length} .shp files (${shps.join(', ')}): put one layer per archive`,
        'zip_shp_count',
        { count: shps.length },
      ),
    );
  const base = (shps[0] ?? '').slice(0, -4);
  const part = (ext: string): Uint8Array | undefined =>
    Object.entries(files).find(([n]) => n.toLowerCase() === `${base}.${ext}`.toLowerCase())?.[1];
  return { shp: part('shp') as Uint8Array, dbf: part('dbf'), prj: text(part('prj')), cpg: text(part('cpg')) };
}

/** The parts beside a loose .shp file on disk (same name, any case of extension). */
export function shapefileFromDisk(shpPath: string): ShapefileParts {
  const base = shpPath.slice(0, -4);
  const find = (ext: string): Uint8Array | undefined => {
    for (const e of [ext, ext.toUpperCase()]) if (existsSync(`${base}.${e}`)) return readFileSync(`${base}.${e}`);
    return undefined;
  };
  return { shp: readFileSync(shpPath), dbf: find('dbf'), prj: text(find('prj')), cpg: text(find('cpg')) };
}

/**
 * The code page of the .dbf's text: the .cpg when there is one, else UTF-8 when its records decode as UTF-8, else
 * Windows-1251 (what Russian-language ArcGIS and MapInfo write).
 * @example dbfEncoding(dbf, 'ANSI 1251') // 'windows-1251'
 */
export function dbfEncoding(dbf: Uint8Array | undefined, cpg: string | undefined): string {
  const c = cpg?.trim() ?? '';
  if (/utf-?8/i.test(c)) return 'utf-8';
  if (/1251/.test(c)) return 'windows-1251';
  if (/866/.test(c)) return 'ibm866';
  if (!dbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(32));
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Every feature of a shapefile, with its attributes trimmed of the .dbf's padding. */
export async function readShapefile(parts: ShapefileParts): Promise<{ features: RawFeature[]; encoding: string }> {
  const encoding = dbfEncoding(parts.dbf, parts.cpg);
  // Copies: a small Buffer from readFileSync is a view into a shared pool, which the reader would misread.
  const source = await open(new Uint8Array(parts.shp), parts.dbf && new Uint8Array(parts.dbf), { encoding });
  const features: RawFeature[] = [];
  for (;;) {
    const r = await source.read();
    if (r.done) break;
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.value.properties ?? {})) props[k] = typeof v === 'string' ? v.trim() : v;
    features.push({ props, geometry: r.value.geometry });
  }
  return { features, encoding };
}
