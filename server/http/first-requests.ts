// The API answers a page of the app asks for before anything else, preloaded with the page itself (server/static.ts):
// the browser fetches them while it compiles ≈ 3 MB of scripts instead of one after another once the app runs
// (who is signed in → /api/meta → boundaries and tiles: three round trips on the national first screen, issue 15).
import type { Context } from 'hono';
import type { Auth } from '../auth/auth.ts';
import { principalOfRequest } from '../auth/middleware.ts';
import { EVERY_PAGE, HOT_SPOT_MAP } from '../contract/first-requests.ts';

/**
 * What to preload with the page at `path`, for the session of the request: nothing signed out or with an ended
 * session (the page shows the sign-in form, and every answer would be a 401 logged in the console), else what the page
 * asks for first, exactly as the web's client writes it. The page is outside /api, whose middleware (`authenticate`)
 * reads the session for every other request, so it is read here the same way.
 * @example await firstRequests(auth)('/', c) // ['/api/auth/me', '/api/meta', '/api/boundaries', …] when signed in
 */
export const firstRequests =
  (auth: Auth) =>
  async (path: string, c: Context): Promise<readonly string[]> => {
    // A session that cannot be read now only costs the preloads: the page itself must never fail for them.
    const principal = await auth.ready.then(() => principalOfRequest(auth, c)).catch(() => null);
    if (!principal) return [];
    return path === '/' ? [...EVERY_PAGE, ...HOT_SPOT_MAP] : EVERY_PAGE;
  };
