// Spatial weights as compressed sparse rows, the one shape every local statistic here reads, built from adjacency pairs.

/**
 * Sparse spatial weights: row i's neighbours are neighbours[offsets[i] .. offsets[i + 1]) with weights at the same
 * positions; offsets has n + 1 entries. A unit's own entry (its self weight) is stored like any other neighbour.
 */
export interface Weights {
  n: number;
  offsets: Uint32Array;
  neighbours: Uint32Array;
  weights: Float64Array;
}

/** Defaults for weightsFromPairs. */
const PAIR_DEFAULTS = {
  /** Weight of each unit on itself: 1 for Gi* (the unit is part of its own neighbourhood); 0 leaves it out. */
  selfWeight: 1,
};

/**
 * Symmetric binary contiguity weights from undirected neighbour pairs (a[k], b[k]), each pair listed once (as computeAdjacency
 * gives them, a < b, though order is not required). Every neighbour weighs 1; each unit also gets its own entry of
 * selfWeight unless that is 0. Rows are sorted by neighbour index. Throws on out-of-range, self or repeated pairs.
 * @example
 * // a chain 0 – 1 – 2
 * const w = weightsFromPairs(3, new Int32Array([0, 1]), new Int32Array([1, 2]));
 * Array.from(w.offsets); // [0, 2, 5, 7]
 * Array.from(w.neighbours); // [0, 1, 0, 1, 2, 1, 2]
 */
export function weightsFromPairs(n: number, a: Int32Array, b: Int32Array, opts: { selfWeight?: number } = {}): Weights {
  const selfWeight = opts.selfWeight ?? PAIR_DEFAULTS.selfWeight;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`unit count must be a non-negative integer, got ${n}`);
  if (a.length !== b.length) throw new RangeError(`pair arrays differ in length: ${a.length} vs ${b.length}`);
  if (!Number.isFinite(selfWeight)) throw new RangeError(`self weight must be finite, got ${selfWeight}`);
  const self = selfWeight !== 0 ? 1 : 0;

  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < a.length; k++) {
    const i = a[k]!,
      j = b[k]!;
    if (i < 0 || i >= n || j < 0 || j >= n) throw new RangeError(`pair ${k} (${i}, ${j}) is outside 0..${n - 1}`);
    if (i === j) throw new RangeError(`pair ${k} joins unit ${i} to itself; use selfWeight instead`);
    offsets[i + 1]! += 1;
    offsets[j + 1]! += 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + offsets[i + 1]! + self;

  const neighbours = new Uint32Array(offsets[n]!);
  const weights = new Float64Array(neighbours.length).fill(1);
  const fill = offsets.slice(0, n); // next free slot of each row
  if (self) {
    for (let i = 0; i < n; i++) {
      neighbours[fill[i]!] = i;
      weights[fill[i]!] = selfWeight;
      fill[i]! += 1;
    }
  }
  for (let k = 0; k < a.length; k++) {
    const i = a[k]!,
      j = b[k]!;
    neighbours[fill[i]!++] = j;
    neighbours[fill[j]!++] = i;
  }

  // Insertion sort per row (rows are short), carrying the weights along; equal neighbours mean a repeated pair.
  for (let i = 0; i < n; i++) {
    const s = offsets[i]!,
      e = offsets[i + 1]!;
    for (let r = s + 1; r < e; r++) {
      const nb = neighbours[r]!,
        wt = weights[r]!;
      let q = r - 1;
      while (q >= s && neighbours[q]! > nb) {
        neighbours[q + 1] = neighbours[q]!;
        weights[q + 1] = weights[q]!;
        q--;
      }
      neighbours[q + 1] = nb;
      weights[q + 1] = wt;
      if (q >= s && neighbours[q] === nb)
        throw new RangeError(`pair (${Math.min(i, nb)}, ${Math.max(i, nb)}) is listed twice`);
    }
  }
  return { n, offsets, neighbours, weights };
}
