// Colour slots for territories so that no two neighbouring territories share a colour on the map.

/**
 * Greedy colouring in smallest-last order (Matula & Beck): uses at most degeneracy + 1 colours, which is ≤ 6 for a
 * planar map of territories. Nodes are 0..n-1; `a[k]`–`b[k]` is an edge (duplicates and self-loops are ignored).
 *
 * @example
 * colourGraph(3, [0, 1], [1, 2]); // Uint8Array [0, 1, 0]: a path needs two colours
 */
export function colourGraph(n: number, a: ArrayLike<number>, b: ArrayLike<number>): Uint8Array {
  const nbrs = Array.from({ length: n }, () => new Set<number>());
  for (let k = 0; k < a.length; k++) {
    const u = a[k]!,
      v = b[k]!;
    if (u === v || u < 0 || v < 0 || u >= n || v >= n) continue;
    nbrs[u]!.add(v);
    nbrs[v]!.add(u);
  }
  // Smallest-last order: repeatedly remove a node of minimum remaining degree; colour in reverse removal order.
  const degree = nbrs.map((s) => s.size);
  const removed = new Uint8Array(n);
  const order: number[] = [];
  for (let step = 0; step < n; step++) {
    let best = -1;
    for (let v = 0; v < n; v++) if (!removed[v] && (best < 0 || degree[v]! < degree[best]!)) best = v;
    removed[best] = 1;
    order.push(best);
    for (const w of nbrs[best]!) degree[w]!--;
  }
  const colour = new Uint8Array(n).fill(255);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    const taken = new Set<number>();
    for (const w of nbrs[v]!) if (colour[w] !== 255) taken.add(colour[w]!);
    let c = 0;
    while (taken.has(c)) c++;
    colour[v] = c;
  }
  return colour;
}
