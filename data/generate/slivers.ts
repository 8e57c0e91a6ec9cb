// Folds slivers and stray parts of clipped cells into the neighbour they share the longest border with.
import type { PlanarPolygon } from './planar.ts';
import { edgeKey } from './rings.ts';

/** One connected part of a clipped cell, on the grid (integers relative to the district origin). */
export interface Piece {
  /** Index of the Voronoi cell it was cut from. */
  cell: number;
  /** Whether it is the largest part of its cell. */
  main: boolean;
  polygon: PlanarPolygon;
  /** km². */
  area: number;
  /** Area-weighted centroid on the grid. */
  cx: number;
  cy: number;
}

/** Thresholds in km² and the grid-to-km scale (x is longitude, so it carries cos(latitude)). */
export interface SliverRules {
  /** Any piece below this is merged. */
  minArea: number;
  /** A piece that is not the main part of its cell is merged below this. */
  extraArea: number;
  kmPerGridX: number;
  kmPerGridY: number;
}

/**
 * Groups pieces into output cells. Small pieces, smallest first, join the group with which they share the longest
 * border; a small group with no neighbour at all (an island) joins the group whose centroid is nearest.
 * Returns groups of piece indices, ordered by their first piece.
 * @example mergeSlivers(pieces, { minArea: 0.3, extraArea: 0.35, kmPerGridX: 8.4e-6, kmPerGridY: 1.1e-5 })
 */
export function mergeSlivers(pieces: readonly Piece[], rules: SliverRules): number[][] {
  const owner = new Map<string, number>();
  pieces.forEach((p, i) => forEachEdge(p.polygon, (ax, ay, bx, by) => owner.set(edgeKey(ax, ay, bx, by), i)));
  const borders = pieces.map((p, i) => {
    const nb = new Map<number, number>();
    forEachEdge(p.polygon, (ax, ay, bx, by) => {
      const j = owner.get(edgeKey(bx, by, ax, ay));
      if (j === undefined || j === i) return;
      const len = Math.hypot((bx - ax) * rules.kmPerGridX, (by - ay) * rules.kmPerGridY);
      nb.set(j, (nb.get(j) ?? 0) + len);
    });
    return nb;
  });

  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const members = pieces.map((_, i) => [i]);
  const area = pieces.map((p) => p.area);
  const limit = (i: number): number => (pieces[i]?.main ? rules.minArea : Math.max(rules.minArea, rules.extraArea));
  const join = (from: number, to: number): void => {
    parent[from] = to;
    members[to]?.push(...(members[from] ?? []));
    members[from] = [];
    area[to] = (area[to] ?? 0) + (area[from] ?? 0);
  };

  const order = pieces.map((_, i) => i).sort((a, b) => (pieces[a]?.area ?? 0) - (pieces[b]?.area ?? 0) || a - b);
  const isolated: number[] = [];
  for (const s of order) {
    if (find(s) !== s || (area[s] ?? 0) >= limit(s)) continue;
    const shared = new Map<number, number>();
    for (const m of members[s] ?? []) {
      for (const [q, len] of borders[m] ?? []) {
        const h = find(q);
        if (h !== s) shared.set(h, (shared.get(h) ?? 0) + len);
      }
    }
    let best = -1,
      bestLen = 0;
    for (const [h, len] of shared) {
      if (len > bestLen || (len === bestLen && h < best)) {
        best = h;
        bestLen = len;
      }
    }
    if (best >= 0) join(s, best);
    else isolated.push(s);
  }

  for (const s of isolated) {
    if (find(s) !== s || (area[s] ?? 0) >= limit(s)) continue;
    const [sx, sy] = centroidOf(members[s] ?? [], pieces);
    let best = -1,
      bestD = Infinity;
    for (let r = 0; r < pieces.length; r++) {
      if (r === s || find(r) !== r) continue;
      const [x, y] = centroidOf(members[r] ?? [], pieces);
      const dist = Math.hypot((x - sx) * rules.kmPerGridX, (y - sy) * rules.kmPerGridY);
      if (dist < bestD) {
        bestD = dist;
        best = r;
      }
    }
    if (best >= 0) join(s, best);
  }

  return pieces
    .map((_, i) => i)
    .filter((i) => find(i) === i)
    .map((r) => (members[r] ?? []).slice().sort((a, b) => a - b))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

function centroidOf(ids: readonly number[], pieces: readonly Piece[]): [number, number] {
  let a = 0,
    x = 0,
    y = 0;
  for (const i of ids) {
    const p = pieces[i];
    if (!p) continue;
    a += p.area;
    x += p.cx * p.area;
    y += p.cy * p.area;
  }
  return a > 0 ? [x / a, y / a] : [0, 0];
}

function forEachEdge(poly: PlanarPolygon, fn: (ax: number, ay: number, bx: number, by: number) => void): void {
  for (const r of poly) {
    for (let i = 0; i < r.length; i += 2) {
      fn(r[i] ?? 0, r[i + 1] ?? 0, r[(i + 2) % r.length] ?? 0, r[(i + 3) % r.length] ?? 0);
    }
  }
}
