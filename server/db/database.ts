// The one door to DuckDB: open once per file, run parameterised SQL, map rows to plain JSON-safe objects.
import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, existsSync } from 'node:fs';
import {
  DuckDBInstance,
  DuckDBTypeId,
  LIST,
  listValue,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBVector,
} from '@duckdb/node-api';

/**
 * The abort signal of the request being served (server/http/limits.ts runs each request inside it): a query started
 * for a request that times out or whose client goes away is interrupted instead of running on for seconds.
 */
export const querySignal = new AsyncLocalStorage<AbortSignal>();

/** Thrown for a query of an aborted request (the request's handler then answers nothing or 503). */
export class QueryAborted extends Error {
  constructor(readonly why: unknown) {
    super(`query aborted: ${String(why)}`);
  }
}

/** Runs `work` on connection `c`, interrupting the query when the current request's signal aborts. */
async function guarded<T>(c: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  const signal = querySignal.getStore();
  if (!signal) return work();
  if (signal.aborted) throw new QueryAborted(signal.reason);
  const interrupt = (): void => c.interrupt();
  signal.addEventListener('abort', interrupt, { once: true });
  try {
    return await work();
  } catch (err) {
    throw signal.aborted ? new QueryAborted(signal.reason) : err;
  } finally {
    signal.removeEventListener('abort', interrupt);
  }
}

/** A parameter as callers give it; arrays become DuckDB lists (cast them in SQL, e.g. `id IN (SELECT unnest($ids::INTEGER[]))`: an empty list arrives untyped). */
export type Param = string | number | boolean | null | readonly string[] | readonly number[];
export type Params = Record<string, Param>;
export type Row = Record<string, unknown>;

export interface Db {
  /** Rows as plain objects. BIGINT/HUGEINT must be cast in SQL (`count(*)::INTEGER`), else they arrive as strings. */
  all<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
  /** Columns as arrays keyed by name: far cheaper than row objects for thousands of rows. */
  columns<T extends object>(sql: string, params?: Params): Promise<{ [K in keyof T]: T[K][] }>;
  /**
   * INTEGER columns as Int32Arrays keyed by name, read straight from DuckDB's vectors: for millions of rows, where
   * `columns` would spend seconds making JSON numbers. Every column must be INTEGER (cast in SQL); NULL reads as 0.
   */
  ints<K extends string>(sql: string, params?: Params): Promise<Record<K, Int32Array>>;
  /**
   * DOUBLE and INTEGER columns as Float64Arrays (NULL as NaN) and Int32Arrays (NULL as 0), with the row count: for
   * answers of thousands of rows (a national hexagon count is ≈ 74,000), no JSON value made per row.
   */
  typed(sql: string, params?: Params): Promise<TypedColumns>;
  /** Executes a statement (or several separated by `;` when no params are given). */
  run(sql: string, params?: Params): Promise<void>;
  /** Runs `work` on one connection between BEGIN and COMMIT (ROLLBACK if it throws): writes that land together or not at all. */
  transaction<T>(work: (tx: Pick<Db, 'all' | 'run'>) => Promise<T>): Promise<T>;
  /** For bulk loaders (appenders); request handlers never need it. */
  connect(): Promise<DuckDBConnection>;
  close(): void;
  readonly path: string;
}

/** Columns by name as Db.typed and the streamed batches (server/db/typed-columns.ts) give them. */
export interface TypedColumns {
  doubles: Record<string, Float64Array>;
  ints: Record<string, Int32Array>;
  length: number;
}

/**
 * Copies `rows` values of vector `v` into `into` at `at` (`empty` for NULL): in one go from the typed array the library
 * keeps as a private field when there are no NULLs (≈ 1 ns a value instead of ≈ 40 ns through getItem).
 */
export function copyVector(
  v: DuckDBVector,
  into: Float64Array | Int32Array,
  at: number,
  rows: number,
  empty: number,
): void {
  const raw = v as unknown as { items?: Float64Array | Int32Array; validity?: { data: unknown } };
  if (raw.items && raw.validity?.data === null && raw.items.constructor === into.constructor)
    into.set(raw.items.subarray(0, rows), at);
  else for (let i = 0; i < rows; i++) into[at + i] = (v.getItem(i) as number | null) ?? empty;
}

/**
 * Copies every chunk of `result` into `arrays` (one per column; NULL as NaN in a Float64Array, 0 in an Int32Array) for
 * Db.ints and Db.typed. `rowCount` is read once per chunk, as each read is a call into the native binding. Every 16
 * chunks (≈ 33 k rows) other requests get a turn: a national copy of 1.4 M rows is ≈ 170 ms in one piece, and a health
 * check should not wait even a tenth of that.
 */
async function copyChunks(result: DuckDBMaterializedResult, arrays: (Float64Array | Int32Array)[]): Promise<void> {
  for (let k = 0, at = 0; k < result.chunkCount; k++) {
    if (k > 0 && k % 16 === 0) await new Promise((r) => setImmediate(r));
    const chunk = result.getChunk(k);
    const rows = chunk.rowCount;
    arrays.forEach((into, j) =>
      copyVector(chunk.getColumnVector(j), into, at, rows, into instanceof Float64Array ? Number.NaN : 0),
    );
    at += rows;
  }
}

/** An empty list has no item type DuckDB could infer: it is bound as an empty VARCHAR list, which SQL casts as needed. */
const EMPTY_LIST = LIST(VARCHAR);

/** Parameters as DuckDB values, with the types DuckDB cannot infer (empty lists). */
export function bindings(
  params: Params | undefined,
): [Record<string, DuckDBValue> | undefined, Record<string, DuckDBType> | undefined] {
  if (!params) return [undefined, undefined];
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [key, value] of Object.entries(params)) {
    values[key] = Array.isArray(value)
      ? listValue([...(value as readonly (string | number)[])])
      : (value as DuckDBValue);
    if (Array.isArray(value) && value.length === 0) types[key] = EMPTY_LIST;
  }
  return [values, Object.keys(types).length > 0 ? types : undefined];
}

/**
 * Opens (or creates) a database. `:memory:` gives a private in-memory database (tests).
 * One instance per file per process (DuckDB refuses a second writer and serves stale reads to a second instance).
 * @example const db = await openDb(':memory:'); await db.all('SELECT 42::INTEGER AS x') // [{ x: 42 }]
 */
export async function openDb(path: string, opts: { readOnly?: boolean; threads?: number } = {}): Promise<Db> {
  const options: Record<string, string> = {};
  if (opts.readOnly) options.access_mode = 'READ_ONLY';
  if (opts.threads) options.threads = String(opts.threads);
  const instance =
    path === ':memory:'
      ? await DuckDBInstance.create(':memory:', options)
      : await DuckDBInstance.fromCache(path, options);
  // Officers' names and exact incident locations: readable by the service's user only.
  if (path !== ':memory:' && !opts.readOnly)
    for (const f of [path, `${path}.wal`]) if (existsSync(f)) chmodSync(f, 0o600);
  // A small pool of connections: DuckDB runs queries on different connections in parallel.
  const pool: DuckDBConnection[] = [];
  const take = async (): Promise<DuckDBConnection> => pool.pop() ?? (await instance.connect());
  const give = (c: DuckDBConnection): void => {
    if (pool.length < 8) pool.push(c);
    else c.closeSync();
  };
  return {
    path,
    async all<T extends object>(sql: string, params?: Params): Promise<T[]> {
      const c = await take();
      try {
        const reader = await guarded(c, () => c.runAndReadAll(sql, ...bindings(params)));
        return reader.getRowObjectsJson() as T[];
      } finally {
        give(c);
      }
    },
    async columns<T extends object>(sql: string, params?: Params): Promise<{ [K in keyof T]: T[K][] }> {
      const c = await take();
      try {
        const reader = await guarded(c, () => c.runAndReadAll(sql, ...bindings(params)));
        return reader.getColumnsObjectJson() as { [K in keyof T]: T[K][] };
      } finally {
        give(c);
      }
    },
    async ints<K extends string>(sql: string, params?: Params): Promise<Record<K, Int32Array>> {
      const c = await take();
      try {
        const result = await guarded(c, () => c.run(sql, ...bindings(params)));
        const names = result.columnNames();
        const types = result.columnTypes();
        const out = names.map((name, j) => {
          if (types[j]?.typeId !== DuckDBTypeId.INTEGER) throw new TypeError(`ints(): column ${name} is not INTEGER`);
          return new Int32Array(result.rowCount);
        });
        await copyChunks(result, out);
        return Object.fromEntries(names.map((name, j) => [name, out[j]])) as Record<K, Int32Array>;
      } finally {
        give(c);
      }
    },
    async typed(sql: string, params?: Params): Promise<TypedColumns> {
      const c = await take();
      try {
        const result = await guarded(c, () => c.run(sql, ...bindings(params)));
        const out: TypedColumns = { doubles: {}, ints: {}, length: result.rowCount };
        const types = result.columnTypes();
        const arrays = result.columnNames().map((name, j) => {
          const id = types[j]?.typeId;
          if (id === DuckDBTypeId.DOUBLE) return (out.doubles[name] = new Float64Array(out.length));
          if (id === DuckDBTypeId.INTEGER) return (out.ints[name] = new Int32Array(out.length));
          throw new TypeError(`typed(): column ${name} is neither DOUBLE nor INTEGER`);
        });
        await copyChunks(result, arrays);
        return out;
      } finally {
        give(c);
      }
    },
    async run(sql: string, params?: Params): Promise<void> {
      const c = await take();
      try {
        await c.run(sql, ...bindings(params));
      } finally {
        give(c);
      }
    },
    async transaction<T>(work: (tx: Pick<Db, 'all' | 'run'>) => Promise<T>): Promise<T> {
      const c = await take();
      const tx = {
        all: async <R extends object>(sql: string, params?: Params): Promise<R[]> =>
          (await c.runAndReadAll(sql, ...bindings(params))).getRowObjectsJson() as R[],
        run: async (sql: string, params?: Params): Promise<void> => void (await c.run(sql, ...bindings(params))),
      };
      try {
        await c.run('BEGIN TRANSACTION');
        const result = await work(tx);
        await c.run('COMMIT');
        return result;
      } catch (err) {
        await c.run('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        give(c);
      }
    },
    connect: () => instance.connect(),
    close() {
      for (const c of pool.splice(0)) c.closeSync();
      instance.closeSync();
    },
  };
}
