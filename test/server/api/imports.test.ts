// The import page's API on the fixture database: who may use it, refused uploads and mappings (400 naming the field
// and the reason), a dry run that changes nothing, a commit that changes the data and every cache of it, and requests
// made while a commit runs that see the old data or the new, never a mix and never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../server/contract/access.ts';
import type { Job } from '../../../server/services/imports/jobs.ts';
import type { Preview } from '../../../server/services/imports/preview.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const HEADER = 'Номер;Дата;Долгота;Широта;Вид;Статус\n';
/** `n` incidents in March 2024 in mahalla 1 (lon 69.20–69.25, lat 41.20–41.25), ids `P0…`. */
const rows = (n: number, prefix = 'P'): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `${prefix}${i};0${1 + (i % 9)}.03.2024 10:00;${(69.201 + (i % 40) * 1e-3).toFixed(3)};41.21;Кража;Раскрыто\n`,
  ).join('');

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles({ imports: { maxBytes: 4 * 2 ** 20 } });
});
afterAll(() => w.close());

const upload = (role: Role | null, body: BodyInit, query = 'kind=incidents&name=march.csv') =>
  w.as(role, `/api/imports/files?${query}`, { method: 'POST', body });
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const issues = async (res: Response) =>
  ((await res.json()) as { issues: Array<{ field: string; reason: string }> }).issues;

async function uploaded(text: string): Promise<Preview> {
  const res = await upload('analyst', text);
  expect(res.status).toBe(201);
  return (await res.json()) as Preview;
}

/** Starts a run and polls it until it ends. */
async function run(file: string, body: object = {}, role: Role = 'admin'): Promise<Job> {
  const res = await w.as(role, '/api/imports/jobs', json({ file, ...body }));
  expect(res.status).toBe(202);
  let job = (await res.json()) as Job;
  while (!['done', 'failed', 'cancelled'].includes(job.state)) {
    await new Promise((r) => setTimeout(r, 20));
    job = (await (await w.as(role, `/api/imports/jobs/${job.id}`)).json()) as Job;
  }
  return job;
}

const incidents = async () =>
  (await w.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0]?.n ?? -1;
const marchTotal = async (): Promise<number> => {
  const res = await w.as('admin', '/api/metrics?from=2024-03-01&to=2024-03-31');
  expect(res.status).toBe(200);
  return ((await res.json()) as { count: number[] }).count.reduce((a, b) => a + b, 0);
};

describe('who may import', () => {
  it.each(['analyst', 'admin'] as const)('%s may list imports and upload', async (role) => {
    expect((await w.as(role, '/api/imports')).status).toBe(200);
    expect((await upload(role, HEADER + rows(1))).status).toBe(201);
  });
  it.each(['ministry', 'planner', 'district_head', 'inspector'] as const)('%s is refused (403)', async (role) => {
    expect((await w.as(role, '/api/imports')).status).toBe(403);
    expect((await upload(role, HEADER + rows(1))).status).toBe(403);
  });
  it('only they may start, read or cancel a run', async () => {
    const p = await uploaded(HEADER + rows(1));
    const started = await w.as('analyst', '/api/imports/jobs', json({ file: p.file.id }));
    expect(started.status).toBe(202);
    const id = ((await started.json()) as Job).id;
    for (const role of ['ministry', 'planner', 'inspector'] as const) {
      expect((await w.as(role, '/api/imports/jobs', json({ file: p.file.id }))).status).toBe(403);
      expect((await w.as(role, `/api/imports/jobs/${id}`)).status).toBe(403);
      expect((await w.as(role, `/api/imports/jobs/${id}/cancel`, { method: 'POST' })).status).toBe(403);
    }
    expect((await w.as('admin', `/api/imports/jobs/${id}`)).status).toBe(200);
    expect((await w.as('analyst', `/api/imports/jobs/${id}/cancel`, { method: 'POST' })).status).toBe(200);
  });
  it('nobody without a session (401)', async () => {
    expect((await upload(null, HEADER + rows(1))).status).toBe(401);
  });
});

describe('refused uploads', () => {
  it.each([
    [
      'name=a.csv',
      'kind',
      'must be one of incidents, applications, joint_actions, inspectors, base_points, territories, mahallas, districts, regions',
    ],
    ['kind=incidents', 'name', 'is required (the file name)'],
    ['kind=incidents&name=a.exe', 'name', 'must end in .csv, .txt, .tsv, .xlsx, .parquet for incidents'],
    ['kind=mahallas&name=a.csv', 'name', 'must end in .geojson, .json, .zip, .kml, .kmz for mahallas'],
    ['kind=incidents&name=a.csv&crs=32642', 'crs', 'is only for boundary files'],
    ['kind=mahallas&name=a.zip&crs=WGS', 'crs', 'must be an EPSG code of 4 or 5 digits, such as 32642'],
  ])('query %s → 400 on %s', async (query, field, reason) => {
    const res = await upload('analyst', HEADER, query);
    expect(res.status).toBe(400);
    expect(await issues(res)).toMatchObject([{ field, reason }]);
  });

  it('an empty body → 400 on body', async () => {
    const res = await upload('analyst', '');
    expect(res.status).toBe(400);
    expect(await issues(res)).toEqual([
      { field: 'body', reason: 'the file is empty: send its contents as the request body', code: 'file_empty' },
    ]);
  });

  it('a file over the limit → 413 on body, though the JSON limit does not apply to uploads', async () => {
    const res = await upload('analyst', new Uint8Array(5 * 2 ** 20).fill(65));
    expect(res.status).toBe(413);
    expect(await issues(res)).toEqual([
      { field: 'body', reason: 'the file is larger than 4 MiB', code: 'file_too_large', params: { max: 4 } },
    ]);
    const big = await upload('analyst', HEADER + rows(30_000)); // ~1.8 MB: over the 1 MiB JSON limit
    expect(big.status).toBe(201);
  });

  it('a file the reader cannot read → 400 on file', async () => {
    const res = await upload('analyst', 'not parquet at all', 'kind=incidents&name=x.parquet');
    expect(res.status).toBe(400);
    const [issue] = await issues(res);
    expect(issue?.field).toBe('file');
    expect(issue?.reason).toMatch(/^x\.parquet: cannot be read/);
  });
});

describe('preview and mapping', () => {
  it('shows the headers, the first rows, and proposes a header for each of our columns', async () => {
    const p = await uploaded(HEADER + rows(30));
    expect(p.headers).toEqual(['Номер', 'Дата', 'Долгота', 'Широта', 'Вид', 'Статус']);
    expect(p.rows).toHaveLength(20);
    expect(p.rows[0]).toEqual(['P0', '01.03.2024 10:00', '69.201', '41.21', 'Кража', 'Раскрыто']);
    const proposed = Object.fromEntries(p.columns.map((c) => [c.name, c.proposed]));
    expect(proposed).toMatchObject({ source_id: 'Номер', ts: 'Дата', lon: 'Долгота', lat: 'Широта', category: 'Вид' });
    expect(p.values['Статус']).toEqual([{ value: 'Раскрыто', rows: 30 }]);
  });

  it.each([
    [{ columns: { category: 'Цвет' } }, /category \(the mapping names header "Цвет", which the file lacks\)/],
    [{ columns: { colour: 'Вид' } }, /"colour" is not a column of incidents/],
    [{ values: { status: { Раскрыто: 'closed' } } }, /"closed" is not one of registered, solved, unsolved/],
  ])('a mapping that cannot work → 400 on mapping (%j)', async (mapping, reason) => {
    const p = await uploaded(HEADER + rows(2));
    const res = await w.as('analyst', '/api/imports/jobs', json({ file: p.file.id, mapping }));
    expect(res.status).toBe(400);
    const [issue] = await issues(res);
    expect(issue?.field).toBe('mapping');
    expect(issue?.reason).toMatch(reason);
  });

  it('an unknown upload → 400 on file; an unknown job → 404', async () => {
    const res = await w.as('analyst', '/api/imports/jobs', json({ file: '0123456789abcdef' }));
    expect(res.status).toBe(400);
    expect((await issues(res))[0]?.field).toBe('file');
    expect((await w.as('analyst', '/api/imports/jobs/0123456789abcdef')).status).toBe(404);
    expect((await w.as('analyst', '/api/imports/jobs/nope')).status).toBe(400);
  });
});

describe('dry run, then commit', () => {
  it('a dry run reports problems and unmapped values and changes nothing', async () => {
    const before = await incidents();
    const p = await uploaded(HEADER + rows(3) + 'X1;31.02.2024;69.21;41.21;Угон;Раскрыто\n');
    const job = await run(p.file.id, { dryRun: true });
    expect(job.state).toBe('done');
    expect(job.result?.committed).toBe(false);
    expect(job.result?.rowsRead).toBe(4);
    expect(job.result?.problems).toEqual([
      {
        file: 'march.csv',
        row: 5,
        column: 'ts',
        value: '31.02.2024',
        reason: 'is not a date-time (YYYY-MM-DD HH:MM[:SS] or DD.MM.YYYY HH:MM[:SS])',
        code: 'not_date_time',
      },
      expect.objectContaining({ row: 5, column: 'category', value: 'Угон', code: 'unknown_label' }),
    ]);
    expect(job.result?.unmapped).toEqual({ category: [{ value: 'Угон', rows: 1 }] });
    expect(await incidents()).toBe(before);
  });

  it('a dry run of good rows counts what would be added, and still changes nothing', async () => {
    const before = await incidents();
    const p = await uploaded(HEADER + rows(5));
    const job = await run(p.file.id, { dryRun: true, mapping: { values: { status: { Раскрыто: 'solved' } } } });
    expect(job.result).toMatchObject({ committed: false, added: 5, updated: 0, unchanged: 0 });
    expect(await incidents()).toBe(before);
    expect((await (await w.as('admin', '/api/imports')).json()) as unknown[]).toEqual([]);
  });

  it('a commit changes the data, what every request sees (caches included), the provenance and the audit log', async () => {
    const metaBefore = (await (await w.as('admin', '/api/meta')).json()) as { counts: { incidents: number } };
    expect(await marchTotal()).toBe(11);
    const p = await uploaded(HEADER + rows(5000));
    const mapping = { values: { status: { Раскрыто: 'solved' } } };
    // Requests made while the commit runs see the fixture's 11 March incidents or the imported 5,000, nothing between.
    const res = await w.as('admin', '/api/imports/jobs', json({ file: p.file.id, dryRun: false, mapping }));
    expect(res.status).toBe(202);
    const id = ((await res.json()) as Job).id;
    const seen = new Set<number>();
    for (;;) {
      // A turn of the event loop between polls, as any client's network gives: the figures are kept in memory now
      // (server/db/kept.ts), so without it this loop would be promise callbacks only and starve the import itself.
      await new Promise((r) => setTimeout(r, 2));
      const [total, job] = await Promise.all([
        marchTotal(),
        w.as('admin', `/api/imports/jobs/${id}`).then((r) => r.json() as Promise<Job>),
      ]);
      seen.add(total);
      if (job.state === 'done' || job.state === 'failed') {
        expect(job.result).toMatchObject({ committed: true, added: 5000, removedDemo: metaBefore.counts.incidents });
        break;
      }
    }
    expect([...seen].filter((n) => n !== 11 && n !== 5000)).toEqual([]);
    expect(await marchTotal()).toBe(5000);
    const meta = (await (await w.as('admin', '/api/meta')).json()) as {
      counts: { incidents: number };
      imports: Array<{ kind: string; file: string }>;
    };
    expect(meta.counts.incidents).toBe(5000);
    expect(meta.imports).toEqual([expect.objectContaining({ kind: 'incidents', file: 'march.csv', records: 5000 })]);
    const list = (await (await w.as('analyst', '/api/imports')).json()) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      expect.objectContaining({ kind: 'incidents', file: 'march.csv', importedBy: 'admin', added: 5000, rejected: 0 }),
    ]);
    expect(JSON.parse(String(list[0]?.mapping))).toMatchObject(mapping);
    const audit = await w.store.audit.query({ action: 'imports.commit', limit: 10, offset: 0 });
    expect(audit.rows).toEqual([expect.objectContaining({ username: 'admin', status: 200 })]);
    expect(JSON.parse(audit.rows[0]!.params)).toMatchObject({ file: 'march.csv', added: 5000 });
  });

  it('importing the same file again changes nothing and says so', async () => {
    const p = await uploaded(HEADER + rows(5000));
    const job = await run(p.file.id, { dryRun: false, mapping: { values: { status: { Раскрыто: 'solved' } } } });
    expect(job.result).toMatchObject({ committed: true, added: 0, updated: 0, unchanged: 5000 });
    expect(await marchTotal()).toBe(5000);
  });

  it('a run cancelled while it reads ends cancelled and changes nothing', async () => {
    const before = await marchTotal();
    const p = await uploaded(HEADER + rows(60_000, 'C'));
    const res = await w.as('admin', '/api/imports/jobs', json({ file: p.file.id, dryRun: false }));
    const id = ((await res.json()) as Job).id;
    expect((await w.as('admin', `/api/imports/jobs/${id}/cancel`, { method: 'POST' })).status).toBe(200);
    let job = (await (await w.as('admin', `/api/imports/jobs/${id}`)).json()) as Job;
    // Polled as the page does, with a pause: a loop of in-process requests alone can starve the run it waits for.
    while (!['done', 'failed', 'cancelled'].includes(job.state)) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await (await w.as('admin', `/api/imports/jobs/${id}`)).json()) as Job;
    }
    expect(job.state).toBe('cancelled');
    expect(job.result).toBeNull();
    expect(await marchTotal()).toBe(before);
  });

  it('keep-good imports the good rows and rejects the rest; all-or-nothing refuses the file', async () => {
    const text = HEADER + rows(2, 'K') + 'K9;01.03.2024 10:00;69.21;95;Кража;Раскрыто\n';
    const mapping = { values: { status: { Раскрыто: 'solved' } } };
    const all = await run((await uploaded(text)).file.id, { dryRun: false, mapping });
    expect(all.result).toMatchObject({ committed: false, rejected: 1 });
    expect(await marchTotal()).toBe(5000);
    const good = await run((await uploaded(text)).file.id, { dryRun: false, keepGood: true, mapping });
    expect(good.result).toMatchObject({ committed: true, added: 2, rejected: 1 });
    expect(await marchTotal()).toBe(5002);
  });
});
