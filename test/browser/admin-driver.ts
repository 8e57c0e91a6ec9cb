// Domain actions on the Administration page (/admin) and on what its accounts and links open: the sign-in page of a
// person with a new account, the app they see, a wall screen opened from a kiosk link. Selects by test id.
import type { Page } from 'playwright-core';
import type { World } from './harness.ts';
import { watchPage, type PageRecord } from './driver.ts';

const VIEWPORT = { width: 1440, height: 900 };

/**
 * The console errors of a page other than the refusals it was meant to meet: Chromium logs every answer 4xx as an
 * error ("Failed to load resource: the server responded with a status of 401 (Unauthorized)"), including those a
 * test provokes on purpose (a session ended, a taken user name, a stale version).
 */
export function unexpectedErrors(record: PageRecord, statuses: readonly number[]): string[] {
  return record.consoleErrors.filter(
    (e) => !statuses.some((s) => e.startsWith(`Failed to load resource: the server responded with a status of ${s} (`)),
  );
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  district?: string;
  inspector?: number;
  password: string;
}

/** Creates an account through the API, as the form would have; resolves to its id. */
export async function givenAccount(world: World, a: NewAccount): Promise<number> {
  const res = await world.fetch('/api/admin/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(a),
  });
  if (res.status !== 201) throw new Error(`account not created: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** A sign-in by `username` straight to the API (no page), as another computer would. */
export async function givenSignIn(world: World, username: string, password: string): Promise<void> {
  const res = await fetch(`${world.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
}

/** The districts the test database holds, as the administrator sees them. */
export async function districts(world: World): Promise<Array<{ soato: string; name: string }>> {
  return ((await (await world.fetch('/api/meta')).json()) as { districts: Array<{ soato: string; name: string }> })
    .districts;
}

/** A page of the app, signed in as a demo account or as nobody, recording console errors and foreign requests. */
export class PageDriver {
  readonly record: PageRecord = { consoleErrors: [], foreignRequests: [] };

  protected constructor(readonly page: Page) {}

  static async open(world: World, path: string, user: string | null = 'admin'): Promise<PageDriver> {
    const page = await world.newPage(VIEWPORT, user);
    const d = new PageDriver(page);
    await watchPage(page, world.origin, d.record);
    await page.goto(`${world.origin}${path}`);
    return d;
  }

  /** Signs in through the sign-in page; resolves once the app's header shows. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByTestId('sign-in-user').fill(username);
    await this.page.getByTestId('sign-in-password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
    await this.page.getByTestId('user-menu').waitFor({ timeout: 30_000 });
  }

  async onSignInPage(timeoutMs = 30_000): Promise<boolean> {
    await this.page.getByTestId('sign-in').waitFor({ timeout: timeoutMs });
    return true;
  }

  /** The SOATO codes the district picker offers (without "All districts"). */
  async pickerDistricts(): Promise<string[]> {
    const picker = this.page.getByTestId('district');
    await picker.locator('option').nth(1).waitFor({ state: 'attached', timeout: 60_000 });
    return (await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(
      (v) => v !== '',
    );
  }

  async chooseDistrict(soato: string): Promise<void> {
    await this.page.getByTestId('district').selectOption(soato);
  }

  /** The page tabs of the header, by test id (`tab-admin`, `tab-hotspots`, …), and which one is current. */
  async tabs(): Promise<{ ids: string[]; current: string | null }> {
    const tabs = this.page.locator('a[data-testid^="tab-"]');
    await tabs.first().waitFor();
    const all = await tabs.evaluateAll((as) =>
      as.map((a) => ({ id: a.getAttribute('data-testid') ?? '', current: a.getAttribute('aria-current') === 'page' })),
    );
    return { ids: all.map((t) => t.id), current: all.find((t) => t.current)?.id ?? null };
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The Administration page, signed in as the demo administrator. */
export class AdminDriver extends PageDriver {
  static async openAdmin(world: World, tab: 'accounts' | 'kiosk' | 'audit' = 'accounts'): Promise<AdminDriver> {
    const page = await world.newPage(VIEWPORT, 'admin');
    const d = new AdminDriver(page);
    await watchPage(page, world.origin, d.record);
    await page.goto(`${world.origin}/admin${tab === 'accounts' ? '' : `?atab=${tab}`}`);
    await page.getByTestId(`admin-tab-${tab}`).waitFor();
    return d;
  }

  async openTab(tab: 'accounts' | 'kiosk' | 'audit'): Promise<void> {
    await this.page.getByTestId(`admin-tab-${tab}`).click();
  }

  private row(username: string) {
    return this.page.locator(`[data-testid="account-row"][data-username="${username}"]`);
  }

  /**
   * Fills the new-account form and submits it (the input must pass the form's own checks, so that it reaches the
   * server); resolves once the server has answered and the form shows the outcome: the account listed, or an issue.
   */
  async createAccount(a: NewAccount): Promise<void> {
    const form = this.page.getByTestId('account-form');
    await form.getByTestId('account-username').fill(a.username);
    await form.getByTestId('account-name').fill(a.displayName);
    await form.getByTestId('account-role').selectOption(a.role);
    if (a.district !== undefined) await form.getByTestId('account-district').selectOption(a.district);
    if (a.inspector !== undefined) await form.getByTestId('account-inspector').fill(String(a.inspector));
    await form.getByTestId('account-password').fill(a.password);
    const answered = this.page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/admin/users',
      { timeout: 30_000 },
    );
    await form.getByTestId('account-submit').click();
    const created = (await answered).status() === 201;
    const shown = created
      ? this.page.getByTestId('accounts-notice').filter({ hasText: `Account ${a.username} created.` })
      : form.getByTestId('field-issue').or(form.getByTestId('form-issues')).first();
    await shown.waitFor({ timeout: 30_000 });
  }

  /** The issue shown next to a field of the new-account form, by the field's test id. */
  async issueNextTo(testId: string): Promise<string | null> {
    // The field names its issue (aria-describedby), as a screen reader reads it.
    const id = await this.page.getByTestId('account-form').getByTestId(testId).getAttribute('aria-describedby');
    return id ? this.page.locator(`[id="${id}"]`).textContent() : null;
  }

  async accountCells(username: string): Promise<{ area: string; state: string }> {
    const row = this.row(username);
    await row.waitFor({ timeout: 30_000 });
    return {
      area: (await row.getByTestId('account-area').textContent()) ?? '',
      state: (await row.getByTestId('account-state').textContent()) ?? '',
    };
  }

  /** Opens the editor of an account. */
  async edit(username: string): Promise<void> {
    await this.row(username).getByTestId('account-edit').click();
    await this.page.getByTestId('account-editor').waitFor();
  }

  async setEditedName(name: string): Promise<void> {
    await this.page.getByTestId('account-editor').getByTestId('account-name').fill(name);
  }

  async editedName(): Promise<string> {
    return this.page.getByTestId('account-editor').getByTestId('account-name').inputValue();
  }

  async setDisabled(disabled: boolean): Promise<void> {
    await this.page.getByTestId('account-editor').getByTestId('account-disabled').setChecked(disabled);
  }

  /** Saves the editor; resolves to what it says: "Saved…" or the refusal listed under the form. */
  async save(): Promise<string> {
    const editor = this.page.getByTestId('account-editor');
    await editor.getByTestId('account-save').click();
    const said = editor.getByTestId('account-status').filter({ hasText: /\S/ }).or(editor.getByTestId('form-issues'));
    await said.first().waitFor({ timeout: 30_000 });
    return (await said.first().textContent()) ?? '';
  }

  /** Creates a wall-screen link for a playlist (by name); resolves to the link shown once. */
  async createWallLink(name: string, playlist: string): Promise<string> {
    const form = this.page.getByTestId('kiosk-form');
    await form.getByTestId('kiosk-name').fill(name);
    // The playlists arrive with their own request: wait for the one wanted to be offered.
    await form
      .getByTestId('kiosk-playlist')
      .locator('option')
      .filter({ hasText: playlist })
      .waitFor({ state: 'attached', timeout: 60_000 });
    await form.getByTestId('kiosk-playlist').selectOption({ label: playlist });
    await form.getByTestId('kiosk-submit').click();
    const link = this.page.getByTestId('kiosk-link');
    await link.waitFor({ timeout: 30_000 });
    return link.inputValue();
  }

  /** Revokes a wall-screen link (two clicks: revoke, confirm); resolves once the table shows it revoked. */
  async revokeWallLink(name: string): Promise<void> {
    const row = this.page.locator(`[data-testid="kiosk-row"][data-name="${name}"]`);
    await row.getByTestId('kiosk-revoke').click();
    await row.getByTestId('kiosk-revoke-confirm').click();
    await row
      .getByTestId('kiosk-state')
      .filter({ hasText: /^Revoked/ })
      .waitFor({ timeout: 30_000 });
  }

  /** Filters the audit log by the start of the action's name; resolves to the rows shown (action, user, area, parameters). */
  async auditRows(action = ''): Promise<Array<{ action: string; username: string; area: string; params: string }>> {
    await this.page.getByTestId('audit-action').fill(action);
    await this.page.getByTestId('audit-apply').click();
    const table = this.page.getByTestId('audit-table');
    await table.waitFor({ timeout: 30_000 });
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="audit-table"]')?.getAttribute('data-loading') === 'false',
      undefined,
      { timeout: 30_000 },
    );
    return table.getByTestId('audit-row').evaluateAll((rows) =>
      rows.map((r) => ({
        action: r.getAttribute('data-action') ?? '',
        username: r.getAttribute('data-username') ?? '',
        area: r.querySelector('[data-testid="audit-area"]')?.textContent ?? '',
        params: r.querySelector('[data-testid="audit-params"]')?.textContent ?? '',
      })),
    );
  }

  auditCsvHref(): Promise<string | null> {
    return this.page.getByTestId('audit-csv').getAttribute('href');
  }
}

/** A wall screen opened from a kiosk link in a browser where nobody is signed in. */
export class WallDriver extends PageDriver {
  static async openLink(world: World, link: string): Promise<WallDriver> {
    const page = await world.newPage({ width: 1280, height: 720 }, null);
    const d = new WallDriver(page);
    await watchPage(page, world.origin, d.record);
    await page.goto(link);
    return d;
  }

  /** Resolves once slides are on screen (software WebGL takes a while). */
  async plays(): Promise<boolean> {
    await this.page.getByTestId('slide').first().waitFor({ state: 'attached', timeout: 110_000 });
    return true;
  }

  /** What the screen says when its link does not work. */
  async refusal(): Promise<string> {
    const said = this.page.getByTestId('wall-link-refused');
    await said.waitFor({ timeout: 30_000 });
    return (await said.textContent()) ?? '';
  }
}
