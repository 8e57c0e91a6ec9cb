// What the DuckDB store's table modules share: the query door of one connection or transaction, and timestamps.
import type { Db } from '../../db/database.ts';

/** The queries a table module runs: on the pool outside a write, on the write's own connection inside one. */
export type Q = Pick<Db, 'all' | 'run'>;

/** Now, as the UTC timestamp text DuckDB stores (no zone: every store time is UTC). */
export const nowUtc = (): string => new Date().toISOString().slice(0, 23).replace('T', ' ');

/** SQL that reads a UTC TIMESTAMP column as an ISO string with Z. */
export const iso = (col: string): string => `strftime(${col}, '%Y-%m-%dT%H:%M:%SZ')`;

/** The version columns every editable table has, read as a `Versioned`. */
export const VERSION_COLS = `version, ${iso('updated_at')} AS "updatedAt", updated_by AS "updatedBy"`;
