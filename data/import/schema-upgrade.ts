// Upgrades an analytics database of schema 4, 5 or 6 to 7 in place, losing no row (7 adds the weekly counts): 5 let incidents and applications lack
// a point (lon, lat and h3 NULL) when an export gave only the mahalla code (only constraints are dropped); 6 writes the
// letter signs of stored names as Uzbek Latin does (ʻ U+02BB after o/g, ʼ U+02BC after other letters), the rule of
// server/shared/uz-names.ts in SQL, touching nothing but those characters. Idempotent, and run inside the caller's
// transaction (an import's, or the start script's for a database of imported mahallas, which is never rebuilt
// silently).
import { OKINA, OKINA_PATTERN, TUTUQ, TUTUQ_PATTERN } from '../../server/shared/uz-names.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';
import { UPGRADE_WEEKS_SQL } from '../../server/db/aggregates.ts';

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The SQL expression of normalizeUzName over a text column (RE2 reads the same patterns as JavaScript here).
 * @example sqlUzName('name') // "regexp_replace(regexp_replace(name, '([oOgG])[''‘’ʻʼ`´]', '\\1ʻ', 'g'), …)"
 */
export const sqlUzName = (col: string): string =>
  `regexp_replace(regexp_replace(${col}, ${literal(OKINA_PATTERN)}, ${literal(`\\1${OKINA}`)}, 'g'), ${literal(TUTUQ_PATTERN)}, ${literal(`\\1${TUTUQ}`)}, 'g')`;

/** Every stored name: table and column. */
export const NAME_COLUMNS = [
  ['regions', 'name_uz'],
  ['districts', 'name_uz'],
  ['mahallas', 'name'],
  ['inspectors', 'name'],
  ['base_points', 'name'],
] as const;

/** The SQL that makes the point columns nullable, normalises stored names and records the version (safe to rerun). */
export const UPGRADE_TO_6 = [
  ...['incidents', 'applications'].flatMap((t) =>
    ['lon', 'lat', 'h3'].map((c) => `ALTER TABLE ${t} ALTER COLUMN ${c} DROP NOT NULL`),
  ),
  ...NAME_COLUMNS.map(([t, c]) => `UPDATE ${t} SET ${c} = ${sqlUzName(c)} WHERE ${c} IS DISTINCT FROM ${sqlUzName(c)}`),
  // 7: the weekly counts, built from the records once (server/db/aggregates.ts); no row is touched
  UPGRADE_WEEKS_SQL,
  `INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`,
].join(';\n');

/** Runs the upgrade through `run` (a connection's or a transaction's). */
export async function upgradeSchema(run: (sql: string) => Promise<unknown>): Promise<void> {
  await run(UPGRADE_TO_6);
}
