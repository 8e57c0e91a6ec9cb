// GET /api/health and /api/meta over the fixture database (test/fixtures/api/fixture-db.ts).
import { describe, expect, it } from 'vitest';
import { okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();

describe('GET /api/health', () => {
  it('answers ok when the database responds', async () => {
    const body = await okBody(await f.api.health.$get());
    expect(body.status).toBe('ok');
  });
});

describe('GET /api/meta', () => {
  it('reports the scale, build time and mahalla source from the meta table', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect({
      scale: body.scale,
      builtAt: body.builtAt,
      mahallaSource: body.mahallaSource,
      synthetic: body.synthetic,
    }).toEqual({
      scale: 'fixture',
      builtAt: '2025-01-02T03:04:05.000Z',
      mahallaSource: 'synthetic',
      synthetic: true,
    });
  });

  it('states the whole database area as the tests study it: the fixture districts in Tashkent are the city', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect(body.studyArea.scope).toBe('city');
  });

  it('gives the period end as the last inclusive day (period_end 2025-01-01 is exclusive)', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect(body.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });

  it('lists districts by name with their mahalla count and residents', async () => {
    const body = await okBody(await f.api.meta.$get());
    // Mirobod: mahallas 3 (3000) + 4 (500); Yakkasaroy: 1 (1000) + 2 (2000).
    expect(body.districts).toEqual([
      {
        soato: '1726273',
        name: 'Mirobod',
        nameUzCyrl: 'Миробод',
        nameRu: 'Мирабадский',
        mahallas: 2,
        population: 3500,
      },
      {
        soato: '1726287',
        name: 'Yakkasaroy',
        nameUzCyrl: 'Яккасарой',
        nameRu: 'Яккасарайский',
        mahallas: 2,
        population: 3000,
      },
    ]);
  });

  it('names the regions in Latin and with their official Cyrillic and Russian names', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect(body.regions).toEqual([
      { soato: '1726', name: 'Toshkent shahri', nameUzCyrl: 'Тошкент шаҳри', nameRu: 'город Ташкент' },
    ]);
  });

  it('counts the rows of every fact table', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect(body.counts).toEqual({ mahallas: 4, inspectors: 2, incidents: 21, applications: 10, jointActions: 2 });
  });

  it('bounds the mahalla centroids with [minLon, minLat, maxLon, maxLat]', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect(body.bbox).toEqual([69.225, 41.225, 69.375, 41.275]);
  });

  it('offers the twelve incident categories in catalogue order with labels', async () => {
    const body = await okBody(await f.api.meta.$get());
    expect(body.categories).toHaveLength(12);
    expect(body.categories[0]).toEqual({ code: 'person', label: 'Crimes against the person' });
    expect(body.categories[11]).toEqual({ code: 'missing_person', label: 'Missing person' });
  });
});
