// What a server start does to the user store before serving: carry over what an older release kept in the analytics
// database, keep each district's plan in force as its territory version 1 (once), and give a new store beside the
// synthetic demo its demo content (the default playlist, two demo plans, one account per role). A store beside
// imported data gets only the default playlist: its accounts are made by an administrator (npm run admin).
import type { Db } from '../db/database.ts';
import { seedDemoAccounts, type DemoAccount } from '../../data/demo-accounts.ts';
import { seedDemoPlans } from '../../data/seed-plans.ts';
import { dataPeriod } from '../services/data-period.ts';
import { seedPlaylists } from '../services/playlists.ts';
import { seedTerritories } from '../services/territories/seed.ts';
import { migrateFromAnalytics } from './migrate.ts';
import type { UserStore } from './types.ts';

const DEMO_PLANS = 'demo_plans_seeded';

export interface Prepared {
  migrated: { plans: number; playlists: number };
  /** demo accounts created by this start (their passwords are to be printed), or none */
  demoAccounts: DemoAccount[];
  /** the store has no account at all: nobody can sign in until an administrator is created */
  noAccounts: boolean;
}

async function synthetic(db: Db): Promise<boolean> {
  const [row] = await db.all<{ v: string }>("SELECT value AS v FROM meta WHERE key = 'mahalla_source'");
  return (row?.v ?? 'synthetic') === 'synthetic';
}

export async function prepareStore(
  db: Db,
  store: UserStore,
  hash: (password: string) => Promise<string>,
): Promise<Prepared> {
  const migrated = await migrateFromAnalytics(db, store);
  await seedPlaylists(store);
  await seedTerritories(db, store);
  let demoAccounts: DemoAccount[] = [];
  if (await synthetic(db)) {
    if ((await store.meta.get(DEMO_PLANS)) === null && (await store.plans.list()).length === 0) {
      await seedDemoPlans(db, store, (await dataPeriod(db)).end);
      await store.write((w) => w.meta.set(DEMO_PLANS, new Date().toISOString()));
    }
    demoAccounts = await seedDemoAccounts(db, store, hash);
  }
  return { migrated, demoAccounts, noAccounts: (await store.accounts.list()).length === 0 };
}
