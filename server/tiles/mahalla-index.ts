// The mahalla index a national map reads beside the tiles: every mahalla's id, district, name, centroid and bounding box
// as packed columns (server/shared/packed.ts). Labels, fly-to and lists need these, not the polygons: ≈ 0.4 MB for the
// country where the full GeoJSON is tens of megabytes.
import type { Db } from '../db/database.ts';
import { perDb } from '../db/per-db.ts';
import { pack } from '../shared/packed.ts';
import type { MahallaIndexMeta } from '../contract/tiles.ts';

/** [west, south, east, north] of a GeoJSON geometry's coordinates, grown into `box`. */
function grow(coords: unknown, box: number[]): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    box[0] = Math.min(box[0]!, x!);
    box[1] = Math.min(box[1]!, y!);
    box[2] = Math.max(box[2]!, x!);
    box[3] = Math.max(box[3]!, y!);
    return;
  }
  for (const c of coords) grow(c, box);
}

/**
 * Every mahalla (ordered by id) as packed columns: `id` (Uint32), `district` (Uint32 index into meta.districts),
 * `centroid` (Float32 lon,lat pairs) and `bbox` (Float32 west,south,east,north quadruples).
 * @example unpack<MahallaIndexMeta>((await mahallaIndex(db)).buffer).columns.id // Uint32Array [1, 2, …]
 */
export async function mahallaIndex(db: Pick<Db, 'all'>): Promise<Uint8Array<ArrayBuffer>> {
  const rows = await db.all<{
    id: number;
    name: string;
    soato: string;
    dname: string;
    lon: number;
    lat: number;
    g: string;
  }>(
    `SELECT m.id, m.name, m.district_soato AS soato, d.name_uz AS dname, m.centroid_lon AS lon, m.centroid_lat AS lat,
            m.geometry AS g
     FROM mahallas m JOIN districts d ON d.soato = m.district_soato
     ORDER BY m.id`,
  );
  const n = rows.length;
  const id = new Uint32Array(n);
  const district = new Uint32Array(n);
  const centroid = new Float32Array(2 * n);
  const bbox = new Float32Array(4 * n);
  const districts: MahallaIndexMeta['districts'] = [];
  const districtAt = new Map<string, number>();
  const names: string[] = [];
  rows.forEach((r, i) => {
    id[i] = r.id;
    let d = districtAt.get(r.soato);
    if (d === undefined) {
      d = districts.push({ soato: r.soato, name: r.dname }) - 1;
      districtAt.set(r.soato, d);
    }
    district[i] = d;
    names.push(r.name);
    centroid[2 * i] = r.lon;
    centroid[2 * i + 1] = r.lat;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    grow((JSON.parse(r.g) as { coordinates: unknown }).coordinates, box);
    bbox.set(box, 4 * i);
  });
  return pack<MahallaIndexMeta>({ names, districts }, { id, district, centroid, bbox });
}

/** The packed index, built once per database and data generation (an import's commit rebuilds it). */
export const mahallaIndexOf = perDb((db) => mahallaIndex(db));
