// Back and Forward while an editor holds unsaved changes (route.ts), against a session history that behaves as the
// browser's does: entries with their state, pushState dropping the forward ones, history.go reporting popstate later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Route from '../../web/state/route.ts';

type PopListener = (e: { state: unknown }) => void;

/** One tab's session history; `press(n)` is the user's Back (−1) or Forward (+1) button. */
class FakeTab {
  entries: Array<{ url: string; state: unknown }> = [{ url: '/plans', state: null }];
  at = 0;
  private readonly pops = new Set<PopListener>();
  readonly history = {
    state: null as unknown,
    pushState: (state: unknown, _title: string, url: string): void => {
      this.entries.splice(this.at + 1, Infinity, { url, state });
      this.at += 1;
      this.history.state = state;
    },
    replaceState: (state: unknown, _title: string, url?: string): void => {
      this.entries[this.at] = { url: url ?? this.url, state };
      this.history.state = state;
    },
    // The browser moves in a later task and then reports popstate, never during the call.
    go: (n: number): void => {
      setTimeout(() => {
        const to = this.at + n;
        const entry = this.entries[to];
        if (n === 0 || !entry) return;
        this.at = to;
        this.history.state = entry.state;
        for (const l of this.pops) l({ state: entry.state });
      }, 1);
    },
  };
  get url(): string {
    return this.entries[this.at]?.url ?? '';
  }
  get location(): { pathname: string; search: string } {
    const u = new URL(this.url, 'http://hamkor.test');
    return { pathname: u.pathname, search: u.search };
  }
  addEventListener(type: string, l: PopListener): void {
    if (type === 'popstate') this.pops.add(l);
  }
  removeEventListener(type: string, l: PopListener): void {
    if (type === 'popstate') this.pops.delete(l);
  }
  press(n: number): void {
    this.history.go(n);
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

let tab: FakeTab;
let route: typeof Route;
let moved: number;

beforeEach(async () => {
  tab = new FakeTab();
  vi.stubGlobal('window', tab);
  vi.resetModules();
  route = await import('../../web/state/route.ts');
  moved = 0;
  route.onHistoryMove(() => (moved += 1));
  // The user came from the hot-spot map to the plans page and opened an editor there.
  route.navigate('/');
  route.navigate('/plans');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('history steps while an editor holds unsaved changes', () => {
  it('moves as usual when nothing holds it', async () => {
    tab.press(-1);
    await settle();
    expect([tab.location.pathname, moved]).toEqual(['/', 1]);
  });

  it('takes Back back and asks; Stay keeps page and entries, Leave takes the same step', async () => {
    const asked: Array<() => void> = [];
    const release = route.holdHistory((leave) => asked.push(leave));
    tab.press(-1);
    await settle();
    expect([tab.location.pathname, asked.length, moved]).toEqual(['/plans', 1, 0]);
    expect(tab.entries.map((e) => e.url)).toEqual(['/plans', '/', '/plans']);
    // Stay is doing nothing; the next Back is asked about again, and Leave goes where it was asked to.
    tab.press(-1);
    await settle();
    expect([tab.location.pathname, asked.length]).toEqual(['/plans', 2]);
    asked[1]?.();
    await settle();
    expect([tab.location.pathname, moved]).toEqual(['/', 1]);
    release();
  });

  it('holds Forward and a jump of two steps the same way', async () => {
    tab.press(-2);
    await settle();
    const asked: Array<() => void> = [];
    route.holdHistory((leave) => asked.push(leave));
    tab.press(2);
    await settle();
    expect([tab.location.pathname, asked.length]).toEqual(['/plans', 1]);
    expect(tab.at).toBe(0);
    asked[0]?.();
    await settle();
    expect([tab.at, tab.location.pathname]).toEqual([2, '/plans']);
  });

  it('takes the step once when Leave comes before the return is reported', async () => {
    let asked = 0;
    route.holdHistory((leave) => {
      asked += 1;
      leave();
    });
    tab.press(-1);
    await settle();
    await settle();
    expect([tab.at, tab.location.pathname, moved, asked]).toEqual([1, '/', 1, 1]);
  });

  it('keeps the entry’s position when a filter rewrites its URL, and lets go when released', async () => {
    route.replaceUrl('/plans?d=1726294');
    let asked = 0;
    const release = route.holdHistory(() => (asked += 1));
    tab.press(-1);
    await settle();
    expect([tab.url, asked]).toEqual(['/plans?d=1726294', 1]);
    release();
    tab.press(-1);
    await settle();
    expect([tab.location.pathname, asked, moved]).toEqual(['/', 1, 1]);
  });
});
