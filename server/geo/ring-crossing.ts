// Where a ring crosses itself, found with a sweep over its segments' x ranges instead of testing every pair: the same
// answer, point for point, as turf's kinks() (the first crossing in segment order, by the same formula).

/** Tolerance added to segment boxes so that rounding in the crossing formula cannot hide a touching pair. */
const PAD = 1e-12;

/**
 * turf's lineIntersects: the point where segments (x1,y1)–(x2,y2) and (x3,y3)–(x4,y4) meet, ends included, or null
 * when they miss or are parallel (collinear overlaps included, as in turf).
 */
function meet(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): [number, number] | null {
  const den = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
  if (den === 0) return null;
  const a0 = y1 - y3;
  const b0 = x1 - x3;
  const a = ((x4 - x3) * a0 - (y4 - y3) * b0) / den;
  const b = ((x2 - x1) * a0 - (y2 - y1) * b0) / den;
  return a >= 0 && a <= 1 && b >= 0 && b <= 1 ? [x1 + a * (x2 - x1), y1 + a * (y2 - y1)] : null;
}

/**
 * The first point where a closed ring crosses or touches itself, as turf's kinks() would report it for that ring
 * (segments i < k, neighbours and the first–last pair excepted; the lowest i, then the lowest k), or null.
 * `coords` holds x,y pairs of `n` vertices from vertex `start`, the closing vertex repeated (n ≥ 2).
 * Segments are swept by their smallest x, so a ring of n segments costs about n log n, not n².
 *
 * @example
 * // A bow tie: (0,0) → (1,1) → (1,0) → (0,1) → (0,0) crosses at its centre.
 * ringCrossing(new Float64Array([0, 0, 1, 1, 1, 0, 0, 1, 0, 0]), 0, 5); // [0.5, 0.5]
 * ringCrossing(new Float64Array([0, 0, 1, 0, 1, 1, 0, 1, 0, 0]), 0, 5); // null
 */
export function ringCrossing(coords: ArrayLike<number>, start: number, n: number): [number, number] | null {
  const segs = n - 1;
  if (segs < 3) return null;
  const c = (v: number, k: 0 | 1): number => coords[2 * (start + v) + k]!;
  const closed = c(0, 0) === c(segs, 0) && c(0, 1) === c(segs, 1);
  const minX = new Float64Array(segs);
  const maxX = new Float64Array(segs);
  const order = new Uint32Array(segs);
  for (let s = 0; s < segs; s++) {
    const a = c(s, 0);
    const b = c(s + 1, 0);
    minX[s] = Math.min(a, b) - PAD;
    maxX[s] = Math.max(a, b) + PAD;
    order[s] = s;
  }
  order.sort((p, q) => minX[p]! - minX[q]!);
  let bestI = segs;
  let bestK = segs;
  let best: [number, number] | null = null;
  const active: number[] = [];
  for (const s of order) {
    let w = 0;
    for (const t of active) {
      if (maxX[t]! < minX[s]!) continue; // ends before s begins: leaves the sweep
      active[w++] = t;
      const i = Math.min(s, t);
      const k = Math.max(s, t);
      if (k - i === 1 || (closed && i === 0 && k === segs - 1)) continue;
      if (i > bestI || (i === bestI && k > bestK)) continue;
      const y0 = Math.min(c(i, 1), c(i + 1, 1)) - PAD;
      const y1 = Math.max(c(i, 1), c(i + 1, 1)) + PAD;
      if (Math.max(c(k, 1), c(k + 1, 1)) < y0 || Math.min(c(k, 1), c(k + 1, 1)) > y1) continue;
      const p = meet(c(i, 0), c(i, 1), c(i + 1, 0), c(i + 1, 1), c(k, 0), c(k, 1), c(k + 1, 0), c(k + 1, 1));
      if (p) [bestI, bestK, best] = [i, k, p];
    }
    active.length = w;
    active.push(s);
  }
  return best;
}
