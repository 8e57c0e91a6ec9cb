// The Administration page in real Chromium against the real server: accounts that bind a person to their area and end
// their sessions when disabled, the server's refusals shown where they belong, wall-screen links that work until
// revoked, the audit log, and the page kept from those without the `accounts` capability.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYLIST } from '../../server/contract/playlists.ts';
import { startWorld, type World } from './harness.ts';
import {
  AdminDriver,
  districts,
  givenAccount,
  givenSignIn,
  PageDriver,
  unexpectedErrors,
  WallDriver,
} from './admin-driver.ts';
import type { PageRecord } from './driver.ts';

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

/** No console errors but the logged answers of the statuses the test provoked, and no request outside the origin. */
function expectClean(record: PageRecord, provoked: readonly number[] = []): void {
  expect(unexpectedErrors(record, provoked)).toEqual([]);
  expect(record.foreignRequests).toEqual([]);
}

const PASSWORD = 'district-two-password';

describe('accounts', () => {
  it('a district head made by the administrator sees only their district, and is signed out at their next request once disabled', async () => {
    const [, district] = await districts(world);
    if (!district) throw new Error('the test database has two districts');
    const admin = await AdminDriver.openAdmin(world);
    await admin.createAccount({
      username: 'head.two',
      displayName: 'Head of district two',
      role: 'district_head',
      district: district.soato,
      password: PASSWORD,
    });
    expect(await admin.accountCells('head.two')).toEqual({ area: district.name, state: 'Active' });

    const person = await PageDriver.open(world, '/', null);
    await person.onSignInPage();
    await person.signIn('head.two', PASSWORD);
    expect(await person.pickerDistricts()).toEqual([district.soato]);

    await admin.edit('head.two');
    await admin.setDisabled(true);
    expect(await admin.save()).toMatch(/^Saved\. The account is disabled/);
    expect((await admin.accountCells('head.two')).state).toBe('Disabled');

    await person.chooseDistrict(district.soato);
    expect(await person.onSignInPage()).toBe(true);
    expectClean(admin.record);
    // The person's page met the 401s that ended its session (and the sign-in page's own "nobody yet").
    expectClean(person.record, [401]);
    await person.close();
    await admin.close();
  });

  it('shows the server’s refusals next to the field they name', async () => {
    const admin = await AdminDriver.openAdmin(world);
    await admin.createAccount({
      username: 'district',
      displayName: 'Taken name',
      role: 'ministry',
      password: PASSWORD,
    });
    expect(await admin.issueNextTo('account-username')).toBe('is taken');
    await admin.createAccount({
      username: 'nobody.inspector',
      displayName: 'No such inspector',
      role: 'inspector',
      inspector: 999_999,
      password: PASSWORD,
    });
    expect(await admin.issueNextTo('account-inspector')).toBe('no inspector has this id');
    expect(await admin.issueNextTo('account-username')).toBeNull();
    expectClean(admin.record, [400, 409]);
    await admin.close();
  });

  it('refuses a save over someone else’s change, says who made it, and keeps the edits', async () => {
    const id = await givenAccount(world, {
      username: 'planner.two',
      displayName: 'Planner two',
      role: 'ministry',
      password: PASSWORD,
    });
    const admin = await AdminDriver.openAdmin(world);
    await admin.edit('planner.two');
    const body = { displayName: 'Renamed elsewhere', role: 'ministry', disabled: false, version: 1 };
    const res = await world.fetch(`/api/admin/users/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    await admin.setEditedName('Renamed here');
    expect(await admin.save()).toMatch(
      /^Not saved: changed by admin at .+ \(now version 2\).*Your edits are still here/,
    );
    expect(await admin.editedName()).toBe('Renamed here');
    expectClean(admin.record, [409]);
    await admin.close();
  });
});

describe('wall-screen links', () => {
  it('a new link plays the wall screen in a browser nobody is signed in to, until it is revoked', async () => {
    const admin = await AdminDriver.openAdmin(world, 'kiosk');
    const link = await admin.createWallLink('Duty room', DEFAULT_PLAYLIST.name);
    expect(link).toMatch(new RegExp(`^${world.origin}/briefing\\?kiosk=[A-Za-z0-9_-]{20,}$`));

    const wall = await WallDriver.openLink(world, link);
    expect(await wall.plays()).toBe(true);
    expect(new URL(wall.page.url()).searchParams.get('kiosk')).toBeNull();
    // Only the "nobody is signed in yet" (401) asked while the link's token is exchanged for a session.
    expectClean(wall.record, [401]);
    await wall.close();

    await admin.revokeWallLink('Duty room');
    const again = await WallDriver.openLink(world, link);
    expect(await again.refusal()).toMatch(/This wall-screen link does not work/);
    expect(await again.page.getByTestId('slide').count()).toBe(0);
    expectClean(again.record, [401]);
    expectClean(admin.record);
    await again.close();
    await admin.close();
  });
});

describe('audit log', () => {
  it('lists the account’s creation and the sign-ins with their user names', async () => {
    await givenAccount(world, {
      username: 'analyst.two',
      displayName: 'Analyst two',
      role: 'ministry',
      password: PASSWORD,
    });
    await givenSignIn(world, 'analyst.two', PASSWORD);
    const admin = await AdminDriver.openAdmin(world, 'audit');
    const created = await admin.auditRows('admin.users.create');
    expect(created[0]).toMatchObject({ action: 'admin.users.create', username: 'admin' });
    expect(created[0]?.params).toContain('"username":"analyst.two"');
    expect(created[0]?.params).not.toContain(PASSWORD);
    const signIns = await admin.auditRows('auth.login');
    expect(signIns.map((r) => r.username)).toEqual(expect.arrayContaining(['analyst.two', 'admin']));
    expect(new Set(signIns.map((r) => r.action))).toEqual(new Set(['auth.login']));
    // A request narrowed to no area is stored as 'all' and read in words.
    expect(new Set(signIns.map((r) => r.area))).toEqual(new Set(['Whole country']));
    // The CSV comes in the page's language (its headers, role names and list separator).
    expect(await admin.auditCsvHref()).toBe(
      `/api/admin/audit.csv?action=auth.login&lang=${await admin.page.evaluate(() => document.documentElement.lang)}`,
    );
    // The day filters are the app's own date fields (the language's day-first pattern), not the browser's.
    const from = admin.page.getByTestId('audit-from');
    await expect(from.getAttribute('type')).resolves.toBe('text');
    // …and their boxes stand level with the user and action boxes beside them (the day in words hangs below).
    const [fromBox, userBox] = await Promise.all([
      from.boundingBox(),
      admin.page.getByTestId('audit-user').boundingBox(),
    ]);
    expect({ top: fromBox?.y, height: fromBox?.height }).toEqual({ top: userBox?.y, height: userBox?.height });
    await from.fill('31.12.2099');
    await admin.page.getByTestId('audit-apply').click();
    await expect.poll(() => admin.auditCsvHref()).toContain('from=2099-12-31');
    expectClean(admin.record);
    await admin.close();
  });
});

describe('who sees the page', () => {
  it('a district head has no Administration tab, and /admin opens the first page', async () => {
    const d = await PageDriver.open(world, '/admin', 'district');
    const tabs = await d.tabs();
    expect(tabs.ids).not.toContain('tab-admin');
    expect(tabs.ids).toContain('tab-playlists');
    expect(tabs.current).toBe('tab-hotspots');
    expect(await d.page.getByTestId('admin-tab-accounts').count()).toBe(0);
    expectClean(d.record);
    await d.close();
  });

  it('the administrator has the tab, and its three parts keep their place in the link', async () => {
    const d = await AdminDriver.openAdmin(world);
    expect((await d.tabs()).current).toBe('tab-admin');
    await d.openTab('audit');
    expect(new URL(d.page.url()).searchParams.get('atab')).toBe('audit');
    await d.page.getByTestId('audit-table').waitFor();
    expectClean(d.record);
    await d.close();
  });
});
