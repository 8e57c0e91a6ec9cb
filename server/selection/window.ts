// The time predicate of every query: an inclusive day range becomes `column >= from AND column < day after to`. This is
// the one place where the inclusive end turns exclusive, so a record at 23:59:59 on the last day is always in and one
// at 00:00:00 on the next day always out, whichever table or column is read.
import type { Params } from '../db/database.ts';
import { nextDay, type Period } from '../shared/period.ts';

export interface SqlPart {
  sql: string;
  params: Params;
}

/**
 * `col >= $from AND col < $end` for a TIMESTAMP column (or DATE with `type: 'DATE'`); `name` prefixes the parameters
 * so two windows can sit in one query.
 * @example timeWindow({ from: '2024-03-01', to: '2024-03-31' }) // { sql: 'ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP', params: { from: '2024-03-01', end: '2024-04-01' } }
 */
export function timeWindow(
  p: Period,
  opts: { col?: string; name?: string; type?: 'TIMESTAMP' | 'DATE' } = {},
): SqlPart {
  const { col = 'ts', name = '', type = 'TIMESTAMP' } = opts;
  const from = `${name}from`;
  const end = `${name}end`;
  return {
    sql: `${col} >= $${from}::${type} AND ${col} < $${end}::${type}`,
    params: { [from]: p.from, [end]: nextDay(p.to) },
  };
}

/** Parts joined with AND (TRUE when none), their parameters merged. */
export function and(...parts: SqlPart[]): SqlPart {
  const kept = parts.filter((p) => p.sql !== 'TRUE');
  return {
    sql: kept.length > 0 ? kept.map((p) => p.sql).join(' AND ') : 'TRUE',
    params: Object.assign({}, ...parts.map((p) => p.params)) as Params,
  };
}
