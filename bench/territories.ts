// Latency of the territory planner's server side (issue 12) over HTTP: the Coverage page once a new plan is in force
// from part-way through the periods asked (each period reads the plan in force on its last day), the comparison of
// two versions and the annex export. Approves one version in the benchmark's own fresh user store.
import type { BenchRow } from './spatial-join.ts';
import { benchFetch, measure, window90, type Latency } from './http.ts';

interface Plan {
  district: string;
  versionId: number | null;
  posts: Array<{ id: number; inspector: number | null; label: string | null }>;
  assignments: Array<{ mahalla: number; post: number }>;
}

async function call<T>(origin: string, path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await benchFetch(`${origin}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * In the first district, a version giving one mahalla of its largest territory to a new vacant post, approved from
 * 2026-09-01: the 90-day windows of window90 end between 2026-02 and 2026-10, so some read it and some the old plan.
 */
async function approveOne(origin: string): Promise<{ before: number; after: number }> {
  const { plans } = await call<{ plans: Plan[] }>(origin, '/api/territories/in-force');
  const plan = plans.find((p) => p.versionId !== null && p.assignments.length > 0);
  if (!plan || plan.versionId === null) throw new Error('no district with a version in force');
  const draft = await call<{ id: number }>(origin, '/api/territories/versions', 'POST', {
    district: plan.district,
    name: 'Benchmark',
    reason: 'one mahalla to a new vacant post',
  });
  const vacant = Math.max(...plan.posts.map((p) => p.id)) + 1;
  const moved = plan.assignments[0]?.mahalla;
  await call(origin, `/api/territories/versions/${draft.id}`, 'PUT', {
    name: 'Benchmark',
    reason: 'one mahalla to a new vacant post',
    posts: [...plan.posts, { id: vacant, inspector: null, label: null }],
    assignments: plan.assignments.map((a) => (a.mahalla === moved ? { mahalla: a.mahalla, post: vacant } : a)),
    version: 1,
  });
  await call(origin, `/api/territories/versions/${draft.id}/submit`, 'POST', { version: 2 });
  const day = '2026-09-01';
  await call(origin, `/api/territories/versions/${draft.id}/approve`, 'POST', {
    version: 3,
    effectiveFrom: day,
    orderNumber: 'bench',
    orderDate: day,
  });
  return { before: plan.versionId, after: draft.id };
}

export async function benchTerritories(
  origin: string,
  label: string,
  fmt: (l: Latency) => string,
): Promise<BenchRow[]> {
  const { before, after } = await approveOne(origin);
  const row = async (name: string, url: (i: number) => string, target: string, n = 40, warmup = 10) => ({
    name: `${label}: ${name}`,
    value: fmt(await measure(origin, url, n, warmup)),
    target,
  });
  return [
    await row(
      'GET /api/coverage, 90 days, every inspector, a new plan in force part-way through the windows',
      (i) => `/api/coverage?${window90(i)}`,
      label === 'national' ? 'p50 < 150 ms' : 'p50 < 50 ms',
    ),
    await row(
      'GET /api/territories/diff, one district, 90 days',
      () => `/api/territories/diff?before=${before}&after=${after}`,
      '—',
    ),
    await row(
      'GET /api/territories/versions/:id/annex.xlsx, one district',
      () => `/api/territories/versions/${after}/annex.xlsx`,
      '—',
      20,
      3,
    ),
    await row('GET /api/territories/versions (every district)', () => '/api/territories/versions', '—', 20, 3),
  ];
}
