// The request's principal, from its session cookie, and the guards routes put in front of their handlers: signed in
// (401 otherwise), and holding a capability (403 otherwise). Every route under /api except health and sign-in is
// behind `signedIn`; each declares its capability with `can(…)` (test/server/api/access.test.ts checks every route).
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Capability } from '../contract/access.ts';
import { issue } from '../contract/issues.ts';
import type { Area } from '../selection/area.ts';
import type { Auth } from './auth.ts';
import type { Principal } from './principal.ts';

export interface AppEnv {
  Variables: {
    /** null on the public routes (health, sign-in) and for requests without a valid session */
    principal: Principal | null;
    /** the area a request's selection covered, for its audit row */
    area: Area | null;
  };
}

export const SESSION_COOKIE = 'hamkor_session';

/** Whether the request reached us over TLS (directly, or through a trusted proxy that says so). */
export const overTls = (c: Context, trustProxy: boolean): boolean =>
  new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https');

/** Sets the session cookie: httpOnly, SameSite=Strict, Secure over TLS, ending with the session. */
export function setSessionCookie(c: Context, token: string, expiresAt: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    maxAge: Math.max(1, Math.min(400 * 86_400, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000))),
  });
}

export const clearSessionCookie = (c: Context): void => void deleteCookie(c, SESSION_COOKIE, { path: '/' });

/** The principal of the request's session cookie; null without a valid session. */
export const principalOfRequest = async (auth: Auth, c: Context): Promise<Principal | null> => {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? auth.principalOf(token) : null;
};

/** Reads the session cookie into `principal` (null without a valid session). */
export const authenticate = (auth: Auth) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('principal', await principalOfRequest(auth, c));
    c.set('area', null);
    await next();
  });

const sessionEnded = issue('session', 'session_ended', 'sign in first (or your session has ended)');

/** 401 unless signed in (a person or a kiosk). */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('principal')) return c.json({ error: 'unauthenticated' as const, issues: [sessionEnded] }, 401);
  await next();
  return undefined;
});

/** 403 unless the principal holds at least one of the capabilities. */
export const can = (...caps: Capability[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const p = c.get('principal');
    if (!p) return c.json({ error: 'unauthenticated' as const, issues: [sessionEnded] }, 401);
    if (!caps.some((k) => p.capabilities.has(k))) {
      return c.json(
        {
          error: 'forbidden' as const,
          issues: [issue('role', 'role_forbidden', `your role may not do this (needs ${caps.join(' or ')})`)],
        },
        403,
      );
    }
    await next();
    return undefined;
  });

/** The principal of a request behind `signedIn` (a programming error anywhere else). */
export function principal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new Error('principal() on a route without signedIn');
  return p;
}
