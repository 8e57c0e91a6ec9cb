// Weekly pre-aggregates (data/schema.sql *_weeks): records per mahalla, week and every filter a map query applies,
// written wherever records are loaded or moved (data/load.ts), so emerging hot spots read ≈ 1.4 M counted rows
// nationally instead of grouping 10 M records on every request.
import type { Db } from './database.ts';
import { perDb } from './per-db.ts';

/**
 * Weeks run Sunday to Saturday: the demo's data period ends on a Saturday (exclusive end 2026-11-01, a Sunday), so
 * the emerging hot spots' whole weeks ending on the last day of data line up with the stored weeks. A period ending
 * on another weekday is answered from the records themselves (weeklyGrid says which).
 */
export const WEEK_START_SQL = (ts: string): string =>
  `(date_trunc('week', ${ts} + INTERVAL 1 DAY) - INTERVAL 1 DAY)::DATE`;

/** The aggregate table of each record table. */
export const WEEK_TABLES = { incidents: 'incident_weeks', applications: 'application_weeks' } as const;

/** The INSERT that counts the rows of `table` passing `where` into its weekly table. */
export const WEEKS = {
  incidents: (where: string) =>
    `INSERT INTO incident_weeks SELECT mahalla_id, ${WEEK_START_SQL('ts')} AS week, category, status, count(*)::INTEGER
     FROM incidents ${where} GROUP BY ALL ORDER BY week, mahalla_id`,
  applications: (where: string) =>
    `INSERT INTO application_weeks SELECT mahalla_id, ${WEEK_START_SQL('received_at')} AS week, registry, received_by,
     count(*)::INTEGER FROM applications ${where} GROUP BY ALL ORDER BY week, mahalla_id`,
};

/** The weekly tables' definitions, as data/schema.sql has them (for the upgrade of a database built without them). */
export const WEEK_TABLES_SQL = `CREATE TABLE IF NOT EXISTS incident_weeks (
  mahalla_id INTEGER NOT NULL, week DATE NOT NULL, category incident_category NOT NULL,
  status incident_status NOT NULL, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS application_weeks (
  mahalla_id INTEGER NOT NULL, week DATE NOT NULL, registry registry NOT NULL, received_by receiver NOT NULL,
  n INTEGER NOT NULL)`;

/**
 * SQL that gives a database built before the weekly tables existed (schema 6) its tables and fills them, once: a
 * table that already holds rows is left as it is (its writers keep it current), so the upgrade is safe to rerun.
 */
export const UPGRADE_WEEKS_SQL = `${WEEK_TABLES_SQL};
${WEEKS.incidents('WHERE (SELECT count(*) FROM incident_weeks) = 0')};
${WEEKS.applications('WHERE (SELECT count(*) FROM application_weeks) = 0')}`;

/**
 * Rewrites the weekly counts: all of them (`idTable` absent), or those of the mahallas listed in `idTable` (a table
 * with an INTEGER column `id`) after a boundary change moved some records.
 * @example await writeWeeklyCounts(db); await writeWeeklyCounts(db, 'incidents', 'touched_ids');
 */
export async function writeWeeklyCounts(
  db: Pick<Db, 'run'>,
  only?: keyof typeof WEEKS,
  idTable?: string,
): Promise<void> {
  const where = idTable ? `WHERE mahalla_id IN (SELECT id FROM ${idTable})` : '';
  // A database of schema 6 gains the tables here (a boundary import may come before any record import): a partial
  // rewrite needs every other mahalla counted first.
  await db.run(idTable ? UPGRADE_WEEKS_SQL : WEEK_TABLES_SQL);
  for (const t of only ? [only] : (['incidents', 'applications'] as const))
    await db.run(`DELETE FROM ${WEEK_TABLES[t]} ${where}; ${WEEKS[t](where)};`);
}

/** Whether this database has the weekly tables (one built or upgraded at schema 7 or later); read once per data change. */
export const hasWeeklyCounts = perDb(async (db): Promise<boolean> => {
  const rows = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('incident_weeks', 'application_weeks')`,
  );
  return rows[0]?.n === 2;
});

/** Day of the week of an ISO date, 0 = Sunday. */
const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * Whether whole weeks starting on `first` can be read from the weekly tables: they exist and `first` is a Sunday.
 * @example await weeklyGrid(db, '2023-11-05') // true on a database of schema 7 (2023-11-05 is a Sunday)
 */
export async function weeklyGrid(db: Db, first: string): Promise<boolean> {
  return weekday(first) === 0 && (await hasWeeklyCounts(db));
}
