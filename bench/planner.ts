// Territory planner (issue 12): metric update per stroke, three proposals for a district, the city and every national
// district, each beside the greedy baseline on the same inputs (posts outside the ε band, largest deviation, mahallas
// moved from the plan in force).
import { NORM_DEFAULTS } from '../server/contract/coverage.ts';
import { openDb } from '../server/db/database.ts';
import { dataPeriod } from '../server/services/data-period.ts';
import { loadModelInForce, type LoadedModel } from '../server/services/planner/district-model.ts';
import { seedTerritories } from '../server/services/territories/seed.ts';
import { openStore } from '../server/store/duck/open.ts';
import { addDays, type Period } from '../server/shared/period.ts';
import { evaluatePlan } from '../server/shared/planner/evaluate.ts';
import { PlanState } from '../server/shared/planner/plan-state.ts';
import { greedyBaseline, propose, type PlanOutcome, type Proposal } from '../server/shared/planner/propose.ts';
import { DEFAULT_WEIGHTS, workloadCosts } from '../server/shared/planner/workload.ts';
import { Rng } from '../server/shared/random.ts';
import type { BenchRow } from './spatial-join.ts';

/**
 * Tolerances of the proposals: ±25 % and ±50 % of the ideal workload. Demo posts hold 1–3 mahallas each, so one
 * mahalla is often a third of a post's work and a tight band cannot be met everywhere.
 */
const EPSILONS = [0.25, 0.5];
const SEED = 12;

/** CPU seconds (user + system) of this process since `since`: on a shared machine, what the work itself took. */
const cpuOf = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};
const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

/** The model of the 90 days before the data's end, with the plan in force as a server start keeps it (version 1). */
async function load(file: string, districts: string[] | null): Promise<LoadedModel> {
  const db = await openDb(file, { readOnly: true });
  const store = await openStore(':memory:');
  try {
    await seedTerritories(db, store);
    const end = (await dataPeriod(db)).end;
    const period: Period = { from: addDays(end, -90), to: addDays(end, -1) };
    return await loadModelInForce(db, store, { districts, period });
  } finally {
    store.close();
    db.close();
  }
}

/** Mahallas per district of a model. */
const sizes = (m: LoadedModel['model']): Array<{ code: string; n: number }> =>
  m.districts.map((code, d) => ({ code, n: m.mahallaStart[d + 1]! - m.mahallaStart[d]! }));

/** Paint strokes of 1–6 neighbouring mahallas (a brush) with random posts of the district, one in ten an erase. */
function benchStrokes(loaded: LoadedModel, label: string): BenchRow[] {
  const { model, inForce } = loaded;
  const state = new PlanState(model, workloadCosts(model, DEFAULT_WEIGHTS), inForce, NORM_DEFAULTS);
  const rng = new Rng(SEED);
  const posts = Array.from(model.postList);
  const brush = (): number[] => {
    const out = [Math.floor(rng.next() * model.n)];
    for (let k = 0, size = 1 + Math.floor(rng.next() * 6); k < out.length && out.length < size; k++) {
      for (let e = model.adjStart[out[k]!]!; e < model.adjStart[out[k]! + 1]! && out.length < size; e++)
        if (!out.includes(model.adj[e]!)) out.push(model.adj[e]!);
    }
    return out;
  };
  const stroke: number[] = [],
    hover: number[] = [];
  for (let i = 0; i < 1100; i++) {
    const ms = brush();
    const post = rng.next() < 0.1 ? -1 : posts[Math.floor(rng.next() * posts.length)]!;
    let t = performance.now();
    state.preview(ms, post);
    const h = performance.now() - t;
    t = performance.now();
    state.paint(ms, post);
    state.metrics();
    if (i < 100) continue; // warm-up
    stroke.push(performance.now() - t);
    hover.push(h);
  }
  const full: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    evaluatePlan(model, state.weights, state.plan, NORM_DEFAULTS);
    full.push(performance.now() - t);
  }
  const f = (xs: number[]): string => `p50 ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
  return [
    { name: `planner: stroke (paint 1–6 mahallas + every metric), ${label}`, value: f(stroke), target: 'p95 < 16 ms' },
    { name: `planner: hover preview of a stroke, ${label}`, value: f(hover), target: '—' },
    { name: `planner: full evaluation of the plan from scratch, ${label}`, value: f(full), target: '—' },
  ];
}

const outcome = (o: PlanOutcome): string =>
  `${o.outside} outside, max ${pct(o.maxAbsDeviation)}, ${o.moved.length} moved`;

/**
 * Whether a proposal beats the baseline on balance (posts outside, then largest deviation) and on moves (a tie counts
 * as not worse), and by how much where not.
 */
function verdict(p: PlanOutcome, g: PlanOutcome): string {
  const balance = p.outside < g.outside || (p.outside === g.outside && p.maxAbsDeviation <= g.maxAbsDeviation + 1e-9);
  const moves = p.moved.length <= g.moved.length;
  return balance && moves
    ? 'beats greedy on both'
    : balance
      ? `not on moves (+${p.moved.length - g.moved.length})`
      : moves
        ? `not on balance (max +${pct(p.maxAbsDeviation - g.maxAbsDeviation)})`
        : 'on neither';
}

function benchProposals(
  loaded: LoadedModel,
  label: string,
  target: string,
  epsilon: number,
  districts?: string[],
): BenchRow[] {
  const { model, inForce } = loaded;
  const costs = workloadCosts(model, DEFAULT_WEIGHTS);
  const opts = { epsilon, seed: SEED, ...(districts ? { districts } : {}) };
  let t = performance.now();
  const cpu = process.cpuUsage();
  const proposals: Proposal[] = propose(model, costs, inForce, opts);
  const seconds = (performance.now() - t) / 1000;
  const cpuSeconds = cpuOf(cpu);
  t = performance.now();
  const g = greedyBaseline(model, costs, inForce, opts);
  const greedyMs = performance.now() - t;
  const different = new Set(proposals.map((p) => p.plan.join())).size;
  const rows: BenchRow[] = [
    {
      name: `planner: 3 proposals, ${label}, ε ${pct(epsilon)}`,
      value: `${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), ${different} different plans`,
      target,
    },
  ];
  rows.push({
    name: `planner: greedy baseline, ${label}, ε ${pct(epsilon)}`,
    value: `${outcome(g)} (${greedyMs.toFixed(0)} ms)`,
    target: '—',
  });
  for (const p of proposals)
    rows.push({
      name: `planner: ${p.label.toLowerCase()}, ${label}, ε ${pct(epsilon)}`,
      value: outcome(p),
      target: verdict(p, g),
    });
  return rows;
}

/** Every district of the national database on its own, summed, with how many districts each proposal beat greedy in. */
function benchNational(loaded: LoadedModel): BenchRow[] {
  const { model, inForce } = loaded;
  const costs = workloadCosts(model, DEFAULT_WEIGHTS);
  const sum = {
    greedy: { outside: 0, moved: 0 },
    p: [0, 1, 2].map(() => ({ outside: 0, moved: 0, both: 0, beaten: 0 })),
  };
  let ms = 0,
    worst = 0;
  let cpuIn = 0;
  for (const code of model.districts) {
    const opts = { epsilon: EPSILONS[0]!, seed: SEED, districts: [code] };
    const t = performance.now();
    const before = process.cpuUsage();
    const proposals = propose(model, costs, inForce, opts);
    const took = performance.now() - t;
    ms += took;
    worst = Math.max(worst, took);
    cpuIn += cpuOf(before);
    const g = greedyBaseline(model, costs, inForce, opts);
    sum.greedy.outside += g.outside;
    sum.greedy.moved += g.moved.length;
    proposals.forEach((p, k) => {
      sum.p[k]!.outside += p.outside;
      sum.p[k]!.moved += p.moved.length;
      if (verdict(p, g) === 'beats greedy on both') sum.p[k]!.both++;
      // greedy at least as good on every count and better on one
      const asGood =
        g.outside <= p.outside && g.maxAbsDeviation <= p.maxAbsDeviation + 1e-9 && g.moved.length <= p.moved.length;
      const better =
        g.outside < p.outside || g.maxAbsDeviation < p.maxAbsDeviation - 1e-9 || g.moved.length < p.moved.length;
      if (asGood && better) sum.p[k]!.beaten++;
    });
  }
  const label = `national, ${model.districts.length} districts one by one (${model.n} mahallas, ${model.p} posts)`;
  return [
    {
      name: `planner: 3 proposals per district, ${label}, ε ${pct(EPSILONS[0]!)}`,
      value: `${(ms / 1000).toFixed(1)} s in all (CPU ${cpuIn.toFixed(1)} s), slowest district ${(worst / 1000).toFixed(2)} s`,
      target: 'reported',
    },
    {
      name: `planner: greedy baseline, ${label}`,
      value: `${sum.greedy.outside} posts outside, ${sum.greedy.moved} moved`,
      target: '—',
    },
    ...['fewest changes', 'most even workload', 'most compact territories'].map((name, k) => ({
      name: `planner: ${name}, ${label}`,
      value: `${sum.p[k]!.outside} posts outside, ${sum.p[k]!.moved} moved`,
      target: `beats greedy on both in ${sum.p[k]!.both} of ${model.districts.length} districts, beaten on every count in ${sum.p[k]!.beaten}`,
    })),
  ];
}

/**
 * The planner's rows: strokes on the national district nearest 150 mahallas (the city's largest without the national
 * database), proposals for the city's largest district of 50–150 mahallas, the whole city, and the national batch.
 */
export async function benchPlanner(cityDb: string, nationalDb: string | null): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const city = await load(cityDb, null);
  const national = nationalDb ? await load(nationalDb, null) : null;
  const pool = national ?? city;
  const near150 = sizes(pool.model).sort((a, b) => Math.abs(a.n - 150) - Math.abs(b.n - 150))[0]!;
  rows.push(
    ...benchStrokes(
      await load(nationalDb ?? cityDb, [near150.code]),
      `district ${near150.code} (${near150.n} mahallas)`,
    ),
  );
  const mid = sizes(city.model)
    .filter((s) => s.n >= 50 && s.n <= 150)
    .sort((a, b) => b.n - a.n)[0];
  for (const epsilon of EPSILONS) {
    if (mid) {
      const d = city.model.districts.indexOf(mid.code);
      const posts = city.model.postStart[d + 1]! - city.model.postStart[d]!;
      const label = `district ${mid.code} (${mid.n} mahallas, ${posts} posts)`;
      rows.push(...benchProposals(city, label, '< 1 s', epsilon, [mid.code]));
    }
    rows.push(...benchProposals(city, `city (${city.model.n} mahallas, ${city.model.p} posts)`, '< 10 s', epsilon));
  }
  if (national) rows.push(...benchNational(national));
  return rows;
}
