// The API answers a page asks for before anything else, which the server preloads with the page (server/static.ts,
// server/http/first-requests.ts) and the web reads before it first renders (web/queries/first-answers.ts). One list for
// both ends: a path here that the web did not know how to read would be fetched and then fetched again.

/** Every page starts from who is signed in and /api/meta (web/queries/session.ts asks for both at once). */
export const EVERY_PAGE = ['/api/auth/me', '/api/meta'] as const;

/**
 * The hot-spot map, the page a sign-in opens: its map's boundaries and tile URLs (web/map/BaseMap.tsx) and the mahalla
 * index its figures are joined to (web/views/hotspots/HotspotsPage.tsx). Other pages ask for their own first.
 */
export const HOT_SPOT_MAP = ['/api/boundaries', '/api/tiles/mahallas.json', '/api/tiles/mahalla-index'] as const;

/** Any path the server may preload. */
export type FirstPath = (typeof EVERY_PAGE)[number] | (typeof HOT_SPOT_MAP)[number];
