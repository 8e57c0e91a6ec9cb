// The boot script's early fetches (web/early-answers.ts): one per preload link of the page, each handed once to the
// typed client's plain GET of that path and query, anything else going to the network. Against a page with two
// preload links and a fetch that records what reached the network.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyPaths, fetchEarly, fetchOrEarly } from '../../web/early-answers.ts';

const ORIGIN = 'http://hamkor.test';
let network: string[];

beforeEach(() => {
  network = [];
  vi.stubGlobal('window', { location: { href: `${ORIGIN}/`, origin: ORIGIN } });
  vi.stubGlobal('document', {
    querySelectorAll: (selector: string) =>
      selector === 'link[rel="preload"][as="fetch"]'
        ? [{ href: `${ORIGIN}/api/meta` }, { href: `${ORIGIN}/api/tiles/mahallas.json?v=2` }]
        : [],
  });
  vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) => {
    network.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return Promise.resolve(new Response(JSON.stringify({ asked: String(input) })));
  });
});
afterEach(() => {
  // Whatever a test left untaken, so the next starts from no early answers.
  for (const path of earlyPaths()) fetchOrEarly(path).catch(() => undefined);
  vi.unstubAllGlobals();
});

describe('early answers', () => {
  it('asks for each preloaded answer at once and hands it to the first plain GET of that path and query', async () => {
    fetchEarly();
    expect(network).toEqual([`GET ${ORIGIN}/api/meta`, `GET ${ORIGIN}/api/tiles/mahallas.json?v=2`]);
    expect(earlyPaths()).toEqual(['/api/meta', '/api/tiles/mahallas.json?v=2']);

    const meta = await fetchOrEarly('/api/meta', { method: 'GET', headers: new Headers() });
    expect(await meta.json()).toEqual({ asked: `${ORIGIN}/api/meta` });
    expect(network).toHaveLength(2);
    expect(earlyPaths()).toEqual(['/api/tiles/mahallas.json?v=2']);

    // Taken once: the next ask goes to the network.
    await fetchOrEarly('/api/meta');
    expect(network.at(-1)).toBe('GET /api/meta');
    // The query is part of what was preloaded: another query is another answer.
    await fetchOrEarly('/api/tiles/mahallas.json');
    expect(network.at(-1)).toBe('GET /api/tiles/mahallas.json');
    await fetchOrEarly(new URL(`${ORIGIN}/api/tiles/mahallas.json?v=2`));
    expect(network).toHaveLength(4);
    expect(earlyPaths()).toEqual([]);
  });

  it('leaves a write, an abortable ask and any path not preloaded to the network', async () => {
    fetchEarly();
    await fetchOrEarly('/api/meta', { method: 'POST', body: '{}' });
    await fetchOrEarly('/api/meta', { signal: new AbortController().signal });
    await fetchOrEarly('/api/boundaries');
    expect(network.slice(2)).toEqual(['POST /api/meta', 'GET /api/meta', 'GET /api/boundaries']);
    expect(earlyPaths()).toContain('/api/meta');
  });

  it('keeps a failed early ask for its taker, without an unhandled rejection meanwhile', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network down')));
    fetchEarly();
    await new Promise((r) => setTimeout(r, 0));
    await expect(fetchOrEarly('/api/meta')).rejects.toThrow('network down');
  });
});
