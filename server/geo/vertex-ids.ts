// One id per distinct coordinate pair (exact bits), so that shared vertices and shared edges of a coverage can be
// recognised by integer keys instead of strings: an open-addressing hash over the coordinates' 32-bit halves.

/**
 * The id of each vertex of `coords` (interleaved x,y): equal ids exactly where both coordinates are bit-equal
 * (+0 and -0 apart), numbered 0, 1, 2, … in order of first appearance. Returns the ids and how many there are.
 *
 * @example
 * vertexIds(new Float64Array([0, 0, 1, 0, 0, 0])); // { ids: Int32Array [0, 1, 0], count: 2 }
 */
export function vertexIds(coords: Float64Array): { ids: Int32Array; count: number } {
  const n = coords.length >> 1;
  const words = new Uint32Array(coords.buffer, coords.byteOffset, coords.length * 2);
  let size = 16;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1); // slot → first vertex index with that key
  const firstId = new Int32Array(n); // first vertex index → its id
  const ids = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const w = 4 * v;
    let h = Math.imul(words[w]! ^ Math.imul(words[w + 1]!, 0x9e3779b1), 0x85ebca6b);
    h ^= Math.imul(words[w + 2]! ^ Math.imul(words[w + 3]!, 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const u = table[slot]!;
      if (u < 0) {
        table[slot] = v;
        firstId[v] = count;
        ids[v] = count++;
        break;
      }
      if (coords[2 * u] === coords[2 * v] && coords[2 * u + 1] === coords[2 * v + 1]) {
        ids[v] = firstId[u]!;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { ids, count };
}
