// Packed columns: one binary answer holding a small JSON header and aligned typed arrays, read in the browser as views
// of the received buffer (no parsing, no copies). Layout, little-endian: u32 header length, the header (UTF-8 JSON:
// `meta` and each column's name, type and length), zero padding to 8 bytes, then each column padded to 8 bytes.
// Isomorphic: the server packs, the web unpacks.

const TYPES = {
  Float64: Float64Array,
  Float32: Float32Array,
  Uint32: Uint32Array,
  Int32: Int32Array,
  Uint8: Uint8Array,
  Int8: Int8Array,
} as const;
export type ColumnType = keyof typeof TYPES;
export type Column = InstanceType<(typeof TYPES)[ColumnType]>;

interface Header<M> {
  meta: M;
  columns: Array<{ name: string; type: ColumnType; length: number }>;
}

const typeOf = (a: Column): ColumnType => {
  for (const [name, T] of Object.entries(TYPES)) if (a instanceof T) return name as ColumnType;
  throw new TypeError('not a packable typed array');
};
const pad8 = (n: number): number => (n + 7) & ~7;

/** The MIME type of packed answers. */
export const PACKED_TYPE = 'application/vnd.hamkor.columns';

/**
 * One buffer of `meta` (JSON) and the columns, each aligned to 8 bytes.
 * @example unpack(pack({ n: 2 }, { x: new Float32Array([1, 2]) }).buffer).columns.x // Float32Array [1, 2]
 */
export function pack<M>(meta: M, columns: Record<string, Column>): Uint8Array<ArrayBuffer> {
  const entries = Object.entries(columns);
  const header: Header<M> = {
    meta,
    columns: entries.map(([name, a]) => ({ name, type: typeOf(a), length: a.length })),
  };
  const text = new TextEncoder().encode(JSON.stringify(header));
  let size = pad8(4 + text.byteLength);
  for (const [, a] of entries) size += pad8(a.byteLength);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, text.byteLength, true);
  out.set(text, 4);
  let at = pad8(4 + text.byteLength);
  for (const [, a] of entries) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  return out;
}

/**
 * The header's `meta` and the columns of a packed buffer, as views into it. Throws on a buffer that is not one.
 * @example const { meta, columns } = unpack<{ n: number }>(await res.arrayBuffer());
 */
export function unpack<M>(buf: ArrayBuffer): { meta: M; columns: Record<string, Column> } {
  const view = new DataView(buf);
  const length = view.getUint32(0, true);
  if (4 + length > buf.byteLength) throw new RangeError('packed answer: header longer than the answer');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, length))) as Header<M>;
  const columns: Record<string, Column> = {};
  let at = pad8(4 + length);
  for (const c of header.columns) {
    const T = TYPES[c.type];
    if (at + c.length * T.BYTES_PER_ELEMENT > buf.byteLength)
      throw new RangeError(`packed answer: column ${c.name} runs past the end`);
    columns[c.name] = new T(buf, at, c.length);
    at += pad8(c.length * T.BYTES_PER_ELEMENT);
  }
  return { meta: header.meta, columns };
}
