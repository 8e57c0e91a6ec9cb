// Upgrades an analytics database of schema 4 to 5 in place: incidents and applications may lack a point (lon, lat
// and h3 NULL) when an export gave only the mahalla code. Only constraints are dropped, so every row stays as it was;
// idempotent, and run inside the caller's transaction (an import's, or the start script's for a database of
// imported mahallas, which is never rebuilt silently).
import { SCHEMA_VERSION } from '../schema-version.ts';

/** The SQL that makes the point columns nullable and records the schema version (safe to run again). */
export const UPGRADE_TO_5 = [
  ...['incidents', 'applications'].flatMap((t) =>
    ['lon', 'lat', 'h3'].map((c) => `ALTER TABLE ${t} ALTER COLUMN ${c} DROP NOT NULL`),
  ),
  `INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`,
].join(';\n');

/** Runs the upgrade through `run` (a connection's or a transaction's). */
export async function upgradeSchema(run: (sql: string) => Promise<unknown>): Promise<void> {
  await run(UPGRADE_TO_5);
}
