// /api/playlists over the fixture database: create, read, replace, delete, and every kind of bad input (never a 500).
import { describe, expect, it } from 'vitest';
import type { Playlist } from '../../../server/contract/playlists.ts';
import { seedPlaylists } from '../../../server/services/playlists.ts';
import { getJson, givenFixture, type Fixture } from '../../fixtures/api/fixture-app.ts';

const GOOD = { name: 'Mirobod morning', district: '1726273', period: '4w', slides: [{ kind: 'title', dwellS: 10 }, { kind: 'hotspots', dwellS: 30, caption: 'Hot spots' }] };

async function send(app: Fixture['app'], method: string, url: string, body: unknown, raw = false) {
  const res = await app.request(url, { method, headers: { 'content-type': 'application/json' }, body: raw ? (body as string) : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function count(f: Fixture): Promise<number> {
  return (await getJson<{ playlists: Playlist[] }>(f.app, '/api/playlists')).body.playlists.length;
}

describe('/api/playlists', () => {
  it('lists the seeded default playlist with its slides', async () => {
    const f = await givenFixture();
    await seedPlaylists(f.db);
    const { status, body } = await getJson<{ playlists: Playlist[] }>(f.app, '/api/playlists');
    expect(status).toBe(200);
    expect(body.playlists.map((p) => [p.name, p.district, p.period])).toEqual([['Morning briefing', null, '7d']]);
    expect(body.playlists[0]?.slides[0]).toEqual({ kind: 'title', dwellS: 12 });
  });

  it('creates a playlist and reads it back by id', async () => {
    const { app } = await givenFixture();
    const created = await send(app, 'POST', '/api/playlists', GOOD);
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const { status, body } = await getJson<Playlist>(app, `/api/playlists/${id}`);
    expect(status).toBe(200);
    expect({ ...body, updatedAt: undefined }).toEqual({ ...GOOD, id, updatedAt: undefined });
    expect(body.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('fills in the whole area and the last 7 days when district and period are left out', async () => {
    const { app } = await givenFixture();
    const created = await send(app, 'POST', '/api/playlists', { name: 'All', slides: [{ kind: 'title', dwellS: 5 }] });
    expect([created.body.district, created.body.period]).toEqual([null, '7d']);
  });

  it('replaces a playlist (reordered slides, new dwell) and 404s an unknown id', async () => {
    const { app } = await givenFixture();
    const id = (await send(app, 'POST', '/api/playlists', GOOD)).body.id as number;
    const next = { ...GOOD, name: 'Reordered', slides: [{ kind: 'top_mahallas', dwellS: 45 }, { kind: 'title', dwellS: 8 }] };
    const put = await send(app, 'PUT', `/api/playlists/${id}`, next);
    expect(put.status).toBe(200);
    expect((await getJson<Playlist>(app, `/api/playlists/${id}`)).body.slides).toEqual(next.slides);
    expect((await send(app, 'PUT', '/api/playlists/999', next)).status).toBe(404);
  });

  it('deletes a playlist but never the last one', async () => {
    const f = await givenFixture();
    const a = (await send(f.app, 'POST', '/api/playlists', GOOD)).body.id as number;
    const b = (await send(f.app, 'POST', '/api/playlists', GOOD)).body.id as number;
    expect((await f.app.request(`/api/playlists/${a}`, { method: 'DELETE' })).status).toBe(200);
    expect((await f.app.request(`/api/playlists/${a}`, { method: 'DELETE' })).status).toBe(404);
    const last = await f.app.request(`/api/playlists/${b}`, { method: 'DELETE' });
    expect(last.status).toBe(409);
    expect(await count(f)).toBe(1);
  });

  it('adds the table to a database built before playlists existed', async () => {
    const f = await givenFixture();
    await f.db.run('DROP TABLE playlists');
    expect(await count(f)).toBe(0);
    expect((await send(f.app, 'POST', '/api/playlists', GOOD)).status).toBe(201);
  });
});

describe('/api/playlists: bad input gets a 400 naming the field, and changes nothing', () => {
  const slide = GOOD.slides[0];
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
    const res = await send(f.app, 'POST', '/api/playlists', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect((res.body.issues as Array<{ field: string }>).map((i) => i.field)).toContain(field);
    expect(await count(f)).toBe(0);
  });

  it.each([
    ['malformed JSON', '{"name": "x", slides: ['],
    ['an empty body', ''],
  ])('POST with %s', async (_, raw) => {
    const f = await givenFixture();
    const res = await send(f.app, 'POST', '/api/playlists', raw, true);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(await count(f)).toBe(0);
  });

  it.each(['0', '-1', 'abc', '1.5', '9999999999'])('rejects the id %s on GET, PUT and DELETE', async (id) => {
    const f = await givenFixture();
    const get = await f.app.request(`/api/playlists/${id}`);
    const put = await send(f.app, 'PUT', `/api/playlists/${id}`, GOOD);
    const del = await f.app.request(`/api/playlists/${id}`, { method: 'DELETE' });
    expect([get.status, put.status, del.status]).toEqual([400, 400, 400]);
  });

  it('a PUT with a bad body leaves the stored playlist as it was', async () => {
    const { app } = await givenFixture();
    const id = (await send(app, 'POST', '/api/playlists', GOOD)).body.id as number;
    expect((await send(app, 'PUT', `/api/playlists/${id}`, { ...GOOD, slides: [] })).status).toBe(400);
    expect((await getJson<Playlist>(app, `/api/playlists/${id}`)).body.slides).toEqual(GOOD.slides);
  });
});
