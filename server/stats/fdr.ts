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

/** Whether this machine stores the low 32 bits of a double first (the radix sort reads the doubles' words). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The radix sort's digits: six of 11, 11 and 10 bits over the low word, then the high word. */
const DIGIT_SHIFT = [0, 11, 22, 0, 11, 22] as const;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/**
 * Indices of p in ascending order of value, NaN last, by a least-significant-digit radix sort of the doubles' bits
 * (for doubles without the sign bit set the bits order as the values do, +Infinity before NaN); null when some value
 * has its sign bit set (a negative number, −0, a negative NaN) or the words are stored in the other order. Six
 * passes of counting and scattering with no comparisons: a tenth of a comparator sort's time on 9,400 p-values.
 * @example radixOrder(new Float64Array([0.3, NaN, 0.1])); // Uint32Array [2, 0, 1]
 */
export function radixOrder(p: Float64Array): Uint32Array | null {
  if (!LITTLE_ENDIAN) return null;
  const m = p.length;
  const bits = new Uint32Array(p.buffer, p.byteOffset, 2 * m);
  // Every pass's histogram in one read of the keys (1 << 31 set = the sign bit).
  const counts = new Uint32Array(DIGIT_SHIFT.length * DIGITS);
  for (let i = 0; i < m; i++) {
    const lo = bits[2 * i]!,
      hi = bits[2 * i + 1]!;
    if (hi >>> 31 !== 0) return null;
    counts[lo & (DIGITS - 1)]!++;
    counts[DIGITS + ((lo >>> 11) & (DIGITS - 1))]!++;
    counts[2 * DIGITS + (lo >>> 22)]!++;
    counts[3 * DIGITS + (hi & (DIGITS - 1))]!++;
    counts[4 * DIGITS + ((hi >>> 11) & (DIGITS - 1))]!++;
    counts[5 * DIGITS + (hi >>> 22)]!++;
  }
  // The high word first (three passes), then the low word's order within runs of equal high words by insertion: a
  // slice's p-values seldom share a high word (the same 21 leading bits of mantissa), so this halves the passes. Runs
  // too long for insertion (values packed in a narrow range) take the low word's three passes instead.
  const byHigh = radixPasses(bits, m, counts.slice(), 3);
  return lowWithinHigh(byHigh, bits) ? byHigh : radixPasses(bits, m, counts, 0);
}

/**
 * The stable LSD passes of digits `from` … 5 over the order of the indices, counts holding each digit's histogram
 * (turned into running offsets here).
 */
function radixPasses(bits: Uint32Array, m: number, counts: Uint32Array, from: number): Uint32Array {
  let order = new Uint32Array(m),
    next = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  for (let d = from; d < DIGIT_SHIFT.length; d++) {
    const base = d * DIGITS,
      word = d < 3 ? 0 : 1,
      shift = DIGIT_SHIFT[d]!;
    const digit = (i: number): number => (bits[2 * i + word]! >>> shift) & (DIGITS - 1);
    // A digit all keys share changes no order: skipped (the high bits of p-values in one binade, say).
    if (m === 0 || counts[base + digit(0)] === m) continue;
    let at = 0;
    for (let b = 0; b < DIGITS; b++) {
      const c = counts[base + b]!;
      counts[base + b] = at;
      at += c;
    }
    for (let r = 0; r < m; r++) {
      const i = order[r]!;
      const slot = base + digit(i);
      next[counts[slot]!] = i;
      counts[slot]!++;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Orders each run of equal high words of `order` (sorted by high word, stably) by low word, stably, in place, by
 * insertion; false, leaving `order` spoilt, once the moves pass 4 per key (long runs: the caller sorts another way).
 */
function lowWithinHigh(order: Uint32Array, bits: Uint32Array): boolean {
  let moves = 0;
  const budget = 4 * order.length;
  for (let r = 1; r < order.length; r++) {
    const i = order[r]!;
    const hi = bits[2 * i + 1]!,
      lo = bits[2 * i]!;
    let at = r;
    while (at > 0) {
      const j = order[at - 1]!;
      if (bits[2 * j + 1] !== hi || bits[2 * j]! <= lo) break;
      order[at] = j;
      at--;
    }
    order[at] = i;
    moves += r - at;
    if (moves > budget) return false;
  }
  return true;
}

/**
 * BH-adjusted p-values (the "q-values" of R's p.adjust(method = "BH")): q(k) = min over j ≥ k of p(j)·m/j in ascending
 * rank order, capped at 1, so they are monotone in p. A test is rejected at level α exactly when q ≤ α. NaN stays NaN.
 * Equal p-values get the same q (the running minimum reaches each at its tie group's highest rank first), so any
 * ascending order gives the same q: a radix sort of the values' bits (radixOrder). On the 156 national weekly slices
 * of 9,392 units (CPU a slice, load ≈ 5 on 2 cores, December 2026): ≈ 0.7 ms, against ≈ 3.9 ms for the comparator sort
 * of indices (bhAdjustedByRank). The emerging hot spots sort only the candidates below their level (bhAdjustedBelow).
 * @example
 * bhAdjusted(new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2])); // [0.025, 0.05, 0.05, 0.025, 0.2]
 */
export function bhAdjusted(p: Float64Array): Float64Array {
  // −0 ties with 0 in rank but not in Math.min, so its q depends on the order of the tie: the ranked way.
  const order = radixOrder(p);
  if (!order) return bhAdjustedByRank(p);
  const m = p.length;
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
 * bhAdjusted(p) where it is below `alpha`, else 1 (NaN stays NaN): all a test at level alpha reads, with only the
 * p-values up to alpha sorted. A q is the minimum of p(j)·m/j over ranks j ≥ its own; every rank past the candidates
 * has p(j) > alpha and m/j ≥ 1, so only candidates can bring a q under alpha, and then the candidates' running minimum
 * is that q, the same double. Candidates reach 2⁻⁴⁰ above alpha so that no product rounded twice (p(j)·m, then / j)
 * can land under alpha from outside them. The national weekly slices hold ≈ 1,700 candidates (raw p ≤ 0.1) among
 * 9,392 units: ≈ 0.3 ms a slice against ≈ 0.7 ms for bhAdjusted (CPU, load ≈ 5).
 * @example
 * bhAdjustedBelow(new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2]), 0.05); // [0.025, 1, 1, 0.025, 1]
 */
export function bhAdjustedBelow(p: Float64Array, alpha: number): Float64Array {
  const m = p.length;
  const q = new Float64Array(m).fill(1);
  const reach = alpha * (1 + 2 ** -40);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const v = p[i]!;
    if (v <= reach) count++;
    else if (Number.isNaN(v)) q[i] = NaN;
  }
  const at = new Uint32Array(count),
    values = new Float64Array(count);
  for (let i = 0, c = 0; i < m; i++)
    if (p[i]! <= reach) {
      at[c] = i;
      values[c++] = p[i]!;
    }
  // Both orders are stable, so equal values keep the order of their indices, as bhAdjustedByRank's do (−0 and 0).
  const order = radixOrder(values) ?? ascendingOrder(values);
  let running = 1;
  for (let k = count; k >= 1; k--) {
    const c = order[k - 1]!;
    running = Math.min(running, (values[c]! * m) / k);
    if (running < alpha) q[at[c]!] = running;
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
