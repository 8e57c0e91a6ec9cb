// Request checks and response headers for every request: the Host must be one we serve (DNS rebinding), a
// cross-site Origin is refused (CSRF; the session cookie is SameSite=Strict as well), and every response carries
// the security headers; API answers are never stored unless they say how (data: revalidated by ETag, server/http/wire.ts).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { issue, type CodedIssue } from '../contract/issues.ts';

export interface HostRules {
  /** host names (no port) this server answers to */
  hosts: readonly string[];
  /** honour X-Forwarded-Host/Proto from a TLS proxy in front */
  trustProxy: boolean;
}

// Nothing may load from outside the app's origin (air-gapped police networks); the browser enforces it too.
export const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The host name a Host (or Origin) header names, lower case, without port or brackets' contents changed. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

/** The host name of an Origin header ('null' from sandboxed pages, 'malformed' when it is not a URL). */
function originHost(origin: string): string {
  if (origin === 'null') return 'null';
  try {
    return hostName(new URL(origin).host);
  } catch {
    return 'malformed';
  }
}

const refuse = (c: Context, status: 403 | 421, i: CodedIssue) =>
  c.json({ error: 'forbidden' as const, issues: [i] }, status);

export const checkHostAndOrigin = (rules: HostRules) => {
  const allowed = new Set(rules.hosts.map(hostName));
  return createMiddleware(async (c, next) => {
    const host =
      (rules.trustProxy ? c.req.header('x-forwarded-host') : undefined) ??
      c.req.header('host') ??
      new URL(c.req.url).host;
    if (!allowed.has(hostName(host))) {
      const name = hostName(host);
      const why = `this server does not answer to "${name}"; set HAMKOR_HOSTS to the names it is reached by`;
      return refuse(c, 421, issue('host', 'host_refused', why, { host: name }));
    }
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const name = originHost(origin);
      if (!allowed.has(name))
        return refuse(c, 403, issue('origin', 'cross_site', `requests from pages of "${name}" are refused`));
    } else if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('sec-fetch-site') === 'cross-site') {
      return refuse(c, 403, issue('origin', 'cross_site', 'cross-site requests are refused'));
    }
    await next();
    return undefined;
  });
};

/** Security headers on every response (API, pages, assets, errors); API answers are not stored unless they say so. */
export const securityHeaders = (tls: (c: Context) => boolean) =>
  createMiddleware(async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('content-security-policy', CSP);
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'no-referrer');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', 'same-origin');
    if (tls(c)) h.set('strict-transport-security', 'max-age=31536000');
    if (c.req.path.startsWith('/api/') && !h.has('cache-control')) h.set('cache-control', 'no-store');
  });
