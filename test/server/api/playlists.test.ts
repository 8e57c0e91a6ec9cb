// /api/playlists over the fixture database: create, read, replace, delete, and every kind of bad input (never a 500).
// Every test writes or counts playlists, so each starts from a fresh fixture database.
import { describe, expect, it } from 'vitest';
import type { PlaylistInput } from '../../../server/contract/playlists.ts';
import { seedPlaylists } from '../../../server/services/playlists.ts';
import { bodyOf, errorBody, givenFixture, okBody, type Api, type Fixture } from '../../fixtures/api/fixture-app.ts';

const GOOD: PlaylistInput = {
  name: 'Mirobod morning',
  district: '1726273',
  period: '4w',
  slides: [
    { kind: 'title', dwellS: 10 },
    { kind: 'hotspots', dwellS: 30, caption: 'Hot spots' },
  ],
};

/** POSTs a playlist, which must be created (201); the stored playlist as the route types it. */
const create = async (api: Api, p: PlaylistInput) => bodyOf(await api.playlists.$post({ json: p }), 201);
const byId = (id: number | string) => ({ param: { id: String(id) } });
const deleting = (id: number | string) => ({ ...byId(id), query: {} });

/** A raw POST, for bodies that break the contract on purpose (`text` is sent as it is, not as JSON). */
async function postRaw(app: Fixture['app'], body: unknown, text?: string): Promise<Response> {
  return await app.request('/api/playlists', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: text ?? JSON.stringify(body),
  });
}

async function count(f: Fixture): Promise<number> {
  return (await okBody(await f.api.playlists.$get())).playlists.length;
}

describe('/api/playlists', () => {
  it('lists the seeded default playlist with its slides', async () => {
    const f = await givenFixture();
    await seedPlaylists(f.store);
    const body = await okBody(await f.api.playlists.$get());
    expect(body.playlists.map((p) => [p.name, p.district, p.period])).toEqual([['Morning briefing', null, '7d']]);
    expect(body.playlists[0]?.slides[0]).toEqual({ kind: 'title', dwellS: 12 });
  });

  it('creates a playlist and reads it back by id', async () => {
    const { api } = await givenFixture();
    const { id } = await create(api, GOOD);
    const body = await okBody(await api.playlists[':id'].$get(byId(id)));
    expect({ ...body, updatedAt: undefined }).toEqual({
      ...GOOD,
      id,
      version: 1,
      updatedBy: 'admin',
      updatedAt: undefined,
    });
    expect(body.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('fills in the whole area and the last 7 days when district and period are left out', async () => {
    const { api } = await givenFixture();
    const created = await create(api, { name: 'All', slides: [{ kind: 'title', dwellS: 5 }] });
    expect([created.district, created.period]).toEqual([null, '7d']);
  });

  it('replaces a playlist (reordered slides, new dwell) and 404s an unknown id', async () => {
    const { api } = await givenFixture();
    const { id } = await create(api, GOOD);
    const next: PlaylistInput = {
      ...GOOD,
      name: 'Reordered',
      slides: [
        { kind: 'top_mahallas', dwellS: 45 },
        { kind: 'title', dwellS: 8 },
      ],
    };
    const put = await api.playlists[':id'].$put({ ...byId(id), json: { ...next, version: 1 } });
    expect(put.status).toBe(200);
    expect((await okBody(await api.playlists[':id'].$get(byId(id)))).slides).toEqual(next.slides);
    expect((await api.playlists[':id'].$put({ ...byId(999), json: { ...next, version: 1 } })).status).toBe(404);
  });

  it('deletes a playlist but never the last one', async () => {
    const f = await givenFixture();
    const a = (await create(f.api, GOOD)).id;
    const b = (await create(f.api, GOOD)).id;
    expect((await f.api.playlists[':id'].$delete(deleting(a))).status).toBe(200);
    expect((await f.api.playlists[':id'].$delete(deleting(a))).status).toBe(404);
    const last = await f.api.playlists[':id'].$delete(deleting(b));
    expect(last.status).toBe(409);
    expect(await count(f)).toBe(1);
  });

  it('refuses a save based on an older version with 409, naming who saved since', async () => {
    const { api } = await givenFixture();
    const { id } = await create(api, GOOD);
    expect(
      (await api.playlists[':id'].$put({ ...byId(id), json: { ...GOOD, name: 'First', version: 1 } })).status,
    ).toBe(200);
    const late = await bodyOf(
      await api.playlists[':id'].$put({ ...byId(id), json: { ...GOOD, name: 'Second', version: 1 } }),
      409,
    );
    expect(late.issues[0]?.reason).toMatch(/^changed by admin at /);
    expect((await okBody(await api.playlists[':id'].$get(byId(id)))).name).toBe('First');
  });
});

describe('/api/playlists: bad input gets a 400 naming the field, and changes nothing', () => {
  const slide = GOOD.slides[0];
  // Raw bodies: they break the contract on purpose, so the typed client would not send them.
  const cases: Array<[string, unknown, string]> = [
    ['no name', { ...GOOD, name: undefined }, 'name'],
    ['blank name', { ...GOOD, name: '   ' }, 'name'],
    ['name too long', { ...GOOD, name: 'x'.repeat(81) }, 'name'],
    ['district not SOATO', { ...GOOD, district: '12ab' }, 'district'],
    ['period gibberish', { ...GOOD, period: 'last week' }, 'period'],
    ['period backwards', { ...GOOD, period: '2026-10-31..2026-10-01' }, 'period'],
    ['period too long', { ...GOOD, period: '400d' }, 'period'],
    ['no slides', { ...GOOD, slides: [] }, 'slides'],
    ['slides not a list', { ...GOOD, slides: 'title' }, 'slides'],
    ['31 slides', { ...GOOD, slides: Array.from({ length: 31 }, () => slide) }, 'slides'],
    ['unknown slide kind', { ...GOOD, slides: [{ kind: 'weather', dwellS: 10 }] }, 'slides.0.kind'],
    ['dwell too short', { ...GOOD, slides: [{ kind: 'title', dwellS: 1 }] }, 'slides.0.dwellS'],
    ['dwell too long', { ...GOOD, slides: [{ kind: 'title', dwellS: 601 }] }, 'slides.0.dwellS'],
    ['dwell fractional', { ...GOOD, slides: [{ kind: 'title', dwellS: 2.5 }] }, 'slides.0.dwellS'],
    ['dwell as text', { ...GOOD, slides: [{ kind: 'title', dwellS: '10' }] }, 'slides.0.dwellS'],
    ['unknown slide field', { ...GOOD, slides: [{ kind: 'title', dwellS: 10, colour: 'red' }] }, 'slides.0'],
    ['unknown top-level field', { ...GOOD, id: 7 }, 'json'],
    ['an array body', [GOOD], 'json'],
  ];

  it.each(cases)('POST with %s', async (_, body, field) => {
    const f = await givenFixture();
    const res = await postRaw(f.app, body);
    expect(res.status).toBe(400);
    const refusal = await errorBody(res);
    expect(refusal.error).toBe('invalid_request');
    expect(refusal.issues.map((i) => i.field)).toContain(field);
    expect(await count(f)).toBe(0);
  });

  it.each([
    ['malformed JSON', '{"name": "x", slides: ['],
    ['an empty body', ''],
  ])('POST with %s', async (_, raw) => {
    const f = await givenFixture();
    const res = await postRaw(f.app, undefined, raw);
    expect(res.status).toBe(400);
    expect((await errorBody(res)).error).toBe('invalid_request');
    expect(await count(f)).toBe(0);
  });

  it.each(['0', '-1', 'abc', '1.5', '9999999999'])('rejects the id %s on GET, PUT and DELETE', async (id) => {
    const f = await givenFixture();
    const get = await f.api.playlists[':id'].$get(byId(id));
    const put = await f.api.playlists[':id'].$put({ ...byId(id), json: { ...GOOD, version: 1 } });
    const del = await f.api.playlists[':id'].$delete(deleting(id));
    expect([get.status, put.status, del.status]).toEqual([400, 400, 400]);
  });

  it('a PUT with a bad body leaves the stored playlist as it was', async () => {
    const { api } = await givenFixture();
    const { id } = await create(api, GOOD);
    expect((await api.playlists[':id'].$put({ ...byId(id), json: { ...GOOD, slides: [], version: 1 } })).status).toBe(
      400,
    );
    expect((await okBody(await api.playlists[':id'].$get(byId(id)))).slides).toEqual(GOOD.slides);
  });
});
