// One demo account per role, created in a new user store beside the synthetic demo data so that a newcomer can sign
// in at once and see what each role sees. Display names are system texts (server/shared/system-names.ts): the web
// says them in the reader's language. The passwords are public (README): never used beside imported data.
import type { Role } from '../server/contract/access.ts';
import type { Db } from '../server/db/database.ts';
import type { UserStore } from '../server/store/types.ts';
import { SYSTEM_TEXTS as S } from '../server/shared/system-names.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'hamkor-admin', role: 'admin', displayName: S.demoAdmin },
  { username: 'ministry', password: 'hamkor-ministry', role: 'ministry', displayName: S.demoMinistry },
  { username: 'region', password: 'hamkor-region', role: 'region_head', displayName: S.demoRegionHead },
  { username: 'district', password: 'hamkor-district', role: 'district_head', displayName: S.demoDistrictHead },
  { username: 'planner', password: 'hamkor-planner', role: 'planner', displayName: S.demoPlanner },
  { username: 'analyst', password: 'hamkor-analyst', role: 'analyst', displayName: S.demoAnalyst },
  { username: 'inspector', password: 'hamkor-inspector', role: 'inspector', displayName: S.demoInspector },
];

/** The listed password of a demo account (README). */
export function demoPassword(user: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.username === user);
  if (!account) throw new Error(`no demo account is named ${user}`);
  return account.password;
}

/**
 * Creates the demo accounts in an empty store: district roles in the district with the most inspectors (the one the
 * demo plans are for), the region head over its region, the inspector as that district's first inspector with a
 * territory. Returns the accounts made (none when the store already has accounts).
 */
export async function seedDemoAccounts(
  db: Db,
  store: UserStore,
  hash: (password: string) => Promise<string>,
): Promise<DemoAccount[]> {
  if ((await store.accounts.list()).length > 0) return [];
  const [home] = await db.all<{ district: string; region: string; inspector: number }>(
    `SELECT d.soato AS district, d.region_soato AS region,
            (SELECT min(t.inspector_id) FROM territory_assignment t JOIN inspectors i2 ON i2.id = t.inspector_id WHERE i2.district_soato = d.soato)::INTEGER AS inspector
     FROM inspectors i JOIN districts d ON d.soato = i.district_soato GROUP BY ALL ORDER BY count(*) DESC, d.soato LIMIT 1`,
  );
  if (!home) return [];
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hash(a.password)));
  await store.write(async (w) => {
    for (const [k, a] of DEMO_ACCOUNTS.entries()) {
      const scope =
        a.role === 'region_head'
          ? { region: home.region, district: null, inspector: null }
          : a.role === 'district_head' || a.role === 'planner' || a.role === 'analyst'
            ? { region: null, district: home.district, inspector: null }
            : a.role === 'inspector'
              ? { region: null, district: null, inspector: home.inspector }
              : { region: null, district: null, inspector: null };
      await w.accounts.create(
        { username: a.username, displayName: a.displayName, role: a.role, ...scope, passwordHash: hashes[k] ?? '' },
        { accountId: null, username: 'hamkor' },
      );
    }
  });
  return [...DEMO_ACCOUNTS];
}
