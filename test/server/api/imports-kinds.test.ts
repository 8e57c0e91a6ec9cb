// The import API beyond incidents and applications, on the fixture database: inspectors and base points (preview,
// a bad row refusing the file, a commit), a territory assignment that becomes a draft version, and the downloads of a
// run: its full JSON report and, when the good rows were imported, the rejected rows as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../../server/services/imports/preview.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';
import { issues, runJob, uploadAs } from './imports-given.ts';

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
});
afterAll(() => w.close());

const count = async (table: string) =>
  (await w.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]?.n ?? -1;

const INSPECTORS = 'Табельный номер;ФИО;Звание;Район;Опорный пункт\n';

describe('inspectors and base points', () => {
  it('previews an inspectors file with the columns Hamkor recognised', async () => {
    const p = await uploadAs<Preview>(
      w,
      'inspectors',
      'staff.csv',
      `${INSPECTORS}T-900;Anvar Aliyev;captain;1726287;1\n`,
    );
    expect(p.shape).toBe('table');
    expect(Object.fromEntries(p.columns.map((c) => [c.name, c.proposed]))).toEqual({
      source_id: 'Табельный номер',
      name: 'ФИО',
      rank: 'Звание',
      district_soato: 'Район',
      base_point: 'Опорный пункт',
    });
  });

  it('one bad row refuses the file, naming row, column, value and reason; nothing changes', async () => {
    const before = await count('inspectors');
    const p = await uploadAs<Preview>(
      w,
      'inspectors',
      'staff.csv',
      `${INSPECTORS}T-900;Anvar Aliyev;captain;1726287;1\nT-901;Olim Qodirov;major;9999999;1\n`,
    );
    const job = await runJob(w, p.file.id, { dryRun: false });
    expect(job.result).toMatchObject({ committed: false, rowsRead: 2, rowsGood: 1, rejected: 1, problemCount: 2 });
    expect(job.result?.problems).toEqual([
      {
        file: 'staff.csv',
        row: 3,
        column: 'district_soato',
        value: '9999999',
        reason: 'is not the SOATO code of a district in the database',
        code: 'unknown_district_code',
      },
      {
        file: 'staff.csv',
        row: 3,
        column: 'base_point',
        value: '1',
        reason: 'lies in district 1726287, not in 9999999',
        code: 'wrong_district',
        params: { what: 'base_point', id: '1', district: '1726287', expected: '9999999' },
      },
    ]);
    expect(job.downloads).toEqual({ report: true, rejects: false });
    expect(await count('inspectors')).toBe(before);
  });

  it('a base point file is added by its number and recorded as an import', async () => {
    const before = await count('base_points');
    const p = await uploadAs<Preview>(
      w,
      'base_points',
      'bases.csv',
      'Номер;Название;Район;Долгота;Широта\nB-7;Tayanch 7;1726287;69.27;41.22\n',
    );
    const job = await runJob(w, p.file.id, { dryRun: false });
    expect(job.result).toMatchObject({ committed: true, added: 1, updated: 0, unchanged: 0 });
    expect(await count('base_points')).toBe(before + 1);
    const past = (await (await w.as('analyst', '/api/imports')).json()) as Array<{ kind: string; file: string }>;
    expect(past[0]).toMatchObject({ kind: 'base_points', file: 'bases.csv' });
  });
});

describe('territory assignment', () => {
  it('becomes a new draft version of the district it touches', async () => {
    const p = await uploadAs<Preview>(w, 'territories', 'assign.csv', 'Код махалли;Инспектор\n1726273002;2\n');
    const dry = await runJob(w, p.file.id, { dryRun: true });
    expect(dry.result?.districts).toEqual([{ district: '1726273', version: null, status: 'dry run', changed: 1 }]);
    const job = await runJob(w, p.file.id, { dryRun: false });
    expect(job.result?.committed).toBe(true);
    expect(job.result?.districts).toEqual([
      expect.objectContaining({ district: '1726273', status: 'draft', changed: 1 }),
    ]);
    expect(job.result?.districts?.[0]?.version).toBeGreaterThan(0);
  });
});

describe('downloads', () => {
  const HEADER = 'Номер;Дата;Долгота;Широта;Вид;Статус\n';
  it('with the good rows imported: the rejects CSV holds each bad row with what is wrong; the report every problem', async () => {
    const p = await uploadAs<Preview>(
      w,
      'incidents',
      'mixed.csv',
      `${HEADER}K1;01.03.2024 10:00;69.21;41.21;Кража;раскрыто\nK2;31.02.2024;69.21;41.21;Кража;раскрыто\n`,
    );
    const job = await runJob(w, p.file.id, { dryRun: false, keepGood: true });
    expect(job.result).toMatchObject({ committed: true, added: 1, rejected: 1 });
    expect(job.downloads).toEqual({ report: true, rejects: true });
    const csv = await w.as('analyst', `/api/imports/jobs/${job.id}/rejects`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\n')).toEqual([
      'row,column,value,reason,Номер,Дата,Долгота,Широта,Вид,Статус',
      '3,ts,31.02.2024,is not a date-time (YYYY-MM-DD HH:MM[:SS] or DD.MM.YYYY HH:MM[:SS]),K2,31.02.2024,69.21,41.21,Кража,раскрыто',
      '',
    ]);
    const report = (await (await w.as('analyst', `/api/imports/jobs/${job.id}/report`)).json()) as {
      problems: Array<{ row: number; column: string }>;
      added: number;
    };
    expect(report.problems.map((x) => [x.row, x.column])).toEqual([[3, 'ts']]);
    expect(report.added).toBe(1);
  });

  it('the report names the columns Hamkor does not read', async () => {
    const p = await uploadAs<Preview>(
      w,
      'incidents',
      'extra.csv',
      'Номер;Дата;Долгота;Широта;Вид;Статус;Примечание\nE1;01.03.2024 10:00;69.21;41.21;Кража;раскрыто;—\n',
    );
    const job = await runJob(w, p.file.id, { dryRun: true });
    expect(job.result?.ignoredColumns).toEqual(['Примечание']);
  });

  it('an unknown run → 404 on id; a malformed id → 400; other roles → 403', async () => {
    const unknown = await w.as('analyst', '/api/imports/jobs/0123456789abcdef/report');
    expect(unknown.status).toBe(404);
    expect(await issues(unknown)).toEqual([
      {
        field: 'id',
        reason: 'no report: no such run on this server, or it has not ended',
        code: 'import_file_missing',
        params: { what: 'report' },
      },
    ]);
    const bad = await w.as('analyst', '/api/imports/jobs/nope/rejects');
    expect(bad.status).toBe(400);
    expect((await issues(bad))[0]?.field).toBe('id');
    expect((await w.as('planner', '/api/imports/jobs/0123456789abcdef/report')).status).toBe(403);
  });
});
