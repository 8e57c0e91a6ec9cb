// A database built before plans existed gains their tables at server start; a current one is left as it is.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/database.ts';
import { addedStatements, upgradeSchema } from '../../server/db/schema-upgrade.ts';
import { SCHEMA_SQL } from '../../data/load.ts';

const tables = async (db: Awaited<ReturnType<typeof openDb>>): Promise<string[]> =>
  (await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'plan%' ORDER BY 1")).map((r) => r.name);

describe('upgradeSchema', () => {
  it('adds the plan tables to a database built without them, and is idempotent', async () => {
    const db = await openDb(':memory:');
    const added = addedStatements(SCHEMA_SQL);
    const older = SCHEMA_SQL.split(';').filter((s) => !added.some((a) => s.includes(a.slice(0, 40)))).join(';');
    await db.run(older);
    expect(await tables(db)).toEqual([]);
    await upgradeSchema(db);
    await upgradeSchema(db);
    expect(await tables(db)).toEqual(expect.arrayContaining(['plan_items', 'plans', 'plans_archive']));
    db.close();
  });

  it('picks only IF NOT EXISTS statements, comments stripped', () => {
    expect(addedStatements('-- old\nCREATE TABLE a (x INT);\n-- why\nCREATE TABLE IF NOT EXISTS b (y INT);')).toEqual(['CREATE TABLE IF NOT EXISTS b (y INT)']);
  });
});
