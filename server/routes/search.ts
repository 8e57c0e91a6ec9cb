// The header's search: mahallas, districts, inspectors and base points by name or code, within the asker's area.
import { Hono } from 'hono';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { SearchQuery, type SearchResult } from '../contract/search.ts';
import { searchNames, type SearchView } from '../services/search.ts';
import type { RouteDeps } from './deps.ts';
import { areaOf } from './selection.ts';
import { validate } from './validate.ts';

export const searchRoutes = ({ db }: RouteDeps) =>
  new Hono<AppEnv>().get('/search', can('read'), validate('query', SearchQuery), async (c) => {
    const { q, limit } = c.req.valid('query');
    const p = principal(c);
    const { area, districts } = await areaOf(c, db, undefined);
    const view: SearchView = {
      districts: districts === null ? null : new Set(districts),
      mahallas: area.kind === 'mahallas' ? new Set(area.ids) : null,
      inspectors: !p.capabilities.has('persons')
        ? 'none'
        : p.role === 'inspector'
          ? (p.binding.inspector ?? 'none')
          : 'all',
    };
    const body: SearchResult = { hits: await searchNames(db, q, limit, view) };
    return c.json(body, 200);
  });
