// The audit trail of requests: every write, every export and every view of exact locations or of a person's record
// is appended (user, time, area, parameters, outcome) once the answer is known. Sign-ins record themselves
// (server/routes/auth.ts), since they must never log a password.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../auth/middleware.ts';
import type { AuditEntry, UserStore } from '../store/types.ts';

/** The client address: the proxy's X-Forwarded-For when trusted, else the socket's (empty in-process, in tests). */
export function clientIp(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
}

/** Body fields never written to the log. */
const SECRET = /password|token|current|next/i;
const MAX_PARAMS = 2000;

/** The request's path parameters, query and (for writes) JSON body without secrets, as JSON text. */
async function paramsOf(c: Context): Promise<string> {
  const out: Record<string, unknown> = { ...c.req.param(), ...c.req.query() };
  if (c.req.method !== 'GET' && /json/.test(c.req.header('content-type') ?? '')) {
    try {
      const body: unknown = await c.req.json();
      if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (!SECRET.test(k)) out[k] = v;
    } catch {
      // not JSON: the write was refused before it did anything
    }
  }
  const text = JSON.stringify(out);
  return text.length > MAX_PARAMS ? `${text.slice(0, MAX_PARAMS)}…` : text;
}

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * A readable name of a route and method: the route's literal segments and a verb, or the literal after an id for
 * an action on one object.
 * @example actionOf('PUT', '/api/plans/:id') // 'plans.update'; actionOf('POST', '/api/plans/:id/copy') // 'plans.copy'
 */
export function actionOf(method: string, routePath: string): string {
  const segs = routePath
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean);
  const names = segs.filter((s) => !s.startsWith(':'));
  const onOne = segs.length >= 2 && !segs.at(-1)?.startsWith(':') && segs.at(-2)?.startsWith(':');
  return onOne && method === 'POST' ? names.join('.') : [...names, VERBS[method] ?? 'view'].join('.');
}

/** An audit row about this request, by its principal, with its selection's area. */
export async function entry(
  c: Context<AppEnv>,
  action: string,
  status: number,
  trustProxy: boolean,
): Promise<AuditEntry> {
  const p = c.get('principal');
  const area = c.get('area');
  return {
    at: new Date().toISOString(),
    accountId: p?.kind === 'account' ? p.id : null,
    username: p?.username ?? '',
    role: p?.role ?? '',
    action,
    area: area ? JSON.stringify(area) : 'all',
    params: await paramsOf(c),
    status,
    ip: clientIp(c, trustProxy),
  };
}

/** Records every write under /api (except sign-in and sign-out, which record themselves) once it is answered. */
export const auditWrites = (store: UserStore, trustProxy: boolean) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (
      c.req.method === 'GET' ||
      c.req.method === 'HEAD' ||
      c.req.method === 'OPTIONS' ||
      c.req.path.startsWith('/api/auth/')
    )
      return;
    await store.audit.append(await entry(c, actionOf(c.req.method, c.req.routePath), c.res.status, trustProxy));
  });

/** Records a view or export (`action`) when it is answered, if `when` says this request shows what must be logged. */
export const audited = (
  store: UserStore,
  action: string,
  trustProxy: boolean,
  when: (c: Context<AppEnv>) => boolean = () => true,
) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (when(c)) await store.audit.append(await entry(c, action, c.res.status, trustProxy));
  });
