// Clips convex Voronoi cells to a district so that two neighbouring cells compute bit-identical crossing points.
import { pointInDistrict, pointInRing, ringArea, type DistrictIndex, type PlanarPolygon, type Ring } from './planar.ts';

/** Where a district segment meets the cell: entry/exit points with their cell edge, or nothing. */
interface SegEvent {
  /** Both endpoints strictly inside the cell. */
  inner: boolean;
  entry?: { x: number; y: number; edge: number };
  exit?: { x: number; y: number; edge: number };
}

/**
 * Intersection of a convex counter-clockwise cell (flat ring, planar) with the district, as polygons.
 * Side tests use each cell edge in a canonical (lexicographic) direction, so the neighbour that owns the same
 * edge reversed gets exactly the negated value, the same crossing parameter and the same crossing point.
 * A point exactly on an edge counts as outside both cells; the crossing point then still agrees.
 * @example clipCell(indexDistrict([[[0, 0, 2, 0, 2, 2, 0, 2]]]), [1, 1, 3, 1, 3, 3, 1, 3]) // [[[2, 1, 2, 2, 1, 2, 1, 1]]]
 */
export function clipCell(d: DistrictIndex, cell: Ring): PlanarPolygon[] {
  const m = cell.length / 2;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < cell.length; i += 2) {
    const x = cell[i] ?? 0,
      y = cell[i + 1] ?? 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const cand = d.index.search(x0, y0, x1, y1).sort((a, b) => a - b);
  if (cand.length === 0) return pointInDistrict(d, cell[0] ?? 0, cell[1] ?? 0) ? [[cell]] : [];

  // Canonical edge lines: start point, direction and the sign that maps back to this cell's orientation.
  const ex = new Float64Array(m),
    ey = new Float64Array(m),
    edx = new Float64Array(m),
    edy = new Float64Array(m);
  const esg = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const ax = cell[2 * i] ?? 0,
      ay = cell[2 * i + 1] ?? 0;
    const bx = cell[(2 * i + 2) % cell.length] ?? 0,
      by = cell[(2 * i + 3) % cell.length] ?? 0;
    const fwd = ax < bx || (ax === bx && ay < by);
    ex[i] = fwd ? ax : bx;
    ey[i] = fwd ? ay : by;
    edx[i] = fwd ? bx - ax : ax - bx;
    edy[i] = fwd ? by - ay : ay - by;
    esg[i] = fwd ? 1 : -1;
  }
  const side = (i: number, px: number, py: number): number =>
    (esg[i] ?? 0) * ((edx[i] ?? 0) * (py - (ey[i] ?? 0)) - (edy[i] ?? 0) * (px - (ex[i] ?? 0)));

  const memo = new Map<number, SegEvent | null>();
  const evaluate = (k: number): SegEvent | null => {
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const j = d.next[k] ?? 0;
    const px = d.xs[k] ?? 0,
      py = d.ys[k] ?? 0,
      qx = d.xs[j] ?? 0,
      qy = d.ys[j] ?? 0;
    let tIn = 0,
      tOut = 1,
      eIn = -1,
      eOut = -1,
      pIn = true,
      qIn = true,
      out = false;
    for (let i = 0; i < m && !out; i++) {
      const op = side(i, px, py),
        oq = side(i, qx, qy);
      const pi = op > 0,
        qi = oq > 0;
      if (!pi) pIn = false;
      if (!qi) qIn = false;
      if (!pi && !qi) out = true;
      else if (pi && !qi) {
        const t = op / (op - oq);
        if (t < tOut) {
          tOut = t;
          eOut = i;
        }
      } else if (!pi && qi) {
        const t = op / (op - oq);
        if (t > tIn) {
          tIn = t;
          eIn = i;
        }
      }
    }
    let ev: SegEvent | null = null;
    const at = (t: number, edge: number) => ({ x: px + t * (qx - px), y: py + t * (qy - py), edge });
    if (out) ev = null;
    else if (pIn && qIn) ev = { inner: true };
    else if (pIn) ev = { inner: false, exit: at(tOut, eOut) };
    else if (qIn) ev = { inner: false, entry: at(tIn, eIn) };
    else if (eIn >= 0 && eOut >= 0 && tIn < tOut) ev = { inner: false, entry: at(tIn, eIn), exit: at(tOut, eOut) };
    memo.set(k, ev);
    return ev;
  };

  // Position along the cell boundary: edge index plus the fraction along it.
  // A crossing credited to one of two collinear edges moves to the edge whose span holds it.
  const pos = (p: { x: number; y: number; edge: number }): number => {
    let i = p.edge,
      u = 0,
      dir = 0;
    for (let step = 0; step < m; step++) {
      const ax = cell[2 * i] ?? 0,
        ay = cell[2 * i + 1] ?? 0;
      const dx = (cell[(2 * i + 2) % cell.length] ?? 0) - ax,
        dy = (cell[(2 * i + 3) % cell.length] ?? 0) - ay;
      u = ((p.x - ax) * dx + (p.y - ay) * dy) / (dx * dx + dy * dy);
      const move = u < -1e-9 ? -1 : u > 1 + 1e-9 ? 1 : 0;
      if (move === 0 || move === -dir) break;
      dir = move;
      i = (i + move + m) % m;
    }
    return i + Math.min(Math.max(u, 0), 1 - 1e-12);
  };

  const chains: { pts: Ring; entry: number; exit: number }[] = [];
  const ringHasEvent = new Set<number>();
  for (const k of cand) {
    const ev = evaluate(k);
    if (ev && !ev.inner) ringHasEvent.add(d.ring[k] ?? 0);
    if (!ev?.entry) continue;
    const pts: Ring = [ev.entry.x, ev.entry.y];
    let cur = k,
      e: SegEvent | null = ev;
    for (let guard = 0; !e?.exit && guard < d.xs.length; guard++) {
      cur = d.next[cur] ?? 0;
      pts.push(d.xs[cur] ?? 0, d.ys[cur] ?? 0);
      e = evaluate(cur);
    }
    if (!e?.exit) continue; // only on inconsistent input; drop the chain rather than loop
    pts.push(e.exit.x, e.exit.y);
    chains.push({ pts, entry: pos(ev.entry), exit: pos(e.exit) });
  }

  const rings: Ring[] = [];
  const order = chains.map((_, i) => i).sort((a, b) => (chains[a]?.entry ?? 0) - (chains[b]?.entry ?? 0));
  const used = new Uint8Array(chains.length);
  for (let s = 0; s < chains.length; s++) {
    if (used[s]) continue;
    const out: Ring = [];
    for (let c = s, guard = 0; guard <= chains.length; guard++) {
      const ch = chains[c];
      if (!ch || used[c]) break;
      used[c] = 1;
      out.push(...ch.pts);
      // Next entry at or after this exit, counter-clockwise along the cell; cell corners in between join them.
      const nextIdx = order.find((i) => (chains[i]?.entry ?? 0) >= ch.exit) ?? order[0] ?? s;
      const e = chains[nextIdx]?.entry ?? 0;
      const from = Math.floor(ch.exit) + 1;
      const steps = e >= ch.exit ? Math.floor(e) - from + 1 : m - from + Math.floor(e) + 1;
      for (let t = 0; t < steps; t++) {
        const v = (from + t) % m;
        out.push(cell[2 * v] ?? 0, cell[2 * v + 1] ?? 0);
      }
      if (nextIdx === s) break;
      c = nextIdx;
    }
    if (out.length >= 6) rings.push(out);
  }
  if (chains.length === 0 && pointInDistrict(d, cell[0] ?? 0, cell[1] ?? 0)) rings.push(cell);

  // District rings that never cross the cell boundary but lie inside it (holes, small islands).
  const seen = new Set<number>();
  for (const k of cand) {
    const r = d.ring[k] ?? 0;
    if (seen.has(r) || ringHasEvent.has(r)) continue;
    seen.add(r);
    if (evaluate(k)?.inner !== true) continue;
    const ring: Ring = [];
    let v = k;
    do {
      ring.push(d.xs[v] ?? 0, d.ys[v] ?? 0);
      v = d.next[v] ?? 0;
    } while (v !== k);
    rings.push(ring);
  }
  return assemble(rings);
}

/** Groups rings into polygons: counter-clockwise rings are exteriors, each hole joins the smallest exterior holding it. */
export function assemble(rings: Ring[]): PlanarPolygon[] {
  const ext = rings
    .map((r) => ({ r, a: ringArea(r) }))
    .filter((e) => e.a > 0)
    .sort((p, q) => q.a - p.a);
  const polys: PlanarPolygon[] = ext.map((e) => [e.r]);
  for (const r of rings) {
    if (ringArea(r) >= 0) continue;
    for (let i = ext.length - 1; i >= 0; i--) {
      if (pointInRing(ext[i]?.r ?? [], r[0] ?? 0, r[1] ?? 0)) {
        polys[i]?.push(r);
        break;
      }
    }
  }
  return polys;
}
