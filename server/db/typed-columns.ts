// Streams a query's numeric columns into typed arrays, a batch of rows at a time, copied straight from DuckDB's vectors:
// for tens of millions of rows, where row objects or JSON columns would take seconds and gigabytes.
import { DuckDBDoubleVector, DuckDBIntegerVector, type DuckDBConnection } from '@duckdb/node-api';
import { bindings, copyVector, type Params, type TypedColumns } from './database.ts';

/** One batch: each column by name (DOUBLE → Float64Array, NULL as NaN; INTEGER → Int32Array, NULL as 0), `length` rows. */
export type TypedBatch = TypedColumns;

/** The rows the batches hold by default (2^20: the spatial join's batch size, ≈ 8 MB a DOUBLE column). */
export const TYPED_BATCH = 1 << 20;
/** A batch holds at least one of DuckDB's chunks (2,048 rows). */
const MIN_BATCH = 2048;

/**
 * Runs `sql` on `con` and hands its rows to `onBatch` in batches of up to `batch` rows (at least 2,048; the arrays are reused: copy
 * what must outlive the call). Every column must be DOUBLE or INTEGER (cast in SQL). Returns the row count.
 *
 * @example
 * await streamTyped(con, 'SELECT lon, lat, mahalla_id::INTEGER AS m FROM incidents', undefined, (b) => {
 *   index.locateMany(b.doubles.lon!.subarray(0, b.length), b.doubles.lat!.subarray(0, b.length));
 * });
 */
export async function streamTyped(
  con: DuckDBConnection,
  sql: string,
  params: Params | undefined,
  onBatch: (b: TypedBatch) => void | Promise<void>,
  batch = TYPED_BATCH,
): Promise<number> {
  const result = await con.stream(sql, ...bindings(params));
  const names = result.columnNames();
  const size = Math.max(batch, MIN_BATCH);
  let arrays: Array<Float64Array | Int32Array> | null = null;
  let filled = 0;
  let total = 0;
  const b: TypedBatch = { doubles: {}, ints: {}, length: 0 };
  const flush = async (): Promise<void> => {
    if (filled === 0) return;
    b.length = filled;
    await onBatch(b);
    total += filled;
    filled = 0;
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    if (!arrays) {
      arrays = names.map((name, j) => {
        const v = chunk.getColumnVector(j);
        if (v instanceof DuckDBDoubleVector) return (b.doubles[name] = new Float64Array(size));
        if (v instanceof DuckDBIntegerVector) return (b.ints[name] = new Int32Array(size));
        throw new TypeError(`streamTyped(): column ${name} is neither DOUBLE nor INTEGER`);
      });
    }
    if (filled + rows > size) await flush();
    for (let j = 0; j < names.length; j++) {
      const into = arrays[j]!;
      copyVector(chunk.getColumnVector(j), into, filled, rows, into instanceof Float64Array ? NaN : 0);
    }
    filled += rows;
  }
  await flush();
  return total;
}
