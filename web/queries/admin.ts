// Administration (the `accounts` capability): accounts, wall-screen (kiosk) links and the audit log. Lists are
// mutable data (CHANGING); each write refreshes the list it changes. A stale account edit (409) refreshes the list too,
// so the page can show what the other person saved.
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { AccountCreateInput, AccountUpdateInput } from '../../server/contract/access.ts';
import type { ApiIssue } from '../../server/contract/issues.ts';
import { api, type Api } from '../api.ts';
import { ApiError, CHANGING, getQuery, ok } from './client.ts';

const admin = api.api.admin;
const user = admin.users[':id'];
const kiosk = admin['kiosk-tokens'];

export type Account = InferResponseType<Api['api']['admin']['users']['$get'], 200>[number];
export type KioskToken = InferResponseType<Api['api']['admin']['kiosk-tokens']['$get'], 200>[number];
/** A new kiosk token as created: the only answer that carries the token and its link. */
export type NewKioskToken = InferResponseType<Api['api']['admin']['kiosk-tokens']['$post'], 201>;
export type AuditPage = InferResponseType<Api['api']['admin']['audit']['$get'], 200>;
export type AuditRow = AuditPage['rows'][number];

/** The audit log's filters as the form holds them: empty strings are "no filter". */
export interface AuditFilter {
  from: string;
  to: string;
  username: string;
  action: string;
}

/** Only the filters that are set, as the query of /api/admin/audit and its CSV. */
function auditQuery(f: AuditFilter): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of ['from', 'to', 'username', 'action'] as const) {
    const v = f[k].trim();
    if (v) q[k] = k === 'username' ? v.toLowerCase() : v;
  }
  return q;
}

const usersQuery = {
  ...getQuery(admin.users.$path(), {}, async (_q, init) =>
    ok(await admin.users.$get(undefined, init), (r) => r.json()),
  ),
  ...CHANGING,
};
const kioskQuery = {
  ...getQuery(kiosk.$path(), {}, async (_q, init) => ok(await kiosk.$get(undefined, init), (r) => r.json())),
  ...CHANGING,
};

/** Every account, in the store's order. */
export function useAccounts() {
  return useQuery(usersQuery);
}

/** A write that refreshes `key` when done (and, with `alsoOnConflict`, when refused as stale). */
function useWrite<A, R>(key: QueryKey, write: (args: A) => Promise<R>, alsoOnConflict = false) {
  const client = useQueryClient();
  const refresh = (): Promise<void> => client.invalidateQueries({ queryKey: key, exact: true });
  return useMutation({
    mutationFn: write,
    // Returned, so the write counts as done (and says "Saved") only once the lists show it.
    onSuccess: refresh,
    onError: (err) => {
      if (alsoOnConflict && err instanceof ApiError && err.status === 409) void refresh();
    },
  });
}

export function useCreateAccount() {
  return useWrite(usersQuery.queryKey, async (input: AccountCreateInput) =>
    ok(await admin.users.$post({ json: input }), (r) => r.json()),
  );
}

/**
 * Changes an account as read at `version`; a change by someone else in between is refused (409, naming who and when)
 * and the list is read again.
 */
export function useUpdateAccount() {
  return useWrite(
    usersQuery.queryKey,
    async ({ id, input }: { id: number; input: AccountUpdateInput }) =>
      ok(await user.$put({ param: { id: String(id) }, json: input }), (r) => r.json()),
    true,
  );
}

/** Sets a new password (which also ends the account's sessions); the list shows the change's author and time. */
export function useResetPassword() {
  return useWrite(usersQuery.queryKey, async ({ id, password }: { id: number; password: string }) =>
    ok(await user.password.$post({ param: { id: String(id) }, json: { password } }), (r) => r.json()),
  );
}

/** Ends every session of an account; resolves to how many there were. */
export function useEndSessions() {
  return useMutation({
    mutationFn: async (id: number) => ok(await user.sessions.$delete({ param: { id: String(id) } }), (r) => r.json()),
  });
}

/** Every kiosk token, revoked ones included (never the token itself). */
export function useKioskTokens() {
  return useQuery(kioskQuery);
}

export function useCreateKioskToken() {
  return useWrite(kioskQuery.queryKey, async (input: { name: string; playlist: number }) =>
    ok(await kiosk.$post({ json: input }), (r) => r.json()),
  );
}

export function useRevokeKioskToken() {
  return useWrite(kioskQuery.queryKey, async (id: number) =>
    ok(await kiosk[':id'].$delete({ param: { id: String(id) } }), (r) => r.json()),
  );
}

/** One page (100 rows, newest first) of the audit log under the filters; refetched whenever it is shown again. */
export function useAudit(filter: AuditFilter, page: number) {
  const query = { ...auditQuery(filter), page: String(page) };
  return useQuery({
    ...getQuery(admin.audit.$path(), query, async (q, init) =>
      ok(await admin.audit.$get({ query: q }, init), (r) => r.json()),
    ),
    ...CHANGING,
  });
}

/** A plain same-origin link to the CSV of every audit row under the filters, in `lang` (the browser downloads it). */
export function auditCsvUrl(filter: AuditFilter, lang: string): string {
  return `/api/admin/audit.csv?${new URLSearchParams({ ...auditQuery(filter), lang }).toString()}`;
}

/**
 * The server's issues of a refused request, each said by `say` (in the reader's language: web/i18n/api-error.ts), by
 * the field they name (`form` for an error that names none).
 */
export function issuesOf(err: unknown, say: (i: ApiIssue) => string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof Error)) return out;
  const issues = err instanceof ApiError ? (err.body as { issues?: ApiIssue[] } | null)?.issues : undefined;
  if (!issues || issues.length === 0) return { form: err.message };
  for (const i of issues) out[i.field] = out[i.field] ? `${out[i.field]}; ${say(i)}` : say(i);
  return out;
}
