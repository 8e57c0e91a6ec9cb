// Brings a database built by an older release up to date at server start: the statements of data/schema.sql written
// `IF NOT EXISTS` (tables added since the first release) are run; on a current database they change nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.ts';

/**
 * The `CREATE … IF NOT EXISTS` statements of a schema text, in order (statements end with `;`, comments hold none).
 * @example addedStatements('CREATE TABLE a (x INT); CREATE TABLE IF NOT EXISTS b (y INT);') // ['CREATE TABLE IF NOT EXISTS b (y INT)']
 */
export function addedStatements(schema: string): string[] {
  return schema
    .split(';')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => /^CREATE (SEQUENCE|TABLE) IF NOT EXISTS /.test(s));
}

/** Adds the tables a database lacks. Needs a database opened read-write. */
export async function upgradeSchema(db: Db): Promise<void> {
  const schema = readFileSync(fileURLToPath(new URL('../../data/schema.sql', import.meta.url)), 'utf8');
  for (const sql of addedStatements(schema)) await db.run(sql);
}
