// The mahalla stored per point at ingest: the loader joins every chunk's points (PolygonIndex.locateMany), shared
// edges and vertices by the boundary rule, and refuses a load with a point in no mahalla.
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/db/database.ts';
import { createSchema, loadApplications, loadIncidents } from '../../data/load.ts';
import type { IncidentChunk } from '../../data/generate/incidents.ts';
import type { ApplicationChunk } from '../../data/generate/applications.ts';
import { flattenPolygons } from '../../server/geo/flat-polygons.ts';
import { PolygonIndex } from '../../server/geo/polygon-index.ts';
import { at, GRID_ORIGIN, loadFixture } from '../server/geo/fixtures.ts';

const grid = new PolygonIndex(flattenPolygons(loadFixture('grid-3x3')));

/** [x, y] in fixture units → the square that owns it (hand-checked: east of a vertical edge, north of a horizontal one). */
const CASES: Array<[x: number, y: number, square: number]> = [
  [0.5, 0.5, 0],
  [2.5, 2.5, 8],
  [1.5, 1.5, 4],
  [1, 0.5, 1], // edge 0|1
  [0.5, 1, 3], // edge 0|3
  [1, 1, 4], // vertex of 0, 1, 3, 4
  [2, 2, 8], // vertex of 4, 5, 7, 8
  [2, 1.5, 5], // edge 4|5
  [0, 0.5, 0], // outer west edge
];

/** The cases as points one second apart from `sec0`, so the loader's time order is the input order. */
function points(sec0: number): { length: number; sec: Int32Array; lon: Float64Array; lat: Float64Array } {
  const lonLat = CASES.map(([x, y]) => at(x, y, GRID_ORIGIN));
  return {
    length: CASES.length,
    sec: Int32Array.from(CASES, (_, i) => sec0 + i),
    lon: Float64Array.from(lonLat, (p) => p[0]),
    lat: Float64Array.from(lonLat, (p) => p[1]),
  };
}
const incidents = (sec0: number): IncidentChunk => {
  const p = points(sec0);
  return { ...p, category: new Uint8Array(p.length), status: new Uint8Array(p.length) };
};

async function withDb(run: (db: Db) => Promise<void>): Promise<void> {
  const db = await openDb(':memory:');
  try {
    await createSchema(db);
    await run(db);
  } finally {
    db.close();
  }
}

const storedIds = async (db: Db, table: string): Promise<number[]> =>
  (await db.columns<{ m: number }>(`SELECT mahalla_id AS m FROM ${table} ORDER BY id`)).m;

describe('the spatial join at ingest', () => {
  it('stores for every incident the id of the one square that owns it, across chunks', async () => {
    await withDb(async (db) => {
      await loadIncidents(db, [incidents(0), incidents(100)], grid);
      expect(await storedIds(db, 'incidents')).toEqual([...CASES, ...CASES].map(([, , square]) => square + 1));
    });
  });

  it('does the same for applications', async () => {
    await withDb(async (db) => {
      const p = points(0);
      const zeros = new Uint8Array(p.length);
      const chunk: ApplicationChunk = {
        ...p,
        applicant: zeros,
        channel: zeros,
        registry: zeros,
        receivedBy: zeros,
        service: zeros,
        resolvedAfter: new Int32Array(p.length).fill(-1),
      };
      await loadApplications(db, [chunk], grid);
      expect(await storedIds(db, 'applications')).toEqual(CASES.map(([, , square]) => square + 1));
    });
  });

  it('refuses the whole load when a point lies in no mahalla, and writes nothing', async () => {
    await withDb(async (db) => {
      const outside = incidents(100);
      [outside.lon[3], outside.lat[3]] = at(3, 0.5, GRID_ORIGIN); // the outer east edge: nothing east of it
      await expect(loadIncidents(db, [incidents(0), outside], grid)).rejects.toThrow(/point 12 .* lies in no mahalla/);
      expect(await storedIds(db, 'incidents')).toEqual([]);
    });
  });
});
