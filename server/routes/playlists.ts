// Wall-screen playlists: list, read, create, replace (naming the version read), delete. Playlists of the asker's area;
// a kiosk sees only its own. Bodies are validated with the shared contract; never a 500 for input.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { PlaylistDeleteQuery, PlaylistInput, PlaylistParam, PlaylistReplace } from '../contract/playlists.ts';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { actorOf, seesDistrict } from '../auth/principal.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { deletePlaylist, fields, toPlaylist } from '../services/playlists.ts';
import type { StoredPlaylist, Versioned } from '../store/types.ts';
import type { RouteDeps } from './deps.ts';
import { jsonBody, validate } from './validate.ts';
import { notFound, outside, staleIssue } from './refusals.ts';
import { issue } from '../contract/issues.ts';

const noPlaylist = notFound('playlist');
const stale = (current: Versioned) => ({
  error: 'conflict' as const,
  issues: [
    staleIssue(
      current,
      `changed by ${current.updatedBy} at ${current.updatedAt} (now version ${current.version}); reload to see their change, then apply yours again`,
    ),
  ],
  current: { version: current.version, updatedAt: current.updatedAt, updatedBy: current.updatedBy },
});

export const playlistRoutes = ({ db, store }: RouteDeps) => {
  /** Whether the asker may see a playlist: a kiosk only its own; others those of their area (null = whole area). */
  const sees = async (c: Context<AppEnv>, p: Pick<StoredPlaylist, 'id' | 'district'>): Promise<boolean> => {
    const who = principal(c);
    if (who.kind === 'kiosk') return who.playlist === p.id;
    const m = await mahallaColumns(db);
    return seesDistrict(who, p.district, (id) => m.district[m.index.get(id) ?? -1]);
  };
  const mayWrite = (c: Context<AppEnv>, district: string | null) => sees(c, { id: -1, district });
  return new Hono<AppEnv>()
    .get('/playlists', can('read', 'wall'), async (c) => {
      const all = await store.playlists.list();
      const mine = (await Promise.all(all.map(async (p) => ((await sees(c, p)) ? toPlaylist(p) : null)))).filter(
        (p) => p !== null,
      );
      return c.json({ playlists: mine }, 200);
    })
    .get('/playlists/:id', can('read', 'wall'), validate('param', PlaylistParam), async (c) => {
      const p = await store.playlists.get(c.req.valid('param').id);
      if (!p) return c.json(noPlaylist, 404);
      return (await sees(c, p)) ? c.json(toPlaylist(p), 200) : c.json(outside('id'), 403);
    })
    .post('/playlists', can('playlists.write'), jsonBody, validate('json', PlaylistInput), async (c) => {
      const f = fields(c.req.valid('json'));
      if (!(await mayWrite(c, f.district))) return c.json(outside('district'), 403);
      return c.json(toPlaylist(await store.write((w) => w.playlists.create(f, actorOf(principal(c))))), 201);
    })
    .put(
      '/playlists/:id',
      can('playlists.write'),
      validate('param', PlaylistParam),
      jsonBody,
      validate('json', PlaylistReplace),
      async (c) => {
        const { id } = c.req.valid('param');
        const { version, ...input } = c.req.valid('json');
        const f = fields(input);
        const current = await store.playlists.get(id);
        if (!current) return c.json(noPlaylist, 404);
        if (!(await sees(c, current)) || !(await mayWrite(c, f.district)))
          return c.json(outside((await sees(c, current)) ? 'district' : 'id'), 403);
        const out = await store.write((w) => w.playlists.replace(id, version, f, actorOf(principal(c))));
        if (out.status === 'missing') return c.json(noPlaylist, 404);
        if (out.status === 'stale') return c.json(stale(out.current), 409);
        return c.json(toPlaylist(out.value), 200);
      },
    )
    .delete(
      '/playlists/:id',
      can('playlists.write'),
      validate('param', PlaylistParam),
      validate('query', PlaylistDeleteQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        const current = await store.playlists.get(id);
        if (!current) return c.json(noPlaylist, 404);
        if (!(await sees(c, current))) return c.json(outside('id'), 403);
        const out = await deletePlaylist(store, id, c.req.valid('query').version ?? null, actorOf(principal(c)));
        if (out.status === 'missing') return c.json(noPlaylist, 404);
        if (out.status === 'stale') return c.json(stale(out.current), 409);
        if (out.status === 'last') {
          return c.json(
            {
              error: 'conflict' as const,
              issues: [issue('id', 'last_playlist', 'the last playlist cannot be deleted: the wall screen needs one')],
              current: null,
            },
            409,
          );
        }
        return c.json({ deleted: id }, 200);
      },
    );
};
