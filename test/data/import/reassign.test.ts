// The fast re-assignment (only records a changed boundary could move are tested) against the full join (every record
// tested) on a 6 × 6 grid of mahallas with seeded records: the same mahalla for every record, and far fewer tested.
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { createSchema } from '../../../data/load.ts';
import { boundaryChanges, boxCells } from '../../../data/import/boundaries/changes.ts';
import { reassignTable, type Target } from '../../../data/import/boundaries/reassign.ts';
import { openDb, type Db } from '../../../server/db/database.ts';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { PolygonIndex } from '../../../server/geo/polygon-index.ts';

const S = 0.01;
const X = 69.2;
const Y = 41.3;
const ring = (pts: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...pts, pts[0]!]] });
/** Corner (i, j) of the grid, with the one vertex the new version moves. */
const corner = (i: number, j: number, moved: boolean): Position =>
  moved && i === 3 && j === 3 ? [X + 3.3 * S, Y + 2.8 * S] : [X + i * S, Y + j * S];
const cell = (i: number, j: number, moved = false): Polygon =>
  ring([corner(i, j, moved), corner(i + 1, j, moved), corner(i + 1, j + 1, moved), corner(i, j + 1, moved)]);

/** Before: 36 cells, id 1 + i + 6j. */
const before = Array.from({ length: 36 }, (_, k) => ({ id: k + 1, g: cell(k % 6, Math.floor(k / 6)) }));
/**
 * After: the corner (3, 3) moved (cells 15, 16, 21, 22 change); cell 0,0 (id 1) retired and its area split between
 * cell 1,0 (id 2, now two cells wide) and nothing else; cell 5,5 (id 36) split into id 37 (west half) and 36 (east);
 * a new 38 north of the grid, where nothing was before.
 */
const after = [
  ...before
    .filter((c) => c.id !== 1 && c.id !== 2 && c.id !== 36)
    .map((c) => ({ id: c.id, g: cell((c.id - 1) % 6, Math.floor((c.id - 1) / 6), true) })),
  {
    id: 2,
    g: ring([
      [X, Y],
      [X + 2 * S, Y],
      [X + 2 * S, Y + S],
      [X, Y + S],
    ]),
  },
  {
    id: 36,
    g: ring([
      [X + 5.5 * S, Y + 5 * S],
      [X + 6 * S, Y + 5 * S],
      [X + 6 * S, Y + 6 * S],
      [X + 5.5 * S, Y + 6 * S],
    ]),
  },
  {
    id: 37,
    g: ring([
      [X + 5 * S, Y + 5 * S],
      [X + 5.5 * S, Y + 5 * S],
      [X + 5.5 * S, Y + 6 * S],
      [X + 5 * S, Y + 6 * S],
    ]),
  },
  {
    id: 38,
    g: ring([
      [X + 2.5 * S, Y + 6.5 * S],
      [X + 3.5 * S, Y + 6.5 * S],
      [X + 3.5 * S, Y + 7.5 * S],
      [X + 2.5 * S, Y + 7.5 * S],
    ]),
  },
];

/** A database with the old mahallas and 3,000 incidents placed in them by the full join, plus two strays. */
async function seeded(): Promise<Db> {
  const db = await openDb(':memory:');
  await createSchema(db);
  const flat = flattenPolygons(before.map((c) => c.g));
  const index = new PolygonIndex(flat);
  const rng = new Rng(13);
  const rows: string[] = [];
  for (let k = 0; k < 3000; k++) {
    const lon = X + rng.range(0, 6 * S);
    const lat = Y + rng.range(0, 6 * S);
    rows.push(`(${k}, '2024-01-01', ${lon}, ${lat}, ${before[index.locate(lon, lat)]!.id}, 'fraud', 'solved', 0)`);
  }
  // On the moved corner's old place (now inside 21); and two strays outside every polygon: one in retired mahalla 1, one in 20.
  rows.push(`(3000, '2024-01-01', ${X + 3 * S}, ${Y + 3 * S}, 22, 'fraud', 'solved', 0)`);
  rows.push(`(3001, '2024-01-01', ${X - S}, ${Y - S}, 1, 'fraud', 'solved', 0)`);
  rows.push(`(3002, '2024-01-01', ${X + 3 * S}, ${Y + 7 * S}, 20, 'fraud', 'solved', 0)`);
  await db.run(`INSERT INTO incidents VALUES ${rows.join(', ')}`);
  return db;
}

const target = (): Target => {
  const flat = flattenPolygons(after.map((c) => c.g));
  return {
    index: new PolygonIndex(flat),
    ids: Int32Array.from(after, (c) => c.id),
    cLon: Float64Array.from(after, (_, k) => (flat.bbox[4 * k]! + flat.bbox[4 * k + 2]!) / 2),
    cLat: Float64Array.from(after, (_, k) => (flat.bbox[4 * k + 1]! + flat.bbox[4 * k + 3]!) / 2),
  };
};

describe('re-assignment of records to new boundaries', () => {
  it('finds the changed polygons, their boxes and cells', () => {
    const c = boundaryChanges(
      { flat: flattenPolygons(before.map((b) => b.g)), ids: Int32Array.from(before, (b) => b.id) },
      { flat: flattenPolygons(after.map((a) => a.g)), ids: Int32Array.from(after, (a) => a.id) },
      new Set(),
    );
    // Changed: 16, 22, 15, 21 (the moved corner), 2 (widened), 36 (halved), 37 and 38 (new); retired: 1.
    expect([...c.ids]).toEqual([1]);
    expect([c.changed, c.retired, c.boxes.length / 4]).toEqual([8, 1, 15]);
    expect(boxCells(new Float64Array([69.201, 41.301, 69.215, 41.305]))).toEqual([692004130, 692104130]);
    expect(boxCells(new Float64Array([0, 0, 1, 1]), 100)).toBeNull();
  });

  it('gives every record the same mahalla as the full join, testing far fewer', async () => {
    const fast = await seeded();
    const full = await seeded();
    try {
      const changes = boundaryChanges(
        { flat: flattenPolygons(before.map((b) => b.g)), ids: Int32Array.from(before, (b) => b.id) },
        { flat: flattenPolygons(after.map((a) => a.g)), ids: Int32Array.from(after, (a) => a.id) },
        new Set(),
      );
      const conFast = await fast.connect();
      const conFull = await full.connect();
      const a = await reassignTable(conFast, 'incidents', target(), changes);
      const b = await reassignTable(conFull, 'incidents', target(), null);
      conFast.closeSync();
      conFull.closeSync();
      const ids = (db: Db) =>
        db.all<{ id: number; m: number }>('SELECT id, mahalla_id AS m FROM incidents ORDER BY id');
      expect(await ids(fast)).toEqual(await ids(full));
      expect(a.moved).toBe(b.moved);
      expect(a.moved).toBeGreaterThan(100);
      expect(b.tested).toBe(3003);
      expect(a.tested).toBeLessThan(1500);
      // The strays: the one of retired mahalla 1 goes to the nearest centre's (2); the other now lies in the new 38.
      expect(await fast.all('SELECT id, mahalla_id AS m FROM incidents WHERE id >= 3000 ORDER BY id')).toEqual([
        { id: 3000, m: 21 },
        { id: 3001, m: 2 },
        { id: 3002, m: 38 },
      ]);
      expect([a.outside, b.outside]).toEqual([1, 1]);
    } finally {
      fast.close();
      full.close();
    }
  });
});
