// Signing in and out: local accounts checked against their scrypt hash, throttled per client address and locked after
// repeated failures; kiosk tokens exchanged for a kiosk session; the principal behind a session cookie. Routes see
// only this object, so a directory or an OIDC provider on the police network can later be one more way to create a
// session here without any route changing.
import { issue, type CodedIssue, type IssueCode, type IssueParams } from '../contract/issues.ts';
import type { Db } from '../db/database.ts';
import { shared, within } from '../db/per-db.ts';
import type { UserStore } from '../store/types.ts';
import { AttemptLimiter } from './limiter.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { accountPrincipal, kioskPrincipal, type Principal } from './principal.ts';
import { Sessions, type SessionLimits } from './sessions.ts';
import { tokenHash } from './tokens.ts';

export interface AuthConfig {
  /** log2 of scrypt's N for new hashes (17 in production, less in tests) */
  passwordCost: number;
  sessions: SessionLimits;
  /** consecutive failed sign-ins that lock an account, and for how long */
  lockAfter: number;
  lockMs: number;
  /** sign-in attempts per client address in a window */
  attemptsPerWindow: number;
  attemptWindowMs: number;
}

/** Defaults, one comment per field's reason. */
export const AUTH_DEFAULTS: AuthConfig = {
  passwordCost: 17,
  sessions: {
    // A shift's pause: an officer away from the desk for two hours signs in again.
    idleMs: 2 * 3600_000,
    // One working day, whatever the activity.
    maxMs: 12 * 3600_000,
    // A wall screen runs unattended for months; revoking its token ends it at once.
    kioskMaxMs: 90 * 24 * 3600_000,
  },
  lockAfter: 5,
  lockMs: 15 * 60_000,
  attemptsPerWindow: 20,
  attemptWindowMs: 5 * 60_000,
};

export type LoginOutcome =
  | { ok: true; token: string; expiresAt: string; principal: Principal }
  | {
      ok: false;
      status: 401 | 429;
      field: string;
      reason: string;
      /** the reason's code and params (contract/issues.ts), for the web to say it in the reader's language */
      code: IssueCode;
      params?: IssueParams;
      retryAfterS?: number;
      accountId: number | null;
    };

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(db: Db, store: UserStore, config: AuthConfig, now: () => number = Date.now) {
  const sessions = new Sessions(store, config.sessions, now);
  const limiter = new AttemptLimiter(config.attemptsPerWindow, config.attemptWindowMs, now);
  // Unknown user names cost a hash too, so the answer's timing does not tell which names exist.
  let decoy: Promise<string> | undefined;
  const cache = new Map<number, { principal: Promise<Principal | null>; at: number }>();
  const fail = (
    status: 401 | 429,
    { field, reason, code, params }: CodedIssue,
    accountId: number | null,
    retryAfterS?: number,
  ): LoginOutcome => ({
    ok: false,
    status,
    field,
    reason,
    code,
    ...(params === undefined ? {} : { params }),
    accountId,
    ...(retryAfterS === undefined ? {} : { retryAfterS }),
  });
  const wrong = issue('password', 'signin_failed', 'wrong user name or password');
  const disabled = issue('username', 'account_disabled', 'this account is disabled; ask your administrator');

  const principalOfAccount = (id: number): Promise<Principal | null> => {
    const hit = cache.get(id);
    // Cached for a minute: a changed role or area, or a disabled account, is also dropped from the cache at once.
    if (hit && now() - hit.at < 60_000) return within(hit.principal);
    // Shared by the account's concurrent requests: loaded outside this one's abort signal, and forgotten if it fails.
    const principal = shared(() =>
      store.accounts.get(id).then((a) => (a && !a.disabled ? accountPrincipal(db, store, a) : null)),
    );
    principal.catch(() => {
      if (cache.get(id)?.principal === principal) cache.delete(id);
    });
    cache.set(id, { principal, at: now() });
    return within(principal);
  };

  return {
    ready: sessions.load(),
    hash: (password: string) => hashPassword(password, config.passwordCost),

    async login(username: string, password: string, ip: string): Promise<LoginOutcome> {
      const wait = limiter.hit(ip);
      if (wait > 0)
        return fail(
          429,
          issue(
            'username',
            'signin_throttled',
            `too many sign-in attempts from this computer; try again in ${wait} s`,
            {
              seconds: wait,
            },
          ),
          null,
          wait,
        );
      const account = await store.accounts.byUsername(username);
      if (!account) {
        decoy ??= hashPassword('not a real password', config.passwordCost);
        await verifyPassword(password, await decoy);
        return fail(401, wrong, null);
      }
      const lockedFor = account.lockedUntil ? Date.parse(account.lockedUntil) - now() : 0;
      if (lockedFor > 0) {
        const s = Math.ceil(lockedFor / 1000);
        const minutes = Math.ceil(s / 60);
        return fail(
          429,
          issue(
            'username',
            'account_locked',
            `this account is locked after ${config.lockAfter} failed sign-ins; try again in ${minutes} min`,
            { attempts: config.lockAfter, minutes },
          ),
          account.id,
          s,
        );
      }
      if (!(await verifyPassword(password, account.passwordHash))) {
        const lock =
          account.failedLogins + 1 >= config.lockAfter ? new Date(now() + config.lockMs).toISOString() : null;
        await store.write((w) => w.accounts.failedLogin(account.id, lock));
        return fail(401, wrong, account.id);
      }
      if (account.disabled) return fail(401, disabled, account.id);
      await store.write((w) => w.accounts.goodLogin(account.id));
      const principal = await principalOfAccount(account.id);
      if (!principal) return fail(401, disabled, account.id);
      const { token, expiresAt } = await sessions.create('account', account.id);
      return { ok: true, token, expiresAt, principal };
    },

    /** A kiosk token (from the wall screen's link) becomes a kiosk session; null when unknown or revoked. */
    async kioskLogin(token: string, ip: string): Promise<LoginOutcome> {
      const wait = limiter.hit(ip);
      if (wait > 0)
        return fail(
          429,
          issue('token', 'signin_throttled', `too many attempts from this computer; try again in ${wait} s`, {
            seconds: wait,
          }),
          null,
          wait,
        );
      const t = await store.kiosk.byHash(tokenHash(token));
      const playlist = t && !t.revokedAt ? await store.playlists.get(t.playlist) : null;
      if (!t || !playlist)
        return fail(
          401,
          issue(
            'token',
            'kiosk_link_invalid',
            'this wall-screen link is not valid (revoked, or its playlist was deleted)',
          ),
          null,
        );
      const session = await sessions.create('kiosk', t.id);
      return { ok: true, ...session, principal: kioskPrincipal(t, playlist) };
    },

    /** The principal behind a session token, or null (no session, expired, account disabled, token revoked). */
    async principalOf(token: string): Promise<Principal | null> {
      const s = sessions.resolve(token);
      if (!s) return null;
      if (s.kind === 'account') return principalOfAccount(s.subject);
      const t = await store.kiosk.get(s.subject);
      const playlist = t && !t.revokedAt ? await store.playlists.get(t.playlist) : null;
      return t && playlist ? kioskPrincipal(t, playlist) : null;
    },

    logout: (token: string) => sessions.revoke(token),
    /** Ends every session of an account: sign-out everywhere, a reset password, a disabled account. */
    async logoutEverywhere(accountId: number): Promise<number> {
      cache.delete(accountId);
      return sessions.revokeAll('account', accountId);
    },
    endKiosk: (tokenId: number) => sessions.revokeAll('kiosk', tokenId),
    /** Drops the cached principal of an account whose role, area or state changed. */
    forget: (accountId: number) => void cache.delete(accountId),
    /** Drops every cached principal (inspector territories changed). */
    forgetAll: () => cache.clear(),

    async changePassword(accountId: number, current: string, next: string): Promise<boolean> {
      const a = await store.accounts.get(accountId);
      const secret = a && (await store.accounts.byUsername(a.username));
      if (!secret || !(await verifyPassword(current, secret.passwordHash))) return false;
      const hash = await hashPassword(next, config.passwordCost);
      await store.write((w) => w.accounts.setPassword(accountId, hash, { accountId, username: a.username }));
      return true;
    },
  };
}
