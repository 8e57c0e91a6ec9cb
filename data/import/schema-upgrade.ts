// Upgrades an analytics database of schema 4 to 7 to 8 in place, losing no row (7 adds the weekly counts, 8 the official
// Cyrillic and Russian names of regions and districts by SOATO code): 5 let incidents and applications lack
// a point (lon, lat and h3 NULL) when an export gave only the mahalla code (only constraints are dropped); 6 writes the
// letter signs of stored names as Uzbek Latin does (ʻ U+02BB after o/g, ʼ U+02BC after other letters), the rule of
// server/shared/uz-names.ts in SQL, touching nothing but those characters. Idempotent, and run inside the caller's
// transaction (an import's, or the start script's for a database of imported mahallas, which is never rebuilt
// silently).
import { OKINA, OKINA_PATTERN, TUTUQ, TUTUQ_PATTERN } from '../../server/shared/uz-names.ts';
import { SCHEMA_VERSION } from '../schema-version.ts';
import { UPGRADE_WEEKS_SQL } from '../../server/db/aggregates.ts';
import { officialNames } from '../generate/official-names.ts';

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

/**
 * 8: the column of the official Cyrillic name, and both official names for every unit the code list has (a unit it
 * lacks, e.g. an imported one with a new code, keeps what it has and the UI transliterates its Latin name). Only
 * rows whose names differ are written, so a rerun changes nothing.
 */
function upgradeNamesSql(): string {
  const list = [...officialNames()]
    .map(([soato, n]) => `(${literal(soato)}, ${literal(n.nameUzCyrl)}, ${literal(n.nameRu)})`)
    .join(', ');
  return ['regions', 'districts']
    .flatMap((t) => [
      `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS name_uz_cyrl VARCHAR`,
      `UPDATE ${t} SET name_uz_cyrl = o.cyrl, name_ru = o.ru FROM (VALUES ${list}) o(soato, cyrl, ru)
       WHERE ${t}.soato = o.soato AND (${t}.name_uz_cyrl IS DISTINCT FROM o.cyrl OR ${t}.name_ru IS DISTINCT FROM o.ru)`,
    ])
    .join(';\n');
}

/** Runs the upgrade through `run` (a connection's or a transaction's). */
export async function upgradeSchema(run: (sql: string) => Promise<unknown>): Promise<void> {
  // The names first: UPGRADE_TO_6 ends by recording the version.
  await run(upgradeNamesSql());
  await run(UPGRADE_TO_6);
}
