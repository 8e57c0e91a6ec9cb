// Signing in: password hashes, sessions that end when idle or at their end, throttling per address, lockout after
// repeated failures, disabled accounts, sign-out everywhere. A hand-moved clock stands in for time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_DEFAULTS, createAuth, type Auth } from '../../../server/auth/auth.ts';
import { hashPassword, verifyPassword } from '../../../server/auth/passwords.ts';
import { openDb, type Db } from '../../../server/db/database.ts';
import { openStore } from '../../../server/store/duck/open.ts';
import type { UserStore } from '../../../server/store/types.ts';

describe('password hashes', () => {
  it('verify the password they were made from and nothing else', async () => {
    const h = await hashPassword('correct horse battery', 10);
    expect(h).toMatch(/^scrypt\$10\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
  });

  it('differ for the same password (salted) and refuse a malformed hash', async () => {
    expect(await hashPassword('same password', 10)).not.toBe(await hashPassword('same password', 10));
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

let db: Db;
let store: UserStore;
let clock: number;
let auth: Auth;
const HOUR = 3600_000;

beforeEach(async () => {
  db = await openDb(':memory:');
  store = await openStore(':memory:');
  clock = Date.parse('2026-11-30T08:00:00Z');
  auth = createAuth(db, store, { ...AUTH_DEFAULTS, passwordCost: 10, attemptsPerWindow: 8 }, () => clock);
  await auth.ready;
  const hash = await hashPassword('ministry-password', 10);
  await store.write((w) =>
    w.accounts.create(
      {
        username: 'm',
        displayName: 'M',
        role: 'ministry',
        region: null,
        district: null,
        inspector: null,
        passwordHash: hash,
      },
      { accountId: null, username: 't' },
    ),
  );
});
afterEach(() => {
  store.close();
  db.close();
});

const signIn = async (password = 'ministry-password', ip = '10.0.0.1') => auth.login('m', password, ip);

describe('sessions', () => {
  it('lead from a token to the signed-in principal', async () => {
    const s = await signIn();
    expect(s.ok).toBe(true);
    if (s.ok) expect((await auth.principalOf(s.token))?.username).toBe('m');
  });

  it('end after two idle hours, but not while in use', async () => {
    const s = await signIn();
    if (!s.ok) throw new Error('no session');
    clock += 1.9 * HOUR;
    expect(await auth.principalOf(s.token)).not.toBeNull();
    clock += 1.9 * HOUR;
    expect(await auth.principalOf(s.token)).not.toBeNull();
    clock += 2.1 * HOUR;
    expect(await auth.principalOf(s.token)).toBeNull();
  });

  it('end twelve hours after sign-in however busy', async () => {
    const s = await signIn();
    if (!s.ok) throw new Error('no session');
    for (let h = 0; h < 11; h++) {
      clock += HOUR;
      expect(await auth.principalOf(s.token)).not.toBeNull();
    }
    clock += 1.01 * HOUR;
    expect(await auth.principalOf(s.token)).toBeNull();
  });

  it('all end on sign-out everywhere; one ends on sign-out', async () => {
    const [a, b] = [await signIn(), await signIn()];
    if (!a.ok || !b.ok) throw new Error('no session');
    await auth.logout(a.token);
    expect(await auth.principalOf(a.token)).toBeNull();
    expect(await auth.principalOf(b.token)).not.toBeNull();
    expect(await auth.logoutEverywhere(b.principal.id)).toBe(1);
    expect(await auth.principalOf(b.token)).toBeNull();
  });

  it('survive a restart (they are stored, as hashes only)', async () => {
    const s = await signIn();
    if (!s.ok) throw new Error('no session');
    const again = createAuth(db, store, { ...AUTH_DEFAULTS, passwordCost: 10 }, () => clock);
    await again.ready;
    expect((await again.principalOf(s.token))?.username).toBe('m');
    expect(JSON.stringify(await store.sessions.list())).not.toContain(s.token);
  });
});

describe('wrong passwords', () => {
  it('are answered alike for an unknown user and a wrong password', async () => {
    const unknown = await auth.login('nobody', 'whatever-password', '10.0.0.2');
    const wrong = await signIn('not-the-password');
    expect(unknown.ok || wrong.ok).toBe(false);
    if (!unknown.ok && !wrong.ok) expect([unknown.status, unknown.reason]).toEqual([wrong.status, wrong.reason]);
    expect(wrong.ok === false && wrong.code).toBe('signin_failed');
  });

  it('lock the account after five in a row, for fifteen minutes, even with the right password', async () => {
    for (let k = 0; k < 5; k++) expect((await signIn('bad password', `10.1.0.${k}`)).ok).toBe(false);
    const locked = await signIn('ministry-password', '10.2.0.1');
    expect(locked.ok === false && [locked.status, locked.code, locked.params]).toEqual([
      429,
      'account_locked',
      { attempts: 5, minutes: 15 },
    ]);
    clock += 16 * 60_000;
    expect((await signIn('ministry-password', '10.2.0.2')).ok).toBe(true);
  });

  it('are throttled per client address whatever the user name', async () => {
    for (let k = 0; k < 8; k++) await auth.login(`user${k}`, 'guess-password', '10.9.9.9');
    const next = await signIn('ministry-password', '10.9.9.9');
    expect(next.ok === false && [next.status, next.field, next.code]).toEqual([429, 'username', 'signin_throttled']);
    expect(next.ok === false && next.params?.seconds).toBeGreaterThan(0);
    expect((await signIn('ministry-password', '10.9.9.10')).ok).toBe(true);
  });
});

describe('a disabled account', () => {
  it('cannot sign in, and its open sessions stop working once its state is reloaded', async () => {
    const s = await signIn();
    if (!s.ok) throw new Error('no session');
    const a = await store.accounts.byUsername('m');
    if (!a) throw new Error('no account');
    await store.write((w) =>
      w.accounts.update(
        a.id,
        a.version,
        { displayName: a.displayName, role: a.role, region: null, district: null, inspector: null, disabled: true },
        { accountId: null, username: 't' },
      ),
    );
    auth.forget(a.id);
    expect(await auth.principalOf(s.token)).toBeNull();
    const again = await signIn();
    expect(again.ok === false && again.reason).toMatch(/disabled/);
    expect(again.ok === false && again.code).toBe('account_disabled');
  });
});
