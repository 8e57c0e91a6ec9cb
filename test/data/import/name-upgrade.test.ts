// The schema 6 upgrade of stored names: the SQL rule is the TypeScript rule (the same fixtures), and a database's
// names get one apostrophe each while every row and every other value stays as it was; running it again changes
// nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { normalizeUzName } from '../../../server/shared/uz-names.ts';
import { NAME_COLUMNS, sqlUzName, upgradeSchema } from '../../../data/import/schema-upgrade.ts';
import { SCHEMA_VERSION } from '../../../data/schema-version.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

const NAMES = [
  "Mirzo Ulug'bek tumani",
  "Qo'rg'ontepa",
  'Jo‘rayev A. B.',
  'G’alaba',
  'G`alaba',
  'G´alaba',
  "Ma'rifat",
  'Taʻmir',
  'Oʻrikzor MFY',
  "'Navbahor'",
  'Чинор',
  '',
];

let db: Db;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());

/** Every row of the named tables, as text, in a fixed order. */
const rows = async (): Promise<Record<string, unknown[]>> =>
  Object.fromEntries(
    await Promise.all(
      NAME_COLUMNS.map(async ([t]) => {
        // The official names are schema 8's (official-names-upgrade.test.ts).
        const official = t === 'regions' || t === 'districts' ? ' EXCLUDE (name_ru, name_uz_cyrl)' : '';
        return [t, await db.all(`SELECT *${official} FROM ${t} ORDER BY ALL`)] as const;
      }),
    ),
  );

describe('sqlUzName', () => {
  it('gives what normalizeUzName gives, name by name', async () => {
    const got = await db.all<{ name: string; sql: string }>(
      `SELECT name, ${sqlUzName('name')} AS sql FROM (SELECT unnest($names::VARCHAR[]) AS name)`,
      { names: NAMES },
    );
    expect(got.map((r) => r.sql)).toEqual(got.map((r) => normalizeUzName(r.name)));
    expect(got.map((r) => r.sql)).toContain('Mirzo Ulugʻbek tumani');
  });
});

describe('upgradeSchema', () => {
  it('writes every stored name with one apostrophe and keeps every row and value', async () => {
    await db.run(`UPDATE regions SET name_uz = 'Qoraqalpog''iston'; UPDATE districts SET name_uz = 'Mirzo Ulug''bek' WHERE soato = '1726273';
      UPDATE inspectors SET name = 'Jo‘rayev A. B.' WHERE id = 2; UPDATE base_points SET name = 'Ma''rifat punkti' WHERE id = 1;
      INSERT OR REPLACE INTO meta VALUES ('schema_version', '5')`);
    const before = await rows();
    await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
    const after = await rows();
    const expected = Object.fromEntries(
      NAME_COLUMNS.map(([t, c]) => [
        t,
        (before[t] as Array<Record<string, unknown>>).map((r) => ({ ...r, [c]: normalizeUzName(String(r[c])) })),
      ]),
    );
    expect(after).toEqual(expected);
    expect(await db.all('SELECT name_uz FROM regions')).toEqual([{ name_uz: 'Qoraqalpogʻiston' }]);
    expect(await db.all('SELECT name FROM mahallas WHERE id = 2')).toEqual([{ name: 'Bogʻbon' }]);
    expect(await db.all('SELECT name FROM inspectors WHERE id = 2')).toEqual([{ name: 'Joʻrayev A. B.' }]);
    expect(await db.all('SELECT name FROM base_points WHERE id = 1')).toEqual([{ name: 'Maʼrifat punkti' }]);
    expect(await db.all("SELECT value FROM meta WHERE key = 'schema_version'")).toEqual([
      { value: String(SCHEMA_VERSION) },
    ]);
    await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
    expect(await rows()).toEqual(after);
  });
});
