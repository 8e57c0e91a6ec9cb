// The plans page and the playlist editor as a planner uses them, in Russian: a plan is edited in the UI (dates typed
// day first, saving a plan with fulfilment asks and archives it), every delete asks in a dialog, and leaving with
// unsaved changes asks first — for the plan form and the playlist editor alike.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';
import { PlaylistEditorDriver } from './briefing-driver.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

beforeEach(async () => {
  await world.restoreDatabase();
});

afterAll(async () => {
  await world?.close();
});

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  return (await (await world.fetch(path, init)).json()) as T;
}

interface PlanRow {
  id: number;
  name: string;
  district: string;
  from: string;
  to: string;
}

async function expectClean(d: AppDriver): Promise<void> {
  expect(d.record.foreignRequests).toEqual([]);
  expect(d.record.consoleErrors).toEqual([]);
  await d.close();
}

describe('plans page', () => {
  it('edits the running plan in Russian: dates typed day first, saving asks and archives its fulfilment', async () => {
    const [running] = await api<PlanRow[]>('/api/plans');
    if (!running) throw new Error('the demo database has no plan');
    const d = await AppDriver.open(world, 'plans');
    const p = d.page;
    await p.getByTestId('lang').selectOption('ru');
    await p.getByRole('heading', { name: 'Типовые планы взаимодействия' }).waitFor({ timeout: 10_000 });
    await p.getByTestId('plan-edit').click();
    await expect(p.getByTestId('plan-form').locator('h2').textContent()).resolves.toBe(
      'Изменение плана взаимодействия',
    );
    // The form opens with the plan as stored, its seeded (system-made) name said in Russian; the date reads day first.
    expect(running.name).toMatch(/^Cooperation plan Q\d \d{4} — /);
    await expect(p.getByTestId('plan-name').inputValue()).resolves.toMatch(
      /^Типовой план взаимодействия на \d квартал \d{4} г\. — \S+ район$/,
    );
    const [y, m, day] = running.to.split('-');
    await expect(p.getByTestId('plan-to').inputValue()).resolves.toBe(`${day}.${m}.${y}`);
    // A day that does not exist is refused with a reason, and nothing changes.
    await p.getByTestId('plan-to').fill(`31.02.${y}`);
    await p.getByTestId('plan-to').blur();
    await expect(p.locator('.date-error').textContent()).resolves.toContain('Такого дня нет');
    await p.getByTestId('plan-to').fill(`${day}.${m}.${y}`);
    await p.getByTestId('plan-name').fill('План, исправленный в браузере');
    await p.getByTestId('plan-save').click();
    // The running plan has recorded joint actions: saving asks first, then archives the old state.
    const dialog = p.getByRole('alertdialog');
    await expect(dialog.locator('h2').textContent()).resolves.toContain('Сохранить изменения плана');
    await dialog.getByTestId('confirm-ok').click();
    await p.getByTestId('plan-title').filter({ hasText: 'План, исправленный в браузере' }).waitFor({ timeout: 30_000 });
    const archive = await api<unknown[]>('/api/plans/archive');
    expect(archive.length).toBe(1);
    const stored = await api<PlanRow>(`/api/plans/${running.id}`);
    expect([stored.name, stored.to]).toEqual(['План, исправленный в браузере', running.to]);
    await expectClean(d);
  });

  it('asks before deleting a plan without fulfilment too; keeping it keeps it, confirming deletes without archive', async () => {
    const [running] = await api<PlanRow[]>('/api/plans');
    const detail = await api<{ items: Array<{ inspector: number }> }>(`/api/plans/${running?.id ?? 0}`);
    const made = await api<PlanRow>('/api/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Empty future plan',
        district: running?.district,
        from: '2027-01-01',
        to: '2027-03-31',
        items: [{ inspector: detail.items[0]?.inspector, service: 'patrol', type: 'joint_patrol', required: 2 }],
      }),
    });
    const d = await AppDriver.open(world, `plans?plan=${made.id}`);
    const p = d.page;
    await p.getByTestId('plan-title').filter({ hasText: 'Empty future plan' }).waitFor({ timeout: 30_000 });
    await p.getByTestId('plan-delete').click();
    const dialog = p.getByTestId('plan-confirm');
    await expect(dialog.getAttribute('open')).resolves.toBe('');
    await expect(dialog.textContent()).resolves.toContain('No joint action has been recorded');
    // Focus starts on the safe choice; Escape keeps the plan.
    await expect(p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-cancel');
    await p.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await expect(p.getByTestId('plan-list').textContent()).resolves.toContain('Empty future plan');
    await p.getByTestId('plan-delete').click();
    await p.getByTestId('plan-confirm').getByTestId('confirm-ok').click();
    await expect
      .poll(async () => (await p.getByTestId('plan-list').textContent()) ?? '', { timeout: 10_000 })
      .not.toContain('Empty future plan');
    expect((await world.fetch(`/api/plans/${made.id}`)).status).toBe(404);
    expect(await api<unknown[]>('/api/plans/archive')).toEqual([]);
    await expectClean(d);
  });

  it('asks before leaving the plan form with unsaved changes, by link or Back; Stay keeps them, Leave goes', async () => {
    const d = await AppDriver.open(world, 'plans');
    const p = d.page;
    const isFocused = (id: string): Promise<boolean> =>
      p.getByTestId(id).evaluate((el) => el.contains(document.activeElement));
    // Focus goes into the form; Escape closes an untouched one, back to the button that opened it.
    await p.getByTestId('plan-new').click();
    await expect.poll(() => isFocused('plan-form')).toBe(true);
    await p.keyboard.press('Escape');
    await p.getByTestId('plan-form').waitFor({ state: 'detached' });
    await expect.poll(() => isFocused('plan-new')).toBe(true);
    await p.getByTestId('plan-new').click();
    await p.getByTestId('plan-name').fill('Half-written plan');
    await p.getByTestId('tab-hotspots').click();
    const dialog = p.getByTestId('leave-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(new URL(p.url()).pathname).toBe('/plans');
    await dialog.getByTestId('confirm-cancel').click();
    await expect(p.getByTestId('plan-name').inputValue()).resolves.toBe('Half-written plan');
    // Escape with unsaved changes asks too; Escape on the question means Stay.
    await p.getByTestId('plan-name').press('Escape');
    await dialog.waitFor({ timeout: 10_000 });
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(p.getByTestId('plan-name').inputValue()).resolves.toBe('Half-written plan');
    // The browser's own question guards closing or reloading the tab.
    const asked = new Promise<string>((resolve) =>
      p.once('dialog', (dlg) => {
        resolve(dlg.type());
        void dlg.accept();
      }),
    );
    await p.reload();
    await expect(asked).resolves.toBe('beforeunload');
    await d.waitForMap();
    // After the reload nothing is unsaved: leaving is not held.
    await p.getByTestId('plan-new').click();
    await p.getByTestId('plan-name').fill('Another draft');
    await p.getByTestId('tab-hotspots').click();
    await p.getByTestId('leave-dialog').getByTestId('confirm-ok').click();
    const path = (): string => new URL(p.url()).pathname;
    await expect.poll(path, { timeout: 10_000 }).toBe('/');
    // The browser's Back is held too: the step is taken back, the typing stays, and no history entry is lost.
    await p.getByTestId('tab-plans').click();
    await p.getByTestId('plan-new').click();
    await p.getByTestId('plan-name').fill('Draft before Back');
    await p.goBack();
    await dialog.waitFor({ timeout: 10_000 });
    await expect.poll(path).toBe('/plans');
    await dialog.getByTestId('confirm-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await expect(p.getByTestId('plan-name').inputValue()).resolves.toBe('Draft before Back');
    expect(path()).toBe('/plans');
    await p.goBack();
    await dialog.getByTestId('confirm-ok').click();
    await expect.poll(path, { timeout: 10_000 }).toBe('/');
    await expect(p.getByTestId('tab-hotspots').getAttribute('aria-current')).resolves.toBe('page');
    await expect(p.getByTestId('plan-form').count()).resolves.toBe(0);
    await expectClean(d);
  });
});

describe('playlist editor', () => {
  it('asks before deleting a playlist and before switching away from unsaved edits', async () => {
    const ed = await PlaylistEditorDriver.open(world);
    const p = ed.page;
    await p.getByTestId('playlist-editor').waitFor({ timeout: 30_000 });
    const items = p.getByTestId('playlist-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await items.count();
    await p.getByTestId('new-playlist').click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(before + 1);
    await p.getByTestId('playlist-name').fill('Edited, not saved');
    // Another playlist in the list would replace the editor: held, and Stay keeps the edit.
    await items.first().click();
    await p.getByTestId('leave-dialog').waitFor({ timeout: 10_000 });
    await p.getByTestId('leave-dialog').getByTestId('confirm-cancel').click();
    await expect(p.getByTestId('playlist-name').inputValue()).resolves.toBe('Edited, not saved');
    await p.getByTestId('save').click();
    await expect.poll(() => p.getByTestId('save-status').textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await p.getByTestId('playlist-delete').click();
    const dialog = p.getByTestId('playlist-confirm');
    // Escape answers the question with No, and focus returns to the Delete button.
    await dialog.waitFor();
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(p.getByTestId('playlist-delete').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await p.getByTestId('playlist-delete').click();
    await expect(dialog.textContent()).resolves.toContain('Delete the playlist “Edited, not saved”?');
    await dialog.getByTestId('confirm-ok').click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(before);
    expect(ed.record.consoleErrors).toEqual([]);
    await p.context().close();
  });
});
