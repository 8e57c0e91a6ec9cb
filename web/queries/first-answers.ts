// The answers a page asks for first (server/contract/first-requests.ts), read into the query cache before the app's
// first render (web/main.tsx): the boot script has asked for them while the app's code loaded (web/early-answers.ts),
// so the first render already has the session, /api/meta and, on the hot-spot map, what its map is made from. Rendered
// without them, the shell went through a render pass per answer, each after the last one's work, before the map could
// be made (≈ 0.4 s of the national first screen, issue 15).
import type { FirstPath } from '../../server/contract/first-requests.ts';
import { queryClient } from './client.ts';
import { boundariesQuery, mahallaIndexQuery, tileJsonQuery } from './mahallas.ts';
import { metaQuery } from './meta.ts';
import { sessionQuery } from './session.ts';

/** How each preloaded path is read into the cache: the same query options the hooks use, so they find the answer. */
const READ: Record<FirstPath, () => Promise<void>> = {
  '/api/auth/me': () => queryClient.prefetchQuery(sessionQuery),
  '/api/meta': () => queryClient.prefetchQuery(metaQuery),
  '/api/boundaries': () => queryClient.prefetchQuery(boundariesQuery),
  '/api/tiles/mahallas.json': () => queryClient.prefetchQuery(tileJsonQuery),
  '/api/tiles/mahalla-index': () => queryClient.prefetchQuery(mahallaIndexQuery),
};

const isFirstPath = (path: string): path is FirstPath => Object.hasOwn(READ, path);

/**
 * Reads the answers for `paths` into the query cache; resolves when all are in (a refused one is kept as that query's
 * error, as a hook's own fetch would).
 * @example await readFirstAnswers(earlyPaths())
 */
export async function readFirstAnswers(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.filter(isFirstPath).map((p) => READ[p]()));
}
