// Exact ring work on the 1e-7° grid: cleaning after rounding and dissolving cells that share bit-identical edges.
import { assemble } from './clip.ts';
import { ringArea, type PlanarPolygon, type Ring } from './planar.ts';

/** Key of a grid vertex (a string: two grid integers side by side exceed a double's 53 exact bits). */
export function vertexKey(x: number, y: number): string {
  return `${x},${y}`;
}

/** Key of the directed edge a → b. */
export function edgeKey(ax: number, ay: number, bx: number, by: number): string {
  return `${ax},${ay}>${bx},${by}`;
}

/** Vertex i of a flat ring (x0, y0, x1, y1, …) with its neighbours: [prevX, prevY, x, y, nextX, nextY]. */
export function corner(r: Ring, i: number): [number, number, number, number, number, number] {
  const n = r.length / 2;
  const p = (i + n - 1) % n;
  const q = (i + 1) % n;
  return [r[p * 2] ?? 0, r[p * 2 + 1] ?? 0, r[i * 2] ?? 0, r[i * 2 + 1] ?? 0, r[q * 2] ?? 0, r[q * 2 + 1] ?? 0];
}

/**
 * Removes consecutive duplicates and zero-area spikes (a → b → back along the same line) from a grid ring.
 * Grid integers relative to the origin keep every cross product exact, so "zero area" means exactly zero.
 * Returns null when fewer than three vertices or no area remain.
 * @example cleanRing([0, 0, 5, 0, 5, 0, 5, 5, 5, 9, 5, 5, 0, 5]) // [0, 0, 5, 0, 5, 5, 0, 5]
 */
export function cleanRing(ring: Ring): Ring | null {
  let r = ring.slice();
  for (let changed = true; changed && r.length >= 6;) {
    changed = false;
    const out: Ring = [];
    const n = r.length / 2;
    for (let i = 0; i < n; i++) {
      const [px, py, x, y, nx, ny] = corner(r, i);
      const dup = x === px && y === py;
      const cross = (x - px) * (ny - y) - (y - py) * (nx - x);
      const back = (x - px) * (nx - x) + (y - py) * (ny - y) < 0;
      if (dup || (cross === 0 && back)) {
        changed = true;
        // Copy the rest untouched; the next pass re-checks the neighbourhood of the removed vertex.
        for (let j = i + 1; j < n; j++) out.push(r[j * 2] ?? 0, r[j * 2 + 1] ?? 0);
        break;
      }
      out.push(x, y);
    }
    r = out;
  }
  return r.length >= 6 && ringArea(r) !== 0 ? r : null;
}

/**
 * Dissolves polygons whose shared boundaries carry identical grid vertices: edges met in both directions cancel,
 * the rest is traced into rings (at pinch vertices, the first outgoing edge clockwise from the way back).
 * @example dissolve([[[0, 0, 1, 0, 1, 1, 0, 1]], [[1, 0, 2, 0, 2, 1, 1, 1]]]) // [[[0, 0, 1, 0, 2, 0, 2, 1, 1, 1, 0, 1]]]
 */
export function dissolve(polygons: PlanarPolygon[]): PlanarPolygon[] {
  const edges = new Map<string, [number, number, number, number]>();
  for (const poly of polygons) {
    for (const r of poly) {
      for (let i = 0; i < r.length; i += 2) {
        const ax = r[i] ?? 0,
          ay = r[i + 1] ?? 0,
          bx = r[(i + 2) % r.length] ?? 0,
          by = r[(i + 3) % r.length] ?? 0;
        const back = edgeKey(bx, by, ax, ay);
        if (edges.has(back)) edges.delete(back);
        else edges.set(edgeKey(ax, ay, bx, by), [ax, ay, bx, by]);
      }
    }
  }
  const out = new Map<string, [number, number, number, number][]>();
  for (const e of edges.values()) {
    const k = vertexKey(e[0], e[1]);
    const list = out.get(k);
    if (list) list.push(e);
    else out.set(k, [e]);
  }
  const used = new Set<[number, number, number, number]>();
  const rings: Ring[] = [];
  for (const start of edges.values()) {
    if (used.has(start)) continue;
    const ring: Ring = [];
    let e = start;
    for (let guard = 0; guard <= edges.size; guard++) {
      used.add(e);
      ring.push(e[0], e[1]);
      const options = (out.get(vertexKey(e[2], e[3])) ?? []).filter((o) => o === start || !used.has(o));
      const back = Math.atan2(e[1] - e[3], e[0] - e[2]);
      let best: [number, number, number, number] | undefined;
      let bestTurn = Infinity;
      for (const o of options) {
        // Clockwise angle from the way back to this edge, in (0, 2π].
        let turn = back - Math.atan2(o[3] - o[1], o[2] - o[0]);
        while (turn <= 0) turn += 2 * Math.PI;
        if (turn < bestTurn) {
          bestTurn = turn;
          best = o;
        }
      }
      if (!best || best === start) break;
      e = best;
    }
    const clean = cleanRing(ring);
    if (clean) rings.push(clean);
  }
  return assemble(rings);
}
