// What the scan needs of the mahallas, once per database: centroids in km, flattened polygons (for the outlines) and
// the circles for each largest share asked for; and the service's defaults.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { dataEpoch, perDb, shared, within } from '../../db/per-db.ts';
import { flattenPolygons, type FlatPolygons } from '../../geo/flat-polygons.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { circularWindows, projectKm, type ScanWindows } from '../../stats/scan-windows.ts';

/** Defaults of the service, one comment each. */
export const SCAN_SERVICE = {
  /**
   * The largest circle: 10 % of the study area's residents (SaTScan's default is 50 %). In Tashkent that is ≈ 300,000
   * residents, about one district (12 districts, 3.04 M): a larger "cluster" is half the city, no place to send a
   * patrol. Fewer, smaller circles also cost less multiple testing and a quarter of the time; on the demo's 90 days the
   * clusters found are the same as at 50 % (the largest holds 12 mahallas, 32,000 residents). See the README.
   */
  maxShare: 0.1,
  /**
   * Window entries the Monte Carlo loop may walk per draw (the city: ≈ 40,000 at 10 %, 160,000 at 50 %). Without an
   * explicit `maxShare`, a database too large for 10 % gets the largest halving of it that fits, and says so: the
   * country's 9,400 mahallas get 0.3125 % (≈ 280,000 entries, a few seconds; at 1.25 %, 1.2 M entries took 17 s).
   */
  maxEntries: 400_000,
  /** Fewer records in the study area than this: no scan, the answer says so (the rule of every hot-spot view). */
  minRecords: 20,
  /** The p-value below which the map draws a cluster. */
  alpha: 0.05,
  /** Emerging clusters (the space-time scan) look back at most this many weeks, about a month: "new", not "always". */
  weeks: 4,
};

/** Centroids in km and flattened polygons of every mahalla (id order), once per database. */
export const geometry = perDb(
  async (db): Promise<{ x: Float64Array; y: Float64Array; flat: FlatPolygons; scale: string }> => {
    const [cols, meta] = await Promise.all([
      db.columns<{ lon: number; lat: number; g: string }>(
        'SELECT centroid_lon AS lon, centroid_lat AS lat, geometry AS g FROM mahallas ORDER BY id',
      ),
      db.columns<{ value: string }>("SELECT value FROM meta WHERE key = 'scale'"),
    ]);
    const { x, y } = projectKm(Float64Array.from(cols.lon), Float64Array.from(cols.lat));
    const flat = flattenPolygons(cols.g.map((g) => JSON.parse(g) as Polygon | MultiPolygon));
    return { x, y, flat, scale: meta.value[0] ?? '' };
  },
);

/** Windows per database and max share (a handful of shares at most are ever asked for). */
const windowCache = new WeakMap<Db, Map<string, Promise<ScanWindows | null>>>();

function windows(db: Db, share: number): Promise<ScanWindows | null> {
  let byShare = windowCache.get(db);
  if (!byShare) windowCache.set(db, (byShare = new Map<string, Promise<ScanWindows | null>>()));
  // Keyed by the data generation too: boundaries or populations an import changed make new windows.
  const key = `${dataEpoch(db)}:${share}`;
  let hit = byShare.get(key);
  if (!hit) {
    hit = shared(() =>
      Promise.all([geometry(db), mahallaColumns(db)]).then(([g, m]) =>
        circularWindows(g.x, g.y, Float64Array.from(m.population), share, SCAN_SERVICE.maxEntries),
      ),
    );
    // A failed load is forgotten, so the next ask retries instead of failing for good.
    const mine = byShare;
    const failed = hit;
    hit.catch(() => {
      if (mine.get(key) === failed) mine.delete(key);
    });
    byShare.set(key, hit);
  }
  return within(hit);
}

/** The windows for the asked share, or for the default halved until they fit; null share = too many for the asked one. */
export async function chooseWindows(db: Db, asked: number | undefined) {
  if (asked !== undefined) return { w: await windows(db, asked), share: asked, from: 'request' as const };
  for (let share = SCAN_SERVICE.maxShare; share >= 0.001; share /= 2) {
    const w = await windows(db, share);
    if (w)
      return { w, share, from: share === SCAN_SERVICE.maxShare ? ('default' as const) : ('reduced to fit' as const) };
  }
  return { w: null, share: 0.001, from: 'reduced to fit' as const };
}
