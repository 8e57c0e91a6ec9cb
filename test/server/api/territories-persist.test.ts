// What planners typed outlives the analytics database: a store on disk keeps every territory version across a
// rebuild of that database, and the plan in force stays the one the store holds, not the rebuilt database's own
// assignment; a second start seeds nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testClient } from 'hono/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { hashPassword } from '../../../server/auth/passwords.ts';
import type { Db } from '../../../server/db/database.ts';
import { openStore } from '../../../server/store/duck/open.ts';
import { prepareStore } from '../../../server/store/prepare.ts';
import { bodyOf, okBody } from '../../fixtures/api/fixture-app.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';
import { CHEAP, signIn } from '../../fixtures/api/signed-in.ts';
import { MIROBOD, VACANT_POST_DRAFT, YAKKASAROY } from './territories-given.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-territories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STATE = join(dir, 'state.duckdb');
const MARCH = { from: '2024-03-01', to: '2024-03-31' };

/** A server start over `db`: the store on disk prepared as server/index.ts does, its demo administrator signed in. */
async function start(db: Db) {
  const store = await openStore(STATE);
  await prepareStore(db, store, (pw) => hashPassword(pw, CHEAP.passwordCost));
  const app = createApp({ db, store, auth: CHEAP });
  const cookie = await signIn(app, 'admin', 'hamkor-admin');
  return { store, api: testClient(app, {}, undefined, { headers: { cookie } }).api };
}

describe('a rebuild of the analytics database', () => {
  it('keeps every version, and the plan in force stays the store’s', async () => {
    const first = await fixtureDb();
    const one = await start(first);
    const v = one.api.territories.versions[':id'];
    const d = await bodyOf(
      await one.api.territories.versions.$post({ json: { district: YAKKASAROY, name: 'n', reason: 'r' } }),
      201,
    );
    await okBody(await v.$put({ param: { id: String(d.id) }, json: { ...VACANT_POST_DRAFT, version: 1 } }));
    await okBody(await v.submit.$post({ param: { id: String(d.id) }, json: { version: 2 } }));
    await okBody(
      await v.approve.$post({
        param: { id: String(d.id) },
        json: { version: 3, effectiveFrom: '2024-03-15', orderNumber: '9', orderDate: '2024-03-15' },
      }),
    );
    const kept = JSON.stringify(await one.store.territories.list());
    one.store.close();
    first.close();

    // The rebuilt database assigns mahalla 4 of Mirobod to inspector 2, which the store's version 1 left unassigned.
    const rebuilt = await fixtureDb();
    await rebuilt.run("INSERT INTO territory_assignment VALUES (4, 2, DATE '2024-06-01')");
    const two = await start(rebuilt);
    try {
      expect(JSON.stringify(await two.store.territories.list())).toBe(kept);
      const coverage = await okBody(await two.api.coverage.$get({ query: MARCH }));
      expect(coverage.inspectors.mahallas).toEqual([1, 1]);
      expect(coverage.unassigned.map((m) => m.id)).toEqual([2, 4]);
      const again = await okBody(await two.api.territories.versions[':id'].$get({ param: { id: String(d.id) } }));
      const history = again.history;
      expect(history.map((h) => h.action)).toEqual(['create', 'submit', 'approve']);
      // Both districts still have exactly one version 1.
      const ones = (await two.store.territories.list()).filter((x) => x.number === 1).map((x) => x.district);
      expect(ones.sort()).toEqual([MIROBOD, YAKKASAROY].sort());
    } finally {
      two.store.close();
      rebuilt.close();
    }
  });
});
