// The audit log records who did what, where and when: sign-ins and failures, every write, every export, every view of
// exact locations or of a person's record; never a password. The admin page reads it filtered and as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenRoles, signIn, type SignedIn } from '../../fixtures/api/signed-in.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';
const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
type Row = { action: string; username: string; role: string; status: number; area: string; params: string };

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
});
afterAll(() => w.close());

/** The newest audit rows of an action (or, ending in a dot or naming a group, of the actions it begins), through the admin API. */
async function rows(action: string): Promise<Row[]> {
  const res = await w.as('admin', `/api/admin/audit?action=${action}`);
  const all = ((await res.json()) as { rows: Row[] }).rows;
  return action.includes('.') && !action.endsWith('.') ? all.filter((r) => r.action === action) : all;
}

describe('audit rows', () => {
  it('record sign-ins and failed sign-ins with the user name, never the password', async () => {
    await signIn(w.app, 'ministry');
    await w.app.request('/api/auth/login', json({ username: 'ministry', password: 'not-the-password' }));
    const [ok] = await rows('auth.login');
    const [failed] = await rows('auth.login_failed');
    expect([ok?.username, ok?.status]).toEqual(['ministry', 200]);
    expect([failed?.username, failed?.status]).toEqual(['ministry', 401]);
    expect(JSON.stringify(await rows('auth'))).not.toMatch(/not-the-password|fixture-password/);
  });

  it('record every write with who, the outcome and the parameters', async () => {
    const plan = {
      name: 'Audited',
      district: '1726287',
      from: '2024-04-01',
      to: '2024-04-30',
      items: [{ inspector: 1, service: 'patrol', type: 'joint_patrol', required: 1 }],
    };
    const made = (await (await w.as('planner', '/api/plans', json(plan))).json()) as { id: number };
    await w.as('planner', `/api/plans/${made.id}`, json({ ...plan, name: 'Audited 2', version: 1 }, 'PUT'));
    await w.as('planner', `/api/plans/${made.id}`, { method: 'DELETE' });
    expect((await rows('plans.create'))[0]).toMatchObject({ username: 'planner', role: 'planner', status: 201 });
    expect((await rows('plans.update'))[0]?.params).toContain('Audited 2');
    expect((await rows('plans.delete'))[0]?.params).toContain(`"id":"${made.id}"`);
  });

  it('record exports and views of exact locations and persons, with the area', async () => {
    await w.as('district_head', `/api/records.csv?${MARCH}&mahalla=1`);
    await w.as('district_head', `/api/records?${MARCH}&mahalla=2`);
    await w.as('district_head', `/api/records/points?${MARCH}`);
    await w.as('district_head', `/api/inspectors/1?${MARCH}`);
    expect((await rows('records.export'))[0]).toMatchObject({ username: 'district-head', status: 200 });
    expect((await rows('records.view'))[0]?.params).toContain('"mahalla":"2"');
    expect((await rows('records.points'))[0]?.area).toContain('1726287');
    expect((await rows('inspectors.view'))[0]?.params).toContain('"id":"1"');
  });

  it('leave out heat-map views of roles that only get cell centres', async () => {
    const before = (await rows('records.points')).length;
    await w.as('ministry', `/api/records/points?${MARCH}`);
    expect(await rows('records.points')).toHaveLength(before);
  });

  it('record a password change without the passwords', async () => {
    await w.as('analyst', '/api/auth/password', json({ current: 'fixture-password', next: 'a-new-long-password' }));
    const [row] = await rows('auth.password');
    expect(row).toMatchObject({ username: 'analyst', status: 200 });
    expect(row?.params).not.toMatch(/fixture-password|a-new-long-password/);
  });

  it('are exported as CSV for the administrator', async () => {
    const res = await w.as('admin', '/api/admin/audit.csv?action=plans.');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await res.text();
    expect(text.split('\n')[0]).toBe('No.,Time,User,Role,Action,Status,Area,Parameters,IP address');
    expect(text).toMatch(/plans\.create/);
  });

  it('are exported in the administrator’s language: headers, role names, the list separator and a BOM', async () => {
    const res = await w.as('admin', '/api/admin/audit.csv?action=plans.&lang=ru');
    const [head, first] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()).split('\n');
    expect(head).toBe('\uFEFF№;Время;Пользователь;Роль;Действие;Статус;Территория;Параметры;IP-адрес');
    // Actions as stored (what an inquiry searches for), the role in Russian.
    expect(first?.split(';')[3]).toBe('Планировщик');
    expect(first?.split(';')[4]).toMatch(/^plans\./);
    // A request narrowed to no area (the ministry's sign-in) reads as the whole country, as on the page.
    await signIn(w.app, 'ministry');
    const login = new TextDecoder().decode(
      await (await w.as('admin', '/api/admin/audit.csv?action=auth.login&lang=ru')).arrayBuffer(),
    );
    const ministry = login.split('\n').find((l) => l.split(';')[2] === 'ministry');
    expect(ministry?.split(';')[6]).toBe('Вся страна');
    expect((await w.as('admin', '/api/admin/audit.csv?lang=xx')).status).toBe(400);
  });
});
