// The territory assignment import: mahalla code → inspector (id or name) becomes a new territory version per district
// through the versions service (a draft, or approved with an order), never an overwrite; same file twice → nothing
// new; every row rule with its exact message; all or nothing; a dry run writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { seedTerritories } from '../../../server/services/territories/seed.ts';
import { openStore } from '../../../server/store/duck/open.ts';
import type { UserStore } from '../../../server/store/types.ts';
import { applyAssignments, changedMahallas, importTerritories } from '../../../data/import/territory.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-territory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BY = { accountId: null, username: 'importer' };
let n = 0;

/** The API fixture (Yakkasaroy 1726287: mahallas 1, 2, inspector 1; Mirobod 1726273: 3, 4, inspector 2) plus inspector 3 in Yakkasaroy. */
async function given(): Promise<{ db: Db; store: UserStore; close: () => void }> {
  const db = await fixtureDb();
  await db.run(`INSERT INTO inspectors VALUES (3, 'Sherzod Aliyev', 'lieutenant', '1726287', 1)`);
  const store = await openStore(':memory:');
  await seedTerritories(db, store);
  return { db, store, close: () => (store.close(), db.close()) };
}
function file(text: string): string {
  const f = join(dir, `${++n}.csv`);
  writeFileSync(f, text);
  return f;
}
const heads = async (store: UserStore) =>
  (await store.territories.list()).map((v) => ({ district: v.district, number: v.number, status: v.status }));

describe('applyAssignments', () => {
  const base = {
    posts: [
      { id: 1, inspector: 7, label: null },
      { id: 4, inspector: null, label: 'Vacant' },
    ],
    assignments: [
      { mahalla: 3, post: 1 },
      { mahalla: 5, post: 4 },
    ],
  };
  it('moves mahallas to the post their inspector holds, or to a new post after the highest', () => {
    const next = applyAssignments(base, [
      { mahalla: 5, inspector: 7 },
      { mahalla: 6, inspector: 8 },
      { mahalla: 3, inspector: 8 },
    ]);
    expect(next).toEqual({
      posts: [...base.posts, { id: 5, inspector: 8, label: null }],
      assignments: [
        { mahalla: 3, post: 5 },
        { mahalla: 5, post: 1 },
        { mahalla: 6, post: 5 },
      ],
    });
    expect(changedMahallas(base, next)).toBe(3);
    expect(changedMahallas(base, applyAssignments(base, [{ mahalla: 3, inspector: 7 }]))).toBe(0);
  });
});

describe('importing a territory assignment', () => {
  const GOOD = 'Код махалли;Инспектор\n1726287002;3\n1726273002;dilnoza  rahimova\n';

  it('makes a draft per district from the plan in force, and nothing more when the same file comes again', async () => {
    const { db, store, close } = await given();
    try {
      const before = await heads(store);
      const f = file(GOOD);
      const r = await importTerritories(db, store, { file: f, by: BY });
      expect(r).toMatchObject({ committed: true, rowsRead: 2, problems: [] });
      expect(r.districts).toEqual([
        { district: '1726273', version: 2, status: 'draft', changed: 1 },
        { district: '1726287', version: 2, status: 'draft', changed: 1 },
      ]);
      const drafts = (await store.territories.list()).filter((v) => v.status === 'draft');
      const yak = await store.territories.get(drafts.find((v) => v.district === '1726287')!.id);
      expect(yak).toMatchObject({
        name: `Imported from ${n}.csv`,
        posts: [
          { id: 1, inspector: 1, label: null },
          { id: 3, inspector: 3, label: null },
        ],
        assignments: [
          { mahalla: 1, post: 1 },
          { mahalla: 2, post: 3 },
        ],
      });
      // the versions that were there are untouched
      expect((await heads(store)).filter((h) => h.number === 1)).toEqual(before);

      const again = await importTerritories(db, store, { file: f, by: BY });
      expect(again.districts.map((d) => [d.district, d.status, d.version])).toEqual([
        ['1726273', 'unchanged', 2],
        ['1726287', 'unchanged', 2],
      ]);
      expect(await heads(store)).toHaveLength(4);
    } finally {
      close();
    }
  });

  it('with an order, approves the new versions so they come into force on the effective day', async () => {
    const { db, store, close } = await given();
    try {
      const order = { orderNumber: '17-к', orderDate: '2025-01-20', effectiveFrom: '2025-02-01' };
      const r = await importTerritories(db, store, { file: file(GOOD), by: BY, order });
      expect(r.districts.map((d) => d.status)).toEqual(['approved', 'approved']);
      const v = (await store.territories.list('1726287'))[0]!;
      expect(v).toMatchObject({ number: 2, status: 'approved', orderNumber: '17-к', effectiveFrom: '2025-02-01' });
    } finally {
      close();
    }
  });

  it('refuses the whole file for any bad row, with exact messages, and a dry run writes nothing', async () => {
    const { db, store, close } = await given();
    try {
      const before = await heads(store);
      const f = file(
        'mahalla,inspector\n' +
          '1726287002,3\n' +
          '9999999999,3\n' +
          '1726287001,2\n' +
          '1726273001,Nobody\n' +
          '1726287002,1\n' +
          ',1\n',
      );
      const r = await importTerritories(db, store, { file: f, by: BY });
      expect(r.committed).toBe(false);
      expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
        [3, 'mahalla_code', '9999999999', 'is not the code of any mahalla in the database'],
        [4, 'inspector', '2', 'works in district 1726273, not in 1726287'],
        [5, 'inspector', 'Nobody', 'is neither the id nor the name of an inspector of district 1726273'],
        [6, 'mahalla_code', '1726287002', 'repeats the mahalla of row 2'],
        [7, 'mahalla_code', '', 'is empty'],
      ]);
      const dry = await importTerritories(db, store, { file: file(GOOD), by: BY, dryRun: true });
      expect(dry).toMatchObject({ committed: false, problems: [] });
      expect(dry.districts.map((d) => [d.status, d.changed])).toEqual([
        ['dry run', 1],
        ['dry run', 1],
      ]);
      expect(await heads(store)).toEqual(before);
    } finally {
      close();
    }
  });
});
