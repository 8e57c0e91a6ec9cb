// `tsx bench/first-screen-trace.ts DB.duckdb DIST PORT [--cold]`: where the national first screen's seconds go. Opens
// the hot-spot map once in headless Chromium (as bench/first-screen.ts does) and prints, on the page's clock, every
// request (start → end), the map's events (style parsed, first render, tiles loaded, legend) and the main thread's
// busiest functions from a sampled CPU profile. `--cold` does not wait for the server's warm-up (a fresh server).
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.ts';
import { firstScreenDrawn } from './first-screen.ts';
import { withServer } from './http.ts';
import { chromiumSettled } from './settle.ts';
import { APP_START_MARK } from '../web/app-start.ts';

const [db, dist, port = '8806'] = process.argv.slice(2);
if (!db || !dist) throw new Error('usage: tsx bench/first-screen-trace.ts DB.duckdb DIST [PORT] [--cold]');
// bench/serve-child.ts reads it: answer at once instead of after the warm-up.
if (process.argv.includes('--cold')) process.env.BENCH_FRESH = '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** Self time (ms) per function of a sampled CPU profile, the largest first. */
function selfTimes(p: Profile): Array<[string, number]> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const file = f?.url.split('/').pop() ?? '';
    const name = `${f?.functionName || '(anon)'} ${file}:${f?.lineNumber ?? 0}`;
    ms.set(name, (ms.get(name) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]);
}

/** What ran in each 250 ms of the profile: the top three functions by self time. */
function buckets(p: Profile, originUs: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  let t = p.startTime;
  const out = new Map<number, Map<string, number>>();
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    const f = byId.get(id)?.callFrame;
    const name = `${f?.functionName || '(anon)'}:${f?.url.split('/').pop() ?? ''}`;
    const b = Math.floor((t - originUs) / 250_000);
    const m = out.get(b) ?? new Map<string, number>();
    m.set(name, (m.get(name) ?? 0) + dt / 1000);
    out.set(b, m);
  });
  return [...out]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([b, m]) =>
        `${(b * 250).toString().padStart(5)} ms: ${[...m]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 4)
          .map(([n, v]) => `${n} ${v.toFixed(0)}`)
          .join(' | ')}`,
    );
}

/**
 * In the page, after the first screen: the median ms of a frame (a 1-pixel read-back waits for the GPU) of the whole
 * map, of an empty one, and of each style layer drawn alone.
 */
async function frameCosts(): Promise<string> {
  const map = window.__hamkorMap!;
  const gl = map.painter.context.gl;
  const frame = async (): Promise<number> => {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      map.triggerRepaint();
      await new Promise<void>((r) => map.once('render', () => r()));
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[2] ?? NaN;
  };
  await frame();
  const out = [`whole map ${(await frame()).toFixed(1)} ms a frame`];
  const order = (map as unknown as { style: { _order: string[] } }).style._order;
  out.push(`  layers: ${order.join(', ')}`);
  const ids = order.filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
  for (const id of ids) map.setLayoutProperty(id, 'visibility', 'none');
  out.push(`  nothing: ${(await frame()).toFixed(1)} ms`);
  for (const id of ids) {
    map.setLayoutProperty(id, 'visibility', 'visible');
    out.push(`  ${id} alone: ${(await frame()).toFixed(1)} ms`);
    map.setLayoutProperty(id, 'visibility', 'none');
  }
  for (const id of ids) map.setLayoutProperty(id, 'visibility', 'none');
  const painter = map.painter as unknown as { drawFunctions: Record<string, unknown> };
  const sky = painter.drawFunctions.sky;
  painter.drawFunctions.sky = () => undefined;
  out.push(`  nothing, no sky: ${(await frame()).toFixed(1)} ms`);
  painter.drawFunctions.sky = sky;
  const t = performance.now();
  for (let k = 0; k < 5; k++) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  out.push(`  a read-back alone: ${((performance.now() - t) / 5).toFixed(1)} ms`);
  for (const id of ids) map.setLayoutProperty(id, 'visibility', 'visible');
  out.push(`whole map again ${(await frame()).toFixed(1)} ms a frame`);
  return out.join('\n');
}

const browser = await launchChromium();
try {
  await withServer(
    db,
    Number(port),
    async (origin) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.request.post(`${origin}/api/auth/login`, { data: { username: 'admin', password: 'hamkor-admin' } });
      const page = await context.newPage();
      await page.addInitScript({
        content: `window.__name = (f) => f; window.__marks = [];
        const mark = (n) => window.__marks.push([n, performance.now()]);
        const poll = () => {
          const m = window.__hamkorMap;
          if (m && !window.__hooked) {
            window.__hooked = true; mark('map created');
            m.once('style.load', () => mark('style.load'));
            let frames = 0;
            m.on('render', () => { frames++; mark('render ' + frames); });
            m.once('load', () => mark('load'));
            m.once('idle', () => mark('idle'));
            m.on('sourcedata', (e) => { if (e.sourceId === 'mahalla-tiles' && e.sourceDataType === 'metadata' && !window.__md) { window.__md = 1; mark('tiles metadata'); } });
            m.on('dataloading', (e) => { if (e.sourceId === 'mahalla-tiles' && e.tile && !window.__dl) { window.__dl = 1; mark('first tile loading'); } });
            m.on('sourcedata', (e) => { if (e.sourceId === 'mahalla-tiles' && e.isSourceLoaded && !window.__tl) { window.__tl = 1; mark('tiles source loaded'); } });
          }
          if (document.querySelector('[data-testid="legend"] h3') && !window.__lg) { window.__lg = 1; mark('legend'); }
          if (m && m.getLayer('mahalla-tile-fill') && !window.__tf) { window.__tf = 1; mark('tile fill layer added'); }
          const busy = document.querySelector('.map-area')?.getAttribute('data-loading');
          if (busy && busy !== window.__busy) { window.__busy = busy; mark('data-loading ' + busy); }
          const ready = !!(m && m.loaded() && m.areTilesLoaded());
          if (m && ready !== !!window.__ready) { window.__ready = ready; mark(ready ? 'map loaded, tiles in' : 'map not loaded'); }
          requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
        // Messages between the page and MapLibre's workers: when each was sent and answered (type, source, tile).
        window.__msgs = [];
        const describe = (d) => d && typeof d === 'object' ? [d.type, d.data?.source ?? d.data?.type ?? '', d.data?.tileID ? d.data.tileID.canonical?.z + '/' + d.data.tileID.canonical?.x + '/' + d.data.tileID.canonical?.y : ''].join(' ') : String(d);
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (d, t) {
          if (!this.__heard) { this.__heard = 1; this.__n = (window.__wn = (window.__wn ?? 0) + 1); this.addEventListener('message', (e) => window.__msgs.push([performance.now(), 'worker ' + this.__n + ' → ' + describe(e.data)])); }
          window.__msgs.push([performance.now(), '→ worker ' + this.__n + ' ' + describe(d)]);
          return post.call(this, d, t);
        };
        // Each program linked: when, how long its link status took (the compile waits there), and what it is.
        window.__programs = [];
        const src = new WeakMap(), linked = new WeakMap();
        for (const G of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
          const shaderSource = G.shaderSource, link = G.linkProgram, param = G.getProgramParameter, attach = G.attachShader;
          G.shaderSource = function (sh, s) { src.set(sh, s); return shaderSource.call(this, sh, s); };
          G.attachShader = function (p, sh) { const l = linked.get(p) ?? []; l.push(src.get(sh) ?? ''); linked.set(p, l); return attach.call(this, p, sh); };
          G.linkProgram = function (p) { window.__linkAt = performance.now(); return link.call(this, p); };
          G.getProgramParameter = function (p, k) {
            const t = performance.now();
            const r = param.call(this, p, k);
            if (k === this.LINK_STATUS && linked.has(p)) {
              const text = linked.get(p).join('\\n');
              const defs = [...new Set(text.match(/#define HAS_UNIFORM_u_\\w+/g) ?? [])].map((d) => d.slice(20));
              const ins = [...new Set(text.match(/uniform (?:highp |mediump |lowp )?\\w+ (u_\\w+)/g) ?? [])].map((x) => x.split(' ').pop()).filter((u) => !/^u_(projection|fade|matrix|pixel|world_size|device|camera|units|scale|zoom|tile)/.test(u) && !defs.includes(u.slice(2)));
              const name = text.match(/#define SHADER_NAME (\\S+)/)?.[1] ?? '';
              window.__programs.push([window.__linkAt, performance.now() - t, performance.now() - window.__linkAt, name + ' ' + ins.slice(0, 8).join(',') + ' | uniform: ' + defs.join(',')]);
              linked.delete(p);
            }
            return r;
          };
        }`,
      });
      // Requests from MapLibre's workers (the tiles) are not in the page's resource timing: Playwright sees them all.
      const fromWorkers: Array<[number, string]> = [];
      context.on('requestfinished', (req) => {
        const t = req.timing();
        const path = new URL(req.url()).pathname;
        if (path.startsWith('/api/tiles/mahallas/'))
          fromWorkers.push([t.startTime, `${(t.responseEnd - t.requestStart).toFixed(0)} ms ${path.slice(0, 60)}`]);
      });
      const cdp: CDPSession = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      // As the bench times it: in a Chromium that has finished starting (bench/settle.ts).
      await chromiumSettled();
      const start = Date.now();
      await page.goto(`${origin}/`);
      await firstScreenDrawn(page);
      const drawn = Date.now() - start;
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await page.screenshot({ path: process.env.TRACE_SHOT ?? '/tmp/first-screen-trace.png' });
      const asked = { workers: !!process.env.TRACE_WORKERS, appStart: APP_START_MARK };
      const timeline = await page.evaluate(({ workers, appStart }) => {
        const w = window as unknown as { __marks: Array<[string, number]> };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
          (r) =>
            [
              r.startTime,
              `${r.startTime.toFixed(0).padStart(5)} → ${r.responseEnd.toFixed(0).padStart(5)} (ttfb ${(r.responseStart - r.requestStart).toFixed(0)} ms, ${(r.encodedBodySize / 1024).toFixed(0)} KiB) ${new URL(r.name).pathname.slice(0, 60)}`,
            ] as [number, string],
        );
        const progs = (window as unknown as { __programs: Array<[number, number, number, string]> }).__programs.map(
          ([t, wait, all, what]) =>
            [
              t,
              `${t.toFixed(0).padStart(5)}   program ${all.toFixed(0)} ms (status ${wait.toFixed(0)} ms): ${what}`,
            ] as [number, string],
        );
        const msgs = workers
          ? (window as unknown as { __msgs: Array<[number, string]> }).__msgs.map(
              ([t, m]) => [t, `${t.toFixed(0).padStart(5)}   ${m}`] as [number, string],
            )
          : [];
        const marks = w.__marks.map(([n, t]) => [t, `${t.toFixed(0).padStart(5)}   ${n}`] as [number, string]);
        return {
          lines: [
            [
              nav.requestStart,
              `${nav.requestStart.toFixed(0).padStart(5)} → ${nav.responseEnd.toFixed(0).padStart(5)} (ttfb ${(nav.responseStart - nav.requestStart).toFixed(0)} ms) the page`,
            ],
            [nav.domContentLoadedEventEnd, `${nav.domContentLoadedEventEnd.toFixed(0).padStart(5)}   DOMContentLoaded`],
            // The document's load (Chrome's loading animation stops) and the app's start (web/boot.ts, web/main.tsx).
            [nav.loadEventEnd, `${nav.loadEventEnd.toFixed(0).padStart(5)}   document loaded`],
            // Every user-timing mark: the app's start, and any a trial build sets (performance.mark('…')).
            ...performance
              .getEntriesByType('mark')
              .map(
                (m) =>
                  [
                    m.startTime,
                    `${m.startTime.toFixed(0).padStart(5)}   ${m.name === appStart ? 'app start' : `mark ${m.name}`}`,
                  ] as [number, string],
              ),
            ...res,
            ...marks,
            ...progs,
            ...msgs,
          ]
            .sort((a, b) => (a[0] as number) - (b[0] as number))
            .map((l) => l[1]),
          origin: performance.timeOrigin,
        };
      }, asked);
      console.log(`drawn in ${drawn} ms (from navigation, Node's clock)`);
      if (process.argv.includes('--frames')) console.log(await page.evaluate(frameCosts));
      const tiles = fromWorkers.map(
        ([at, what]) =>
          [at - timeline.origin, `${(at - timeline.origin).toFixed(0).padStart(5)}   tile asked, ${what}`] as const,
      );
      const all = [...(timeline.lines as string[]).map((l) => [Number(l.slice(0, 5)), l] as const), ...tiles];
      for (const [, l] of all.sort((a, b) => a[0] - b[0])) console.log(l);
      const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
      console.log(`\nmain thread, sampled ${total.toFixed(0)} ms; top self times:`);
      for (const [n, ms] of selfTimes(profile).slice(0, 30)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${n}`);
      // The profile starts just before the navigation: its clock is near the page's.
      console.log('\nby 250 ms from the start of the profile (≈ the navigation):');
      for (const l of buckets(profile, profile.startTime)) console.log(l);
    },
    dist,
  );
} finally {
  await browser.close();
}
