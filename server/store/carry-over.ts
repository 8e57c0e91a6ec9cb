// Before an analytics database file is replaced (a rebuild, an import), what an older release kept in it that people
// typed goes into the user store; and a file the running server holds is never replaced under it.
import { existsSync } from 'node:fs';
import { openDb } from '../db/database.ts';
import { openStore } from './duck/open.ts';
import { migrateFromAnalytics } from './migrate.ts';

/** Refuses (throws with what to do) when another process, such as the running server, holds the database file. */
export async function assertNotInUse(path: string): Promise<void> {
  if (!existsSync(path)) return;
  try {
    (await openDb(path)).close();
  } catch (err) {
    if (/lock/i.test(String(err))) {
      throw new Error(
        `${path} is open in a running Hamkor server: stop it first (the server holds the file, and replacing it would cut the server off from the data it shows). ` +
          'To import incidents or applications while it runs, use its Import page instead (/import, for analysts and administrators).',
        { cause: err },
      );
    }
    throw err;
  }
}

/** Copies the plans and playlists an older analytics database holds into the user store (once; see migrate.ts). */
export async function carryOver(analytics: string, state: string): Promise<{ plans: number; playlists: number }> {
  if (!existsSync(analytics)) return { plans: 0, playlists: 0 };
  const db = await openDb(analytics, { readOnly: true });
  const store = await openStore(state);
  try {
    const moved = await migrateFromAnalytics(db, store);
    if (moved.plans + moved.playlists > 0)
      console.log(`Kept ${moved.plans} plans and ${moved.playlists} playlists from ${analytics} in ${state}.`);
    return moved;
  } finally {
    db.close();
    store.close();
  }
}
