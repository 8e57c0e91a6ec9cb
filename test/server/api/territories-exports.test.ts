// A version as the order's annex: the same rows as CSV and as XLSX (read back independently), the data of the print
// page, GeoJSON outlines of each post's territory, each export in the audit log; and the comparison of two versions.
// Fixture March 2024: mahalla 1 Olmazor (1,000 residents, 250 households, 3 incidents, 2 applications), mahalla 2
// Bog'bon (2,000, 520, 2 incidents, 2 applications), both 23.154 km².
import { describe, expect, it } from 'vitest';
import { bodyOf, okBody } from '../../fixtures/api/fixture-app.ts';
import { readXlsx } from '../shared/xlsx-reader.ts';
import { VACANT_POST_DRAFT, YAKKASAROY, givenTerritories, type Roles } from './territories-given.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const param = (id: number) => ({ id: String(id) });

const HEADER = [
  'Post no.',
  'Inspector no.',
  'Prevention inspector',
  'Mahalla no.',
  'Mahalla code',
  'Mahalla',
  'Residents',
  'Households',
  'Area (km²)',
  'Incidents',
  'Applications',
];
const ROWS = [
  [1, 1, 'Aziz Karimov', 1, '1726287001', 'Olmazor', 1000, 250, 23.154, 3, 2],
  [9, null, 'Post 9: vacant post', 2, '1726287002', "Bog'bon", 2000, 520, 23.154, 2, 2],
];

/** The vacant-post draft of Yakkasaroy, saved. */
async function draft(w: Roles): Promise<number> {
  const d = await bodyOf(
    await w.api('planner').territories.versions.$post({ json: { district: YAKKASAROY, name: 'n', reason: 'r' } }),
    201,
  );
  await okBody(
    await w
      .api('planner')
      .territories.versions[':id'].$put({ param: param(d.id), json: { ...VACANT_POST_DRAFT, version: 1 } }),
  );
  return d.id;
}

/** A CSV body as text with its byte-order mark kept (Response.text() drops it). */
const withBom = (body: ArrayBuffer): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);

/** The CSV lines of rows (nothing here needs quoting: no comma, quote or line break in any cell). */
const lines = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>) =>
  rows.map((r) => r.map((c) => c ?? '').join(','));

describe('the order’s annex', () => {
  it('gives one row per mahalla, the same in CSV and in XLSX', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    const url = `/api/territories/versions/${id}/annex`;
    const csv = await w.as('planner', `${url}.csv?from=${MARCH.from}&to=${MARCH.to}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // English, as the API answered before links carried a language: the comma, and the BOM Excel needs for UTF-8.
    expect(withBom(await csv.arrayBuffer()).split('\n')).toEqual([
      ...lines([HEADER, ...ROWS]).map((l, k) => (k ? l : `\uFEFF${l}`)),
      '',
    ]);
    const xlsx = await w.as('planner', `${url}.xlsx?from=${MARCH.from}&to=${MARCH.to}`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
    expect([...book.keys()]).toEqual(['Mahallas', 'Posts', 'Order']);
    const pad = (r: Array<string | number | null>) => [...r, ...Array<null>(HEADER.length - r.length).fill(null)];
    expect(book.get('Mahallas')?.map(pad)).toEqual([HEADER, ...ROWS]);
    expect(book.get('Posts')?.slice(1)).toEqual([
      [1, 1, 'Aziz Karimov', 1, 1000, 250, 23.154, 3, 2],
      [9, null, 'Post 9: vacant post', 1, 2000, 520, 23.154, 2, 2],
      [null, null, 'Mahallas without an inspector', 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('is written in the language of the link: headers, sheets, the system’s words and names in its script', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    const url = `/api/territories/versions/${id}/annex`;
    const text = withBom(
      await (await w.as('planner', `${url}.csv?from=${MARCH.from}&to=${MARCH.to}&lang=ru`)).arrayBuffer(),
    );
    const [head, first] = text.split('\n');
    expect(head).toBe(
      '\uFEFF№ поста;№ инспектора;Инспектор профилактики;№ махалли;Код махалли;Махалля;Жители;Домохозяйства;Площадь (км²);Происшествия;Обращения',
    );
    // Names in the script of the language; ids, codes and numbers as stored.
    expect(first?.split(';')).toEqual([
      '1',
      '1',
      'Азиз Каримов',
      '1',
      '1726287001',
      'Олмазор',
      '1000',
      '250',
      '23.154',
      '3',
      '2',
    ]);
    const book = readXlsx(
      Buffer.from(
        await (await w.as('planner', `${url}.xlsx?from=${MARCH.from}&to=${MARCH.to}&lang=uz-Cyrl`)).arrayBuffer(),
      ),
    );
    expect([...book.keys()]).toEqual(['Маҳаллалар', 'Постлар', 'Буйруқ']);
    expect(book.get('Постлар')?.at(-1)?.slice(0, 3)).toEqual([null, null, 'Инспектор бириктирилмаган маҳаллалар']);
    expect(book.get('Буйруқ')?.map((r) => r[0])).toEqual([
      'Кўрсаткич',
      'Туман',
      'Хизмат ҳудудлари режаси',
      'Ҳолати',
      'Буйруқ рақами',
      'Буйруқ санаси',
      'Кучга кириш санаси',
      'Ҳодиса ва мурожаатлар ҳисобланган давр',
    ]);
    expect(book.get('Буйруқ')?.[3]?.[1]).toBe('Лойиҳа');
    // Nothing of the English words is left in a Cyrillic file but the version's name, typed by a person.
    const words = [...book.values()].flat(2).filter((c) => typeof c === 'string');
    expect(words.filter((c) => c !== '2: Mahalla 2 to a new post' && /[A-Za-z]/.test(c))).toEqual([]);
    const refused = await w.as('planner', `${url}.csv?lang=de`);
    expect(refused.status).toBe(400);
  });

  it('says the seeded version’s name in the language of the link, a typed name as typed', async () => {
    const w = await givenTerritories();
    const order = async (id: number, lang: string) =>
      [
        ...readXlsx(
          Buffer.from(
            await (await w.as('planner', `/api/territories/versions/${id}/annex.xlsx?lang=${lang}`)).arrayBuffer(),
          ),
        ).values(),
      ][2]?.[2]?.[1];
    const seeded = w.seeded.yakkasaroy;
    expect(await order(seeded, 'ru')).toBe('1: План, действовавший до ведения версий');
    expect(await order(seeded, 'uz-Cyrl')).toBe('1: Версиялар юритилгунга қадар амалда бўлган режа');
    expect(await order(seeded, 'en')).toBe('1: Plan in force when versions began');
    expect(await order(await draft(w), 'ru')).toBe('2: Mahalla 2 to a new post');
    const refused = await w.as('planner', `/api/territories/versions/${seeded}/annex.xlsx?lang=fr`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { issues: Array<{ code: string }> }).issues[0]?.code).toBe('not_one_of');
  });

  it('writes no names for an asker who may not see them', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    const text = await (await w.as('ministry', `/api/territories/versions/${id}/annex.csv`)).text();
    expect(text).toContain('Inspector #1');
    expect(text).not.toContain('Aziz');
    // The print page gets the parts, and words them itself (web/views/territory-print/post-heading.ts).
    const annex = await okBody(
      await w.api('ministry').territories.versions[':id'].annex.$get({ param: param(id), query: MARCH }),
    );
    expect(annex.posts.map((p) => p.title)).toEqual([
      { kind: 'inspector', n: 1 },
      { kind: 'vacant', n: 9 },
    ]);
  });

  it('words the inspector it may not name and the vacant post in the language of the link', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    const holders = async (lang: string) =>
      withBom(await (await w.as('ministry', `/api/territories/versions/${id}/annex.csv?lang=${lang}`)).arrayBuffer())
        .split('\n')
        .slice(1, 3)
        .map((line) => line.split(';')[2]);
    expect(await holders('ru')).toEqual(['Инспектор № 1', 'Пост 9: вакантная должность']);
    expect(await holders('uz-Cyrl')).toEqual(['Инспектор #1', '9-пост: бўш лавозим']);
  });

  it('gives the print page each post with its holder, base point, mahallas and workload', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    const annex = await okBody(
      await w.api('planner').territories.versions[':id'].annex.$get({ param: param(id), query: MARCH }),
    );
    expect(annex.period).toEqual(MARCH);
    expect(
      annex.posts.map((p) => [p.post, p.title, p.rank, p.basePoint?.name ?? null, p.mahallas.map((m) => m.id)]),
    ).toEqual([
      [1, { kind: 'name', name: 'Aziz Karimov' }, 'captain', 'Base point No. 1', [1]],
      [9, { kind: 'vacant', n: 9 }, null, null, [2]],
    ]);
    // The planner core's index, default weights, worked by hand: each part over the district's mean per post (2 posts).
    // Post 9 (Bog'bon): residents 2000/1500 × 0.3 + incidents 2/2.5 × 0.25 + applications 2/2 × 0.15 + joint actions
    // 0 (March's one is in Olmazor) × 0.1 + area 1 × 0.1 + distance 5.69/3.89 × 0.1 (the vacant post sits at base point
    // 1, the district's only one) = 0.996; post 1 gets the rest of 2: 1.004. Deviation from the ideal 1: ∓0.004.
    expect(annex.posts.map((p) => p.workload)).toEqual([
      {
        mahallas: 1,
        residents: 1000,
        households: 250,
        areaKm2: 23.154,
        incidents: 3,
        applications: 2,
        index: 1.004,
        deviation: 0.004,
      },
      {
        mahallas: 1,
        residents: 2000,
        households: 520,
        areaKm2: 23.154,
        incidents: 2,
        applications: 2,
        index: 0.996,
        deviation: -0.004,
      },
    ]);
    expect(annex.totals).toMatchObject({ mahallas: 2, residents: 3000, incidents: 5, applications: 4 });
    expect(annex.unassigned).toEqual([]);
    // One mahalla a post: the mahalla's part is its post's whole index.
    expect(annex.posts.map((p) => p.mahallas.map((m) => m.index))).toEqual([[1.004], [0.996]]);
  });

  it('gives each mahalla its part of the post’s workload index, the parts summing to the index', async () => {
    const w = await givenTerritories();
    const annex = await okBody(
      await w
        .api('planner')
        .territories.versions[':id'].annex.$get({ param: param(w.seeded.yakkasaroy), query: MARCH }),
    );
    // Post 1 alone holds both (index 1). Olmazor: residents 1000/3000 × 0.3 + incidents 3/5 × 0.25 + applications 2/4
    // × 0.15 + joint actions 1/1 × 0.1 + area ½ × 0.1 + distance 2.09/7.78 × 0.1 = 0.502; Bog'bon the rest, 0.498.
    expect(annex.posts.map((p) => [p.workload.index, p.mahallas.map((m) => [m.id, m.index])])).toEqual([
      [
        1,
        [
          [1, 0.502],
          [2, 0.498],
        ],
      ],
    ]);
  });

  it('outlines each post’s territory as valid GeoJSON, two mahallas dissolved into one rectangle', async () => {
    const w = await givenTerritories();
    const v1 = await okBody(
      await w
        .api('planner')
        .territories.versions[':id']['territories.geojson'].$get({ param: param(w.seeded.yakkasaroy) }),
    );
    expect(v1.type).toBe('FeatureCollection');
    expect(v1.features.map((f) => [f.properties.post, f.properties.mahallas, f.properties.residents])).toEqual([
      [1, 2, 3000],
    ]);
    // Olmazor and Bog'bon share their side at lon 69.25: their union is one rectangle, corners only.
    expect(v1.features[0]?.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [69.2, 41.2],
            [69.3, 41.2],
            [69.3, 41.25],
            [69.2, 41.25],
            [69.2, 41.2],
          ],
        ],
      ],
    });
    const split = await okBody(
      await w.api('planner').territories.versions[':id']['territories.geojson'].$get({ param: param(await draft(w)) }),
    );
    expect(split.features.map((f) => [f.properties.post, f.properties.title, f.properties.vacant])).toEqual([
      [1, 'Aziz Karimov', false],
      [9, 'Vacant post (Bog’bon)', true],
    ]);
    for (const f of split.features)
      for (const ring of f.geometry.coordinates.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1)).toEqual(ring[0]);
      }
  });

  it('records every export in the audit log', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    for (const what of ['annex.csv', 'annex.xlsx', 'territories.geojson'])
      expect((await w.as('planner', `/api/territories/versions/${id}/${what}`)).status).toBe(200);
    const { rows } = await w.store.audit.query({ action: 'territories.export', limit: 10, offset: 0 });
    expect(rows.map((r) => [r.username, r.status, (JSON.parse(r.params) as { id: string }).id])).toEqual(
      Array(3).fill(['planner', 200, String(id)]),
    );
  });
});

describe('comparing two versions', () => {
  it('lists the mahallas that change post, the counts, and each post’s workload before and after', async () => {
    const w = await givenTerritories();
    const id = await draft(w);
    const diff = await okBody(
      await w
        .api('planner')
        .territories.diff.$get({ query: { before: String(w.seeded.yakkasaroy), after: String(id), ...MARCH } }),
    );
    expect([diff.before.number, diff.after.number]).toEqual([1, 2]);
    expect(diff.moves).toEqual([{ mahalla: 2, from: 1, to: 9, code: '1726287002', name: "Bog'bon" }]);
    expect(diff.counts).toEqual({
      mahallas: 2,
      moved: 1,
      newlyAssigned: 0,
      newlyUnassigned: 0,
      unassignedBefore: 0,
      unassignedAfter: 0,
      postsAdded: 1,
      postsRemoved: 0,
      holdersChanged: 0,
    });
    expect(
      diff.posts.map((p) => [
        p.post,
        p.title,
        p.gained,
        p.lost,
        p.workload.before?.residents ?? null,
        p.workload.after?.residents ?? null,
      ]),
    ).toEqual([
      [1, { kind: 'name', name: 'Aziz Karimov' }, [], [2], 3000, 1000],
      [9, { kind: 'vacant', n: 9 }, [2], [], null, 2000],
    ]);
    // Alone in version 1, post 1 is the district's whole work: index 1, the ideal.
    expect(diff.posts[0]?.workload.before).toEqual({
      mahallas: 2,
      residents: 3000,
      households: 770,
      areaKm2: 46.308,
      incidents: 5,
      applications: 4,
      index: 1,
      deviation: 0,
    });
    expect(diff.posts.map((p) => p.workload.after?.index)).toEqual([1.004, 0.996]);
  });
});
