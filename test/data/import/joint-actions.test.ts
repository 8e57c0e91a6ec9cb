// Joint actions with their services, imported by the source's id: demo actions replaced on the first import, the
// same file twice changes nothing, a newer export updates (services replaced), every row rule with its exact message,
// one bad row changes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { importJointActions, readServices } from '../../../data/import/joint-actions.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-joint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Db;
let n = 0;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());
function file(text: string): string {
  const f = join(dir, `${++n}.csv`);
  writeFileSync(f, text);
  return f;
}
const actions = () =>
  db.all(
    `SELECT a.source_id, a.day::VARCHAR AS day, a.mahalla_id AS m, a.inspector_id AS i, a.type::VARCHAR AS type,
       a.persons_checked AS p, a.offences_found AS o, a.wanted_found AS w,
       (SELECT string_agg(s.service::VARCHAR, ',' ORDER BY s.service::VARCHAR) FROM joint_action_services s WHERE s.action_id = a.id) AS services
     FROM joint_actions a ORDER BY a.id`,
  );
const HEADER =
  'Номер;Дата;Код махалли;Инспектор;Вид мероприятия;Проверено лиц;Выявлено правонарушений;Задержано розыскиваемых;Службы\n';

describe('readServices', () => {
  it('reads codes and labels separated by ; , / or +, and names the first unknown one', () => {
    expect(readServices('Уголовный розыск; ПДН / juvenile')).toEqual({
      ok: true,
      codes: ['criminal_investigation', 'juvenile'],
    });
    expect(readServices('patrol + ГАИ')).toEqual({ ok: true, codes: ['patrol', 'traffic_safety'] });
    expect(readServices('ППС, пожарные')).toEqual({ ok: false, unknown: 'пожарные' });
  });
});

describe('importing joint actions', () => {
  it('replaces the demo actions, is idempotent, and a newer export updates one and its services', async () => {
    const text =
      HEADER +
      'J-1;05.03.2024;1726287001;1;Совместный рейд;12;2;0;Уголовный розыск; ПДН\n'.replace(
        'розыск; ПДН',
        'розыск, ПДН',
      ) +
      'J-2;2024-03-06;1726273001;2;preventive_talk;30;0;1;patrol\n';
    const r = await importJointActions(db, { file: file(text) });
    expect(r).toMatchObject({ committed: true, added: 2, updated: 0, unchanged: 0, problems: [] });
    expect(r.removedDemo).toBeGreaterThan(0);
    const [run] = await db.all<{ kind: string; added: number; removed_demo: number }>(
      'SELECT kind, added, removed_demo FROM imports',
    );
    expect(run).toEqual({ kind: 'joint_actions', added: 2, removed_demo: r.removedDemo });
    const after = await actions();
    expect(after).toEqual([
      {
        source_id: 'J-1',
        day: '2024-03-05',
        m: 1,
        i: 1,
        type: 'joint_raid',
        p: 12,
        o: 2,
        w: 0,
        services: 'criminal_investigation,juvenile',
      },
      {
        source_id: 'J-2',
        day: '2024-03-06',
        m: 3,
        i: 2,
        type: 'preventive_talk',
        p: 30,
        o: 0,
        w: 1,
        services: 'patrol',
      },
    ]);
    expect(await importJointActions(db, { file: file(text) })).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
      removedDemo: 0,
    });
    expect(await actions()).toEqual(after);
    const newer = text.replace(';30;0;1;patrol', ';31;0;1;patrol, migration');
    expect(await importJointActions(db, { file: file(newer) })).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await actions())[1]).toMatchObject({ source_id: 'J-2', p: 31, services: 'migration,patrol' });
  });

  // Every column of both tables, whatever they hold (source_id appears with the first import).
  const everything = async () =>
    JSON.stringify([
      await db.all('SELECT * FROM joint_actions ORDER BY id'),
      await db.all('SELECT * FROM joint_action_services ORDER BY ALL'),
    ]);

  it('refuses the whole file for a bad row, with exact messages', async () => {
    const before = await everything();
    const r = await importJointActions(db, {
      file: file(
        HEADER +
          'J-1;05.03.2024;9999999999;1;joint_raid;1;0;0;patrol\n' +
          'J-2;05.03.2024;1726287001;77;joint_raid;-1;0;0;пожарные\n' +
          'J-3;05.03.2024;1726287001;1;пикник;1;0;0;\n',
      ),
    });
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [2, 'mahalla_code', '9999999999', 'is not the code of any mahalla in the database'],
      [3, 'inspector', '77', 'is neither the id nor the Hamkor id of an inspector in the database'],
      [3, 'persons_checked', '-1', 'is not a whole number of at most 6 digits'],
      [
        3,
        'services',
        'пожарные',
        `names "пожарные", which is not a service (codes: duty_unit, criminal_investigation, investigation, inquiry, operational_search, forensics, migration, traffic_safety, juvenile, patrol)`,
      ],
      [4, 'type', 'пикник', "is not a known type: map it in the mapping file's values.type"],
      [4, 'services', '', 'is empty'],
    ]);
    expect(await everything()).toBe(before);
  });
});
