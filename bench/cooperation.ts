// Latency of the joint-action, gap, before/after and plan endpoints (issue 4, parts 1, 4 and 5) over HTTP.
// Plans are written through the API and removed again without leaving an archived copy (see `withPlan`).
import type { BenchRow } from './spatial-join.ts';
import { benchFetch, measure, window90, type Latency } from './http.ts';

/** Targets of issue 4: median under 50 ms on the city demo, under 150 ms on the national set. */
const target = (label: string): string => (label === 'national' ? 'p50 < 150 ms' : 'p50 < 50 ms');

interface Meta {
  districts: Array<{ soato: string }>;
}

async function send(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await benchFetch(
    origin + path,
    body === undefined
      ? { method }
      : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
  );
  return { status: res.status, json: await res.json() };
}

/** A plan over the inspectors of the busiest district: every inspector × three common service/type pairs. */
async function planBody(
  origin: string,
  from: string,
  to: string,
): Promise<{ name: string; district: string; from: string; to: string; items: unknown[] }> {
  const meta = (await (await benchFetch(`${origin}/api/meta`)).json()) as Meta;
  const district = meta.districts[0]?.soato ?? '';
  const matrix = (await (
    await benchFetch(`${origin}/api/cooperation/matrix?from=${from}&to=${to}&district=${district}`)
  ).json()) as { inspectors: Array<{ id: number }> };
  const pairs = [
    ['criminal_investigation', 'joint_raid'],
    ['patrol', 'joint_patrol'],
    ['juvenile', 'school_family_meeting'],
  ] as const;
  const items = matrix.inspectors.flatMap((i) =>
    pairs.map(([service, type]) => ({ inspector: i.id, service, type, required: 3 })),
  );
  return { name: 'Bench plan', district, from, to, items };
}

/**
 * Creates a plan for the last full quarter of the data, runs `work` with its id, then moves it to a future period
 * (no fulfilment) and deletes it, so the database keeps no archived copy.
 */
async function withPlan<T>(origin: string, work: (id: number) => Promise<T>): Promise<T> {
  const body = await planBody(origin, '2026-07-01', '2026-09-30');
  const created = await send(origin, 'POST', '/api/plans', body);
  if (created.status !== 201)
    throw new Error(`POST /api/plans: ${created.status} ${JSON.stringify(created.json).slice(0, 300)}`);
  const id = (created.json as { id: number }).id;
  try {
    return await work(id);
  } finally {
    await send(origin, 'PUT', `/api/plans/${id}`, { ...body, from: '2099-01-01', to: '2099-03-31' });
    await send(origin, 'DELETE', `/api/plans/${id}`);
  }
}

/** p50/p95 of `n` create + delete round trips of a future plan (nothing counted, nothing archived). */
async function writes(origin: string, n: number): Promise<{ post: Latency; del: Latency }> {
  const body = await planBody(origin, '2099-01-01', '2099-03-31');
  const post: number[] = [];
  const del: number[] = [];
  for (let i = 0; i < n; i++) {
    let t0 = performance.now();
    const created = await send(origin, 'POST', '/api/plans', body);
    post.push(performance.now() - t0);
    t0 = performance.now();
    await send(origin, 'DELETE', `/api/plans/${(created.json as { id: number }).id}`);
    del.push(performance.now() - t0);
  }
  const stats = (t: number[]): Latency => {
    const s = [...t].sort((a, b) => a - b);
    return {
      p50: s[Math.floor(0.5 * s.length)] ?? NaN,
      p95: s[Math.min(s.length - 1, Math.floor(0.95 * s.length))] ?? NaN,
      n,
      bytes: 0,
    };
  };
  return { post: stats(post), del: stats(del) };
}

/** One row per endpoint against a running server; `fmt` is the table's latency format. */
export async function benchCooperation(
  origin: string,
  label: string,
  fmt: (l: Latency) => string,
): Promise<BenchRow[]> {
  const row = async (name: string, url: (i: number) => string, n = 40, warmup = 10): Promise<BenchRow> => ({
    name: `${label}: ${name}`,
    value: fmt(await measure(origin, url, n, warmup)),
    target: target(label),
  });
  const rows = [
    await row('GET /api/cooperation/summary, 90 days', (i) => `/api/cooperation/summary?${window90(i)}`),
    await row('GET /api/cooperation/mahallas (map layer), 90 days', (i) => `/api/cooperation/mahallas?${window90(i)}`),
    await row('GET /api/cooperation/matrix, 90 days, every inspector', (i) => `/api/cooperation/matrix?${window90(i)}`),
    await row(
      'GET /api/cooperation/gaps (exact hot-spot test + FDR), 90 days, 30-day window',
      (i) => `/api/cooperation/gaps?${window90(i)}`,
    ),
    await row(
      'GET /api/cooperation/before-after, 90 days',
      (i) => `/api/cooperation/before-after?${window90(i)}`,
      20,
      5,
    ),
    // Filtered, it reads its own incident days instead of the cached unfiltered ones (services/cooperation/day-aggregates.ts).
    await row(
      'GET /api/cooperation/before-after, 90 days, 3 categories, solved',
      (i) => `/api/cooperation/before-after?${window90(i)}&categories=property,fraud,drugs&statuses=solved`,
      20,
      5,
    ),
    await row('GET /api/plans (list with fulfilment)', () => '/api/plans'),
  ];
  rows.push(
    ...(await withPlan(origin, async (id) => [
      await row('GET /api/plans/:id (fulfilment, per territory/service/mahalla)', () => `/api/plans/${id}`),
    ])),
  );
  const w = await writes(origin, 10);
  rows.push({ name: `${label}: POST /api/plans (create)`, value: fmt(w.post), target: target(label) });
  rows.push({ name: `${label}: DELETE /api/plans/:id`, value: fmt(w.del), target: target(label) });
  return rows;
}
