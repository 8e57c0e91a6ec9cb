// Sign-in and sign-out: local accounts and kiosk links, the signed-in principal, a person's own password.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { KioskLoginBody, LoginBody, PasswordChangeBody } from '../contract/access.ts';
import { issue } from '../contract/issues.ts';
import {
  clearSessionCookie,
  overTls,
  principal,
  setSessionCookie,
  signedIn,
  SESSION_COOKIE,
  type AppEnv,
} from '../auth/middleware.ts';
import type { Principal } from '../auth/principal.ts';
import { clientIp, entry } from '../http/audit.ts';
import type { RouteDeps } from './deps.ts';
import { jsonBody, validate } from './validate.ts';

/** What the web app needs to know about who is signed in. */
export const me = (p: Principal) => ({
  kind: p.kind,
  id: p.id,
  username: p.username,
  displayName: p.displayName,
  role: p.role,
  capabilities: [...p.capabilities].sort(),
  scope: p.scope,
  binding: p.binding,
  playlist: p.playlist,
});

export const authRoutes = ({ auth, store, http }: RouteDeps) => {
  const log = async (c: Parameters<typeof entry>[0], action: string, status: number) =>
    store.audit.append(await entry(c, action, status, http.trustProxy));
  return new Hono<AppEnv>()
    .post('/auth/login', jsonBody, validate('json', LoginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const out = await auth.login(username, password, clientIp(c, http.trustProxy));
      if (!out.ok) {
        const row = await entry(
          c,
          out.status === 429 ? 'auth.login_refused' : 'auth.login_failed',
          out.status,
          http.trustProxy,
        );
        await store.audit.append({ ...row, username, accountId: out.accountId });
        if (out.retryAfterS) c.header('retry-after', String(out.retryAfterS));
        return c.json(
          {
            error: out.status === 429 ? ('throttled' as const) : ('unauthenticated' as const),
            issues: [issue(out.field, out.code, out.reason, out.params)],
          },
          out.status,
        );
      }
      c.set('principal', out.principal);
      setSessionCookie(c, out.token, out.expiresAt, overTls(c, http.trustProxy));
      await log(c, 'auth.login', 200);
      return c.json(me(out.principal), 200);
    })
    .post('/auth/kiosk', jsonBody, validate('json', KioskLoginBody), async (c) => {
      const out = await auth.kioskLogin(c.req.valid('json').token, clientIp(c, http.trustProxy));
      if (!out.ok) {
        await log(c, 'auth.kiosk_failed', out.status);
        return c.json(
          { error: 'unauthenticated' as const, issues: [issue(out.field, out.code, out.reason, out.params)] },
          out.status,
        );
      }
      c.set('principal', out.principal);
      setSessionCookie(c, out.token, out.expiresAt, overTls(c, http.trustProxy));
      await log(c, 'auth.kiosk', 200);
      return c.json(me(out.principal), 200);
    })
    .get('/auth/me', signedIn, (c) => c.json(me(principal(c)), 200))
    .post('/auth/logout', signedIn, async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await auth.logout(token);
      clearSessionCookie(c);
      await log(c, 'auth.logout', 200);
      return c.json({ signedOut: 1 }, 200);
    })
    .post('/auth/logout-everywhere', signedIn, async (c) => {
      const p = principal(c);
      const n = p.kind === 'account' ? await auth.logoutEverywhere(p.id) : await auth.endKiosk(p.id);
      clearSessionCookie(c);
      await log(c, 'auth.logout_everywhere', 200);
      return c.json({ signedOut: n }, 200);
    })
    .post('/auth/password', signedIn, jsonBody, validate('json', PasswordChangeBody), async (c) => {
      const p = principal(c);
      const { current, next } = c.req.valid('json');
      const changed = p.kind === 'account' && (await auth.changePassword(p.id, current, next));
      await log(c, 'auth.password', changed ? 200 : 400);
      if (!changed)
        return c.json(
          {
            error: 'invalid_request' as const,
            issues: [issue('current', 'wrong_current_password', 'is not your current password')],
          },
          400,
        );
      return c.json({ changed: true }, 200);
    });
};
