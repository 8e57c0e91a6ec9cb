// The schema 8 upgrade: a database built before the official names gets the column of the Cyrillic name and both
// official names by SOATO code, keeps every row and every other value, and then serves them in /api/meta's data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { upgradeSchema } from '../../../data/import/schema-upgrade.ts';
import { SCHEMA_VERSION } from '../../../data/schema-version.ts';
import { getMeta } from '../../../server/services/meta.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

const TABLES = ['regions', 'districts', 'mahallas', 'inspectors', 'incidents', 'applications', 'joint_actions'];

let db: Db;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());

/** Every row of the tables, as text, in a fixed order, without the names the upgrade writes. */
const rows = async (excluded: string): Promise<Record<string, unknown[]>> =>
  Object.fromEntries(
    await Promise.all(
      TABLES.map(async (t) => {
        const names = t === 'regions' || t === 'districts' ? ` EXCLUDE (${excluded})` : '';
        return [t, await db.all(`SELECT *${names} FROM ${t} ORDER BY ALL`)] as const;
      }),
    ),
  );

describe('upgradeSchema to 8', () => {
  it('adds the official names to an old database, losing nothing, and meta carries them', async () => {
    // A schema 7 database (its names already normalised by the upgrade to 6): no Cyrillic column, no Russian region
    // name, and Chilonzor (a district of the code list).
    await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
    await db.run(`ALTER TABLE regions DROP COLUMN name_uz_cyrl; ALTER TABLE districts DROP COLUMN name_uz_cyrl;
      UPDATE regions SET name_ru = NULL;
      INSERT INTO districts VALUES ('1726294', '1726', 'Chilonzor tumani', NULL, 'Chilanzar', 30, 'osm', '{}');
      INSERT INTO districts VALUES ('1726999', '1726', 'Yangi tuman', NULL, NULL, 5, 'import', '{}');
      INSERT OR REPLACE INTO meta VALUES ('schema_version', '7')`);
    const before = await rows('name_ru');
    await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
    expect(await rows('name_ru, name_uz_cyrl')).toEqual(before);
    expect(await db.all("SELECT value FROM meta WHERE key = 'schema_version'")).toEqual([
      { value: String(SCHEMA_VERSION) },
    ]);
    expect(SCHEMA_VERSION).toBe(8);

    const meta = await getMeta(db);
    expect(meta.districts.find((d) => d.soato === '1726294')).toMatchObject({
      name: 'Chilonzor tumani',
      nameUzCyrl: 'Чилонзор тумани',
      nameRu: 'Чиланзарский район',
    });
    expect(meta.districts.find((d) => d.soato === '1726287')).toMatchObject({
      nameUzCyrl: 'Яккасарой тумани',
      nameRu: 'Яккасарайский район',
    });
    // A code the list lacks keeps no official name: the UI writes its Latin name in the reader's script.
    expect(meta.districts.find((d) => d.soato === '1726999')).toMatchObject({ nameUzCyrl: null, nameRu: null });
    expect(meta.regions).toEqual([
      { soato: '1726', name: 'Toshkent shahri', nameUzCyrl: 'Тошкент шаҳри', nameRu: 'город Ташкент' },
    ]);

    // Idempotent: a second run (every import commit runs it) changes nothing.
    const after = await db.all('SELECT * FROM districts ORDER BY ALL');
    await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
    expect(await db.all('SELECT * FROM districts ORDER BY ALL')).toEqual(after);
  });
});
