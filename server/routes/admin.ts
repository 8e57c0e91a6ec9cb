// Administration: accounts (create, change role and area, disable, reset a password, sign out everywhere), kiosk
// tokens for wall screens, and the audit log (read with filters, export). Only the `accounts` capability.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  AccountCreateBody,
  AccountParam,
  AccountUpdateBody,
  KioskTokenBody,
  PasswordResetBody,
} from '../contract/access.ts';
import { Day } from '../contract/common.ts';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { actorOf } from '../auth/principal.ts';
import type { Account, Versioned } from '../store/types.ts';
import { auditCsv } from '../services/audit-export.ts';
import { ExportLang, exportLangRefusal } from '../services/export/records-file.ts';
import type { RouteDeps } from './deps.ts';
import { jsonBody, validate } from './validate.ts';
import { notFound, staleIssue } from './refusals.ts';
import { issue, type ApiIssue } from '../contract/issues.ts';

const stale = (current: Versioned) => ({
  error: 'conflict' as const,
  issues: [
    staleIssue(
      current,
      `changed by ${current.updatedBy} at ${current.updatedAt} (now version ${current.version}); reload and apply your change again`,
    ),
  ],
  current,
});

export const AuditQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  username: z.string().max(80).optional(),
  action: z
    .string()
    .max(80)
    .regex(/^[a-z0-9._]*$/, 'must be an action name such as plans. or auth.login')
    .optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a page number from 1')
    .transform(Number)
    .default(1),
});

/** An account as the admin page shows it (no hash). */
const shown = (a: Account) => a;

export const adminRoutes = ({ db, store, auth }: RouteDeps) =>
  new Hono<AppEnv>()
    .use('/admin/*', can('accounts'))
    .get('/admin/users', async (c) => c.json((await store.accounts.list()).map(shown), 200))
    .post('/admin/users', jsonBody, validate('json', AccountCreateBody), async (c) => {
      const { password, ...a } = c.req.valid('json');
      if (await store.accounts.byUsername(a.username)) {
        return c.json(
          { error: 'conflict' as const, issues: [issue('username', 'name_taken', 'is taken')], current: null },
          409,
        );
      }
      const issues = await checkBinding(db, a);
      if (issues.length > 0) return c.json({ error: 'invalid_request' as const, issues }, 400);
      const hash = await auth.hash(password);
      return c.json(
        shown(await store.write((w) => w.accounts.create({ ...a, passwordHash: hash }, actorOf(principal(c))))),
        201,
      );
    })
    .put(
      '/admin/users/:id',
      validate('param', AccountParam),
      jsonBody,
      validate('json', AccountUpdateBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const { version, ...f } = c.req.valid('json');
        const issues = await checkBinding(db, f);
        if (issues.length > 0) return c.json({ error: 'invalid_request' as const, issues }, 400);
        const me = principal(c);
        if (me.kind === 'account' && me.id === id && (f.disabled || f.role !== 'admin')) {
          return c.json(
            {
              error: 'invalid_request' as const,
              issues: [
                issue('role', 'own_admin_role', 'you cannot take your own administrator role away or disable yourself'),
              ],
            },
            400,
          );
        }
        const out = await store.write((w) => w.accounts.update(id, version, f, actorOf(me)));
        if (out.status === 'missing') return c.json(notFound('account'), 404);
        if (out.status === 'stale') return c.json(stale(out.current), 409);
        auth.forget(id);
        if (f.disabled) await auth.logoutEverywhere(id);
        return c.json(shown(out.value), 200);
      },
    )
    .post(
      '/admin/users/:id/password',
      validate('param', AccountParam),
      jsonBody,
      validate('json', PasswordResetBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const hash = await auth.hash(c.req.valid('json').password);
        if (!(await store.write((w) => w.accounts.setPassword(id, hash, actorOf(principal(c))))))
          return c.json(notFound('account'), 404);
        // A reset password ends the sessions opened with the old one.
        await auth.logoutEverywhere(id);
        return c.json({ reset: true }, 200);
      },
    )
    .delete('/admin/users/:id/sessions', validate('param', AccountParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.accounts.get(id))) return c.json(notFound('account'), 404);
      return c.json({ signedOut: await auth.logoutEverywhere(id) }, 200);
    })
    .get('/admin/kiosk-tokens', async (c) =>
      c.json(
        (await store.kiosk.list()).map(({ tokenHash: _h, ...t }) => t),
        200,
      ),
    )
    .post('/admin/kiosk-tokens', jsonBody, validate('json', KioskTokenBody), async (c) => {
      const { name, playlist } = c.req.valid('json');
      if (!(await store.playlists.get(playlist)))
        return c.json(
          {
            error: 'invalid_request' as const,
            issues: [issue('playlist', 'not_found', 'no playlist has this id', { what: 'playlist' })],
          },
          400,
        );
      const token = newToken();
      const made = await store.write((w) =>
        w.kiosk.create({ name, playlist, tokenHash: tokenHash(token) }, actorOf(principal(c))),
      );
      const { tokenHash: _h, ...t } = made;
      // The token is shown once, inside the wall screen's link; only its hash is kept.
      return c.json({ ...t, token, link: `/briefing?kiosk=${token}` }, 201);
    })
    .delete('/admin/kiosk-tokens/:id', validate('param', AccountParam), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.write((w) => w.kiosk.revoke(id, actorOf(principal(c))))))
        return c.json(notFound('kiosk', 'id', 'no active kiosk token has this id'), 404);
      await auth.endKiosk(id);
      return c.json({ revoked: id }, 200);
    })
    .get('/admin/audit', validate('query', AuditQuery), async (c) => {
      const q = c.req.valid('query');
      const pageSize = 100;
      const { rows, total } = await store.audit.query({ ...q, limit: pageSize, offset: (q.page - 1) * pageSize });
      return c.json({ rows, total, page: q.page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) }, 200);
    })
    .get('/admin/audit.csv', validate('query', AuditQuery), async (c) => {
      const q = c.req.valid('query');
      const lang = ExportLang.safeParse(c.req.query('lang'));
      if (!lang.success) return c.json(exportLangRefusal, 400);
      const { rows } = await store.audit.query({ ...q, limit: 100_000, offset: 0 });
      return c.body(auditCsv(rows, lang.data), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="hamkor-audit-${q.from ?? 'start'}-${q.to ?? new Date().toISOString().slice(0, 10)}.csv"`,
      });
    });

/** What zod cannot know: the region, district or inspector an account is bound to exists. */
async function checkBinding(
  db: RouteDeps['db'],
  a: { region: string | null; district: string | null; inspector: number | null },
) {
  const issues: ApiIssue[] = [];
  const exists = async (sql: string, v: string | number) => ((await db.all<{ n: number }>(sql, { v }))[0]?.n ?? 0) > 0;
  if (a.region !== null && !(await exists('SELECT count(*)::INTEGER AS n FROM regions WHERE soato = $v', a.region)))
    issues.push(issue('region', 'not_found', 'no region has this code', { what: 'region' }));
  if (
    a.district !== null &&
    !(await exists('SELECT count(*)::INTEGER AS n FROM districts WHERE soato = $v', a.district))
  )
    issues.push(issue('district', 'not_found', 'no district has this code', { what: 'district' }));
  if (
    a.inspector !== null &&
    !(await exists('SELECT count(*)::INTEGER AS n FROM inspectors WHERE id = $v', a.inspector))
  )
    issues.push(issue('inspector', 'not_found', 'no inspector has this id', { what: 'inspector' }));
  return issues;
}
