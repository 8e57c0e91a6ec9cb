// Who is signed in (GET /api/auth/me), and signing in and out. Everything else the web shows depends on the session,
// so signing in or out clears every cached answer: nothing one person saw stays for the next.
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { Capability } from '../../server/contract/access.ts';
import { api, type Api } from '../api.ts';
import { ApiError, ok, queryClient, SESSION_KEY } from './client.ts';
import { metaQuery } from './meta.ts';

export type Session = InferResponseType<Api['api']['auth']['me']['$get'], 200>;

/** The signed-in principal; null when nobody is (401), so the sign-in page shows. */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async () => {
    try {
      const me = await ok(await api.api.auth.me.$get(), (r) => r.json());
      // Every page starts from /api/meta (the map's frame, the first numbers' period): asked with the session, not
      // after the page has rendered around it (≈ 0.1 s later on the national first screen, issue 15).
      void queryClient.prefetchQuery(metaQuery);
      return me;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: Infinity,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Whether the session holds a capability (the server checks it anyway: this only hides what would be refused). */
export const can = (s: Session | null | undefined, c: Capability): boolean =>
  (s?.capabilities as readonly string[] | undefined)?.includes(c) ?? false;

/**
 * Forgets every answer but the session's, then sets who is signed in now. The session's own entry is kept, not
 * cleared with the rest: the shell's useSession observes that entry, and after a clear() it would keep watching the
 * removed one and never show the change (the app stayed on the sign-in page after a good sign-in).
 */
const fresh = (me: Session | null): void => {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, me);
};

export function useSignIn() {
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) =>
      ok(await api.api.auth.login.$post({ json: input }), (r) => r.json()),
    onSuccess: fresh,
  });
}

/** A wall screen's link carries a kiosk token: exchanged once for a kiosk session. */
export async function kioskSignIn(token: string): Promise<Session> {
  const me = await ok(await api.api.auth.kiosk.$post({ json: { token } }), (r) => r.json());
  fresh(me);
  return me;
}

export function useSignOut() {
  return useMutation({
    mutationFn: async (everywhere: boolean) =>
      ok(await (everywhere ? api.api.auth['logout-everywhere'].$post() : api.api.auth.logout.$post()), (r) => r.json()),
    onSettled: () => fresh(null),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (input: { current: string; next: string }) =>
      ok(await api.api.auth.password.$post({ json: input }), (r) => r.json()),
  });
}
