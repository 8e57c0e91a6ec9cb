// The territory planner's API as each role sees it: the fixture database (test/fixtures/api/fixture-db.ts) with each
// district's version 1 kept in the store as a server start keeps it, and a typed client per role (hono/testing), so
// bodies are typed from the routes, never cast.
//
// Fixture districts: Yakkasaroy 1726287 (mahallas 1, 2; inspector 1 covers both) and Mirobod 1726273 (mahallas 3, 4;
// inspector 2 covers 3, 4 is unassigned). District roles are bound to Yakkasaroy; the data's "today" is 2025-01-01.
import { onTestFinished } from 'vitest';
import { testClient } from 'hono/testing';
import type { Role } from '../../../server/contract/access.ts';
import { seedTerritories } from '../../../server/services/territories/seed.ts';
import { bodyOf, okBody } from '../../fixtures/api/fixture-app.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

export const YAKKASAROY = '1726287';
export const MIROBOD = '1726273';

/** A draft of Yakkasaroy that moves mahalla 2 from inspector 1 to a new vacant post 9. */
export const VACANT_POST_DRAFT = {
  name: 'Mahalla 2 to a new post',
  reason: 'Bog’bon has grown; a second inspector is being recruited',
  posts: [
    { id: 1, inspector: 1, label: null },
    { id: 9, inspector: null, label: 'Vacant post (Bog’bon)' },
  ],
  assignments: [
    { mahalla: 1, post: 1 },
    { mahalla: 2, post: 9 },
  ],
};

export type Roles = SignedIn & {
  /** the typed client of each role's session */
  api: (role: Role) => ReturnType<typeof testClient<SignedIn['app']>>['api'];
  /** ids of the seeded version 1 of each district */
  seeded: { yakkasaroy: number; mirobod: number };
};

/**
 * A fresh app and store with one signed-in account per role and version 1 of each district; closed after the test
 * (or, with `keep`, left to the caller to close).
 */
export async function givenTerritories(keep = false): Promise<Roles> {
  const w = await givenRoles();
  if (!keep) onTestFinished(() => w.close());
  await seedTerritories(w.db, w.store);
  const list = await w.store.territories.list();
  const id = (d: string): number => list.find((v) => v.district === d)?.id ?? -1;
  return {
    ...w,
    api: (role) => testClient(w.app, {}, undefined, { headers: { cookie: w.cookie[role] } }).api,
    seeded: { yakkasaroy: id(YAKKASAROY), mirobod: id(MIROBOD) },
  };
}

/**
 * The planner draws {@link VACANT_POST_DRAFT}, the district head approves it in force from `effectiveFrom`; its id.
 * @example const id = await approvedVacantPost(w, '2024-03-15'); // mahalla 2 is nobody's from that day
 */
export async function approvedVacantPost(w: Roles, effectiveFrom = '2024-03-15'): Promise<number> {
  const d = await bodyOf(
    await w
      .api('planner')
      .territories.versions.$post({ json: { district: YAKKASAROY, name: 'New post', reason: 'r' } }),
    201,
  );
  const param = { id: String(d.id) };
  const v = w.api('planner').territories.versions[':id'];
  await okBody(await v.$put({ param, json: { ...VACANT_POST_DRAFT, version: 1 } }));
  await okBody(await v.submit.$post({ param, json: { version: 2 } }));
  await okBody(
    await w.api('district_head').territories.versions[':id'].approve.$post({
      param,
      json: { version: 3, effectiveFrom, orderNumber: '12', orderDate: effectiveFrom },
    }),
  );
  return d.id;
}
