// `tsx bench/slow-endpoints.ts FILE.duckdb [label]`: the issue-4 endpoints that once missed their target (gaps,
// before/after, applications flow), alone, so a change to them can be timed in a minute instead of a full bench run.
// The first request is timed on its own: it pays for the once-per-database aggregates the later ones read.
import { benchFetch, measure, window90, withServer } from './http.ts';

const [file, label = 'national'] = process.argv.slice(2);
if (!file)
  throw new Error(
    'usage: tsx bench/slow-endpoints.ts FILE.duckdb [label] (use a copy: the server opens it read-write)',
  );

const ROWS: Array<[string, (i: number) => string]> = [
  ['GET /api/cooperation/gaps, 90 days', (i) => `/api/cooperation/gaps?${window90(i)}`],
  [
    'GET /api/cooperation/gaps, 90 days, 3 categories, solved',
    (i) => `/api/cooperation/gaps?${window90(i)}&categories=property,fraud,drugs&statuses=solved`,
  ],
  ['GET /api/cooperation/before-after, 90 days', (i) => `/api/cooperation/before-after?${window90(i)}`],
  [
    'GET /api/cooperation/before-after, 90 days, 3 categories, solved',
    (i) => `/api/cooperation/before-after?${window90(i)}&categories=property,fraud,drugs&statuses=solved`,
  ],
  ['GET /api/applications/flow, 90 days, whole database', (i) => `/api/applications/flow?${window90(i)}`],
];

await withServer(file, 18_090, async (origin) => {
  console.log(`| ${label} | first request | p50 | p95 |\n|---|---|---|---|`);
  for (const [name, url] of ROWS) {
    const t0 = performance.now();
    await (await benchFetch(origin + url(39))).arrayBuffer();
    const first = performance.now() - t0;
    const l = await measure(origin, url, 30, 5);
    console.log(`| ${name} | ${first.toFixed(0)} ms | ${l.p50.toFixed(1)} ms | ${l.p95.toFixed(1)} ms |`);
  }
});
