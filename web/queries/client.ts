// The one way the web loads server data: react-query over the typed client. One QueryClient with the app's defaults
// (provided at both roots in main.tsx), `getQuery` that makes a GET of the typed client into query options keyed by
// its request (path + query), and `ok` that turns a refused request into a readable error.
import { keepPreviousData, QueryCache, QueryClient, queryOptions, skipToken } from '@tanstack/react-query';

/** A refused request: its HTTP status and the server's issues, read as one sentence in `message`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** The key of who is signed in (web/queries/session.ts): any answer 401 means the session ended, so it is asked again. */
export const SESSION_KEY = ['session'] as const;

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (err instanceof ApiError && err.status === 401 && query.queryKey[0] !== SESSION_KEY[0])
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  }),
  defaultOptions: {
    queries: {
      // The records, boundaries and figures of a running server never change (databases are built offline), so an
      // answer stays good for the page's life; plans and playlists, which users change, say otherwise (plans.ts).
      staleTime: Infinity,
      // A refused request (a 400 with its issues) is an answer, shown as it is; asking again would get the same. The
      // wall screen recovers from an outage by its own refresh interval (briefing.ts).
      retry: false,
      // What is on screen changes only when the user changes the request, never because a tab regained focus.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/** Mutable data (plans, playlists): refetched whenever a component mounts, and after our own writes (invalidation). */
export const CHANGING = { staleTime: 0 } as const;

export interface Init {
  init: { signal: AbortSignal };
}

/**
 * Query options for one GET of the typed client: keyed by the request's path and query (equal requests share one
 * cache entry and one fetch), disabled while `query` is null, and keeping the last data on screen while the next
 * key loads. `load` gets the query and the abort signal to pass to the client.
 * @example useQuery(getQuery(api.api.metrics.$path(), rangeQuery(range), async (query, init) => ok(await api.api.metrics.$get({ query }, init), (r) => r.json())))
 */
export function getQuery<Q extends object, T>(
  path: string,
  query: Q | null,
  load: (query: Q, init: Init) => Promise<T>,
) {
  return queryOptions({
    queryKey: [path, query] as const,
    queryFn: query === null ? skipToken : ({ signal }) => load(query, { init: { signal } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Query options for data every page needs that never changes while a server runs (/api/meta, /api/boundaries, mahalla
 * polygons): fetched once per page load and kept, even while no component shows it (the wall screen asks on each
 * refresh). Never aborted: a request once started is always worth finishing, and so React's trial unmount in
 * StrictMode does not make it twice.
 */
export function staticQuery<Q extends object, T>(path: string, query: Q, load: (query: Q) => Promise<T>) {
  return queryOptions({
    queryKey: [path, query] as const,
    queryFn: () => load(query),
    staleTime: Infinity,
    gcTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/**
 * The path of one resource of an `/:id` route, e.g. `idPath(api.api.inspectors[':id'], 412)` = `/api/inspectors/412`.
 * hc's `$path` types also demand the route's required query, which a query key carries on its own beside the path.
 */
export function idPath(route: { $path: (...args: never[]) => string }, id: number): string {
  return (route.$path as (args: { param: { id: string } }) => string)({ param: { id: String(id) } });
}

/**
 * The success variant of a typed response, parsed; non-2xx responses throw a readable error built from the
 * server's `{ issues: [{ field, reason }] }` body (an ApiError keeping the status and body). Hono's `ok` is `true` only
 * on success variants, so it narrows.
 */
export async function ok<R extends { ok: boolean; status: number; statusText: string; json(): Promise<unknown> }, T>(
  res: R,
  parse: (r: Extract<R, { ok: true }>) => Promise<T>,
): Promise<T> {
  if (res.ok) return parse(res as Extract<R, { ok: true }>);
  let detail = res.statusText;
  let body: unknown = null;
  try {
    body = await res.json();
    detail =
      (body as { issues?: Array<{ field: string; reason: string }> }).issues
        ?.map((i) => `${i.field}: ${i.reason}`)
        .join('; ') ?? detail;
  } catch {
    // not JSON: keep the status text
  }
  throw new ApiError(res.status, `${res.status} ${detail}`, body);
}
