// Wall-screen playlists: CRUD under /playlists. Bodies are validated with the shared contract; never a 500 for input.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../db/database.ts';
import type { ValidationErrorBody } from '../contract/common.ts';
import { PlaylistInput, PlaylistParam } from '../contract/playlists.ts';
import { createPlaylist, deletePlaylist, getPlaylist, listPlaylists, replacePlaylist } from '../services/playlists.ts';
import { validate } from './validate.ts';

const notFound = { error: 'not_found' as const, issues: [{ field: 'id', reason: 'no playlist has this id' }] };

export const playlistRoutes = (db: Db) =>
  new Hono()
    .get('/playlists', async (c) => c.json({ playlists: await listPlaylists(db) }, 200))
    .get('/playlists/:id', validate('param', PlaylistParam), async (c) => {
      const p = await getPlaylist(db, c.req.valid('param').id);
      return p ? c.json(p, 200) : c.json(notFound, 404);
    })
    .post('/playlists', validate('json', PlaylistInput), async (c) => c.json(await createPlaylist(db, c.req.valid('json')), 201))
    .put('/playlists/:id', validate('param', PlaylistParam), validate('json', PlaylistInput), async (c) => {
      const p = await replacePlaylist(db, c.req.valid('param').id, c.req.valid('json'));
      return p ? c.json(p, 200) : c.json(notFound, 404);
    })
    .delete('/playlists/:id', validate('param', PlaylistParam), async (c) => {
      const id = c.req.valid('param').id;
      const done = await deletePlaylist(db, id);
      if (done === 'missing') return c.json(notFound, 404);
      if (done === 'last') {
        return c.json({ error: 'conflict' as const, issues: [{ field: 'id', reason: 'the last playlist cannot be deleted: the wall screen needs one' }] }, 409);
      }
      return c.json({ deleted: id }, 200);
    })
    // A body that is not JSON at all makes Hono's validator throw a 400 HTTPException; answer it like any bad input
    // (the app-wide handler would turn it into a 500).
    .onError((err, c) => {
      if (err instanceof HTTPException && err.status === 400) {
        const body: ValidationErrorBody = { error: 'invalid_request', issues: [{ field: 'body', reason: 'must be a JSON object' }] };
        return c.json(body, 400);
      }
      throw err;
    });
