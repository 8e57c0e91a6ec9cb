// The mahalla tiler: every mahalla at every zoom, attributes as given, and neighbours that share a border in the data
// share it in every tile (simplification and quantisation never open a gap between them).
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bufferAt, buildTiles, EXTENT, type Tile } from '../../../server/tiles/build.ts';
import { decodeTile, type DecodedFeature } from './tile-decode.ts';
import { square } from '../geo/fixtures.ts';

// A 4 × 3 grid of mahallas over 0.12° × 0.09° near Tashkent. Interior corners are moved off the grid and interior
// borders wiggle (20 points an edge), shared point for point by both neighbours as in a real cadastral layer; the outer
// border is straight, so in a tile it lies on the box's lines.
const COLS = 4;
const ROWS = 3;
const X0 = 69.2;
const Y0 = 41.25;
const STEP = 0.03;
const corner = (i: number, j: number): Position => {
  const inner = i > 0 && i < COLS && j > 0 && j < ROWS;
  return [
    X0 + STEP * i + (inner ? 0.004 * Math.sin(i * 7 + j) : 0),
    Y0 + STEP * j + (inner ? 0.004 * Math.cos(i + j * 5) : 0),
  ];
};
/** The border from corner a to b: straight on the outside, wiggly inside; the same points whichever side asks. */
function edge(a: [number, number], b: [number, number]): Position[] {
  const [pa, pb] = [corner(...a), corner(...b)] as [Position, Position];
  const outer = (a[0] === b[0] && (a[0] === 0 || a[0] === COLS)) || (a[1] === b[1] && (a[1] === 0 || a[1] === ROWS));
  const pts: Position[] = [];
  for (let k = 0; k < 20; k++) {
    const t = k / 20;
    const w = outer ? 0 : 0.0015 * Math.sin(t * Math.PI * 3 + a[0] + 2 * a[1]) * Math.sin(t * Math.PI);
    // perpendicular offset
    const dx = (pb[0] as number) - (pa[0] as number);
    const dy = (pb[1] as number) - (pa[1] as number);
    const len = Math.hypot(dx, dy);
    pts.push([(pa[0] as number) + dx * t - (dy / len) * w, (pa[1] as number) + dy * t + (dx / len) * w]);
  }
  return pts;
}
/** Edge a→b walked in either direction yields the very same points. */
const side = (a: [number, number], b: [number, number]): Position[] => {
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  if (forward) return edge(a, b);
  return [...edge(b, a), corner(...a)].reverse().slice(0, -1);
};
function cell(i: number, j: number): Feature<Polygon, { id: number; code: string; district: string }> {
  const cs: Array<[number, number]> = [
    [i, j],
    [i + 1, j],
    [i + 1, j + 1],
    [i, j + 1],
  ];
  const ring = cs.flatMap((c, k) => side(c, cs[(k + 1) % 4] as [number, number]));
  ring.push(ring[0] as Position);
  const id = j * COLS + i + 1;
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: { id, code: `1726287${String(id).padStart(3, '0')}`, district: i < 2 ? '1726287' : '1726273' },
  };
}
const grid: FeatureCollection<Polygon, { id: number; code: string; district: string }> = {
  type: 'FeatureCollection',
  features: Array.from({ length: COLS * ROWS }, (_, k) => cell(k % COLS, Math.floor(k / COLS))),
};

/** The fixture's outer box in the tile's own coordinates. */
function boxInTile(t: Tile): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** t.z;
  const tx = (lon: number) => Math.round(((lon + 180) / 360) * n * EXTENT - t.x * EXTENT);
  const ty = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return Math.round((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n * EXTENT - t.y * EXTENT);
  };
  return { x0: tx(X0), x1: tx(X0 + COLS * STEP), y0: ty(Y0 + ROWS * STEP), y1: ty(Y0) };
}

type P = { x: number; y: number };
const cross = (a: P, b: P, c: P): number => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

/** Whether segment p→q is covered, end to end, by segments of the other features lying on the same line. */
function covered(p: P, q: P, others: DecodedFeature[]): boolean {
  const len2 = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
  const spans: Array<[number, number]> = [];
  for (const f of others)
    for (const ring of f.rings)
      for (let k = 0; k + 1 < ring.length; k++) {
        const u = ring[k] as P;
        const v = ring[k + 1] as P;
        if (cross(p, q, u) !== 0 || cross(p, q, v) !== 0) continue;
        const tu = ((u.x - p.x) * (q.x - p.x) + (u.y - p.y) * (q.y - p.y)) / len2;
        const tv = ((v.x - p.x) * (q.x - p.x) + (v.y - p.y) * (q.y - p.y)) / len2;
        spans.push([Math.min(tu, tv), Math.max(tu, tv)]);
      }
  spans.sort((a, b) => a[0] - b[0]);
  let reach = 0;
  for (const [a, b] of spans) {
    if (a > reach + 1e-9) return false;
    reach = Math.max(reach, b);
    if (reach >= 1 - 1e-9) return true;
  }
  return reach >= 1 - 1e-9;
}

describe('mahalla vector tiles', () => {
  const tiles = [...buildTiles(grid, { minZoom: 6, maxZoom: 13 })];

  it('has every mahalla, with its id and attributes, at every zoom', () => {
    for (let z = 6; z <= 13; z++) {
      const seen = new Map<number, Record<string, unknown>>();
      for (const t of tiles.filter((x) => x.z === z))
        for (const f of decodeTile(t.data).features) seen.set(f.id, f.props);
      expect(
        [...seen.keys()].sort((a, b) => a - b),
        `zoom ${z}`,
      ).toEqual(grid.features.map((f) => f.properties.id));
      for (const f of grid.features)
        // The district only: the mahalla's code is the database's, not the map's (server/tiles/build.ts TileProps).
        expect(seen.get(f.properties.id)).toEqual({ district: f.properties.district });
    }
    // A zoom-13 grid of 0.12° cuts into several tiles; zoom 6 holds it in one.
    expect(tiles.filter((t) => t.z === 6)).toHaveLength(1);
    expect(tiles.filter((t) => t.z === 13).length).toBeGreaterThan(4);
  });

  it('simplifies with the zoom: fewer vertices at zoom 6 than at zoom 13 over the same mahallas', () => {
    const vertices = (z: number) =>
      tiles
        .filter((t) => t.z === z)
        .flatMap((t) => decodeTile(t.data).features)
        .reduce((s, f) => s + f.rings.reduce((r, ring) => r + ring.length, 0), 0);
    expect(vertices(6)).toBeLessThan(vertices(13) / 3);
  });

  it('leaves no gap between neighbours at any zoom: each inner border segment lies on the neighbour’s border', () => {
    let checked = 0;
    for (const t of tiles) {
      const { features } = decodeTile(t.data);
      const box = boxInTile(t);
      const m = bufferAt(t.z);
      const onClip = (a: P, b: P) =>
        (a.x === b.x && (a.x <= -m || a.x >= EXTENT + m)) || (a.y === b.y && (a.y <= -m || a.y >= EXTENT + m));
      const onOuter = (a: P, b: P) =>
        (a.x === b.x && (Math.abs(a.x - box.x0) <= 1 || Math.abs(a.x - box.x1) <= 1)) ||
        (a.y === b.y && (Math.abs(a.y - box.y0) <= 1 || Math.abs(a.y - box.y1) <= 1));
      for (const f of features) {
        const others = features.filter((g) => g !== f);
        for (const ring of f.rings)
          for (let k = 0; k + 1 < ring.length; k++) {
            const a = ring[k] as P;
            const b = ring[k + 1] as P;
            if ((a.x === b.x && a.y === b.y) || onClip(a, b) || onOuter(a, b)) continue;
            checked++;
            expect(
              covered(a, b, others),
              `zoom ${t.z} tile ${t.x}/${t.y} mahalla ${f.id} (${a.x},${a.y})→(${b.x},${b.y})`,
            ).toBe(true);
          }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('borders in the mahalla tiles', () => {
  const box = (x0: number, y0: number, x1: number, y1: number): Feature<Polygon> => ({
    type: 'Feature',
    properties: {},
    geometry: square(x0, y0, x1, y1),
  });
  const [x1, y1] = [X0 + COLS * STEP, Y0 + ROWS * STEP];
  const outlines = {
    regions: { type: 'FeatureCollection' as const, features: [box(X0, Y0, x1, y1)] },
    // The grid's two districts, and one more far east with no mahalla in it.
    districts: {
      type: 'FeatureCollection' as const,
      features: [box(X0, Y0, X0 + 2 * STEP, y1), box(X0 + 2 * STEP, Y0, x1, y1), box(71, 41, 71.1, 41.1)],
    },
  };
  const plain = [...buildTiles(grid, { minZoom: 6, maxZoom: 9 })];
  const tiles = [...buildTiles(grid, { minZoom: 6, maxZoom: 9 }, outlines)];

  it('carries the land and the region and district borders at every zoom, beside the same mahallas as without them', () => {
    for (let z = 6; z <= 9; z++) {
      const kinds = new Set(
        tiles.filter((t) => t.z === z).flatMap((t) => decodeTile(t.data, 'outlines').features.map((f) => f.props.kind)),
      );
      expect(kinds, `zoom ${z}`).toEqual(new Set(['land', 'region', 'district']));
    }
    for (const t of plain) {
      const same = tiles.find((u) => u.z === t.z && u.x === t.x && u.y === t.y);
      expect(same && decodeTile(same.data).features, `${t.z}/${t.x}/${t.y}`).toEqual(decodeTile(t.data).features);
    }
  });

  it('writes a tile where only a border runs (a district without mahallas)', () => {
    const extra = tiles.filter((t) => !plain.some((u) => u.z === t.z && u.x === t.x && u.y === t.y));
    expect(extra.length).toBeGreaterThanOrEqual(4);
    for (const t of extra) {
      expect(decodeTile(t.data).features).toEqual([]);
      expect(decodeTile(t.data, 'outlines').features.map((f) => f.props.kind)).toEqual(['district']);
    }
  });
});
