// Fulfilment arithmetic of a model cooperation plan, pure: expected-by-now, item state, aggregates.
//
// "Today" is a reference day `asOf`: the first day the data does not cover yet (the demo's meta period end, so the
// demo is stable whatever the wall clock says). Days before `asOf` have happened; `asOf` itself has not.
import { PLAN_STATES, type PlanState } from '../contract/catalog.ts';
import { addDays, lengthDays, type Period } from './period.ts';

/** Tolerance of the "behind" state, one comment per field. */
export const BEHIND = {
  /** an item is behind when it is short of the pro-rata expected count by more than this share of it… */
  share: 0.2,
  /** …and by more than this many actions: joint actions are few and lumpy, one short early on is not yet late */
  min: 1,
} as const;

export interface Schedule {
  /** plan days that have passed (0…total) */
  elapsed: number;
  total: number;
  /** the whole period has passed */
  ended: boolean;
}

/** How far a plan period has run at `asOf`. @example schedule({from:'2024-06-01', to:'2024-07-31'}, '2024-07-01') // {elapsed: 30, total: 61, ended: false} */
export function schedule(period: Period, asOf: string): Schedule {
  const total = lengthDays(period);
  const passed = lengthDays({ from: period.from, to: asOf }) - 1;
  const elapsed = Math.min(total, Math.max(0, passed));
  return { elapsed, total, ended: elapsed === total };
}

/** Actions that should be done by now if the work were spread evenly over the period. @example expectedByNow(10, {elapsed: 30, total: 60, ended: false}) // 5 */
export function expectedByNow(required: number, s: Schedule): number {
  return s.total > 0 ? (required * s.elapsed) / s.total : 0;
}

/**
 * done: at least the required count; overdue: the period has ended without that; behind: below the pro-rata expected
 * count by more than the tolerance (`BEHIND`); on track otherwise (a plan that has not started is on track).
 * @example itemState(10, 0, { elapsed: 30, total: 61, ended: false }) // 'behind' (expected 4.9)
 */
export function itemState(required: number, done: number, s: Schedule): PlanState {
  if (done >= required) return 'done';
  if (s.ended) return 'overdue';
  const expected = expectedByNow(required, s);
  return done < expected - Math.max(BEHIND.min, BEHIND.share * expected) ? 'behind' : 'on_track';
}

export interface Progress {
  required: number;
  /** actions counted towards the requirement (each item capped at its required count) */
  done: number;
  /** done / required, in % (one decimal) */
  pct: number;
  state: PlanState;
}

const pctOf = (done: number, required: number): number =>
  required > 0 ? Math.round((1000 * done) / required) / 10 : 0;

/** One item: `done` is what was recorded, which may exceed the requirement; pct is capped at 100 only in aggregates. */
export function itemProgress(required: number, done: number, s: Schedule): Progress & { expected: number } {
  return {
    required,
    done,
    pct: pctOf(done, required),
    state: itemState(required, done, s),
    expected: Math.round(expectedByNow(required, s) * 10) / 10,
  };
}

/**
 * Items taken together (a territory, a service, the plan): over-fulfilment of one item does not make up for another,
 * so each item counts at most its required number; the state is the worst of the items' (a territory is as late as
 * its latest item).
 * @example aggregate([{ required: 2, done: 5, state: 'done' }, { required: 2, done: 0, state: 'behind' }]) // { required: 4, done: 2, pct: 50, state: 'behind' }
 */
export function aggregate(items: ReadonlyArray<{ required: number; done: number; state: PlanState }>): Progress {
  let required = 0;
  let done = 0;
  let worst = 0;
  for (const it of items) {
    required += it.required;
    done += Math.min(it.done, it.required);
    worst = Math.max(worst, PLAN_STATES.indexOf(it.state));
  }
  return { required, done, pct: pctOf(done, required), state: PLAN_STATES[worst] ?? 'done' };
}

/** The calendar quarter holding `day`, and the one before it. @example quarters('2026-10-31').current // { from: '2026-10-01', to: '2026-12-31' } */
export function quarters(day: string): { current: Period; previous: Period } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const start = (year: number, quarter: number): string => `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const next = q === 3 ? start(y + 1, 0) : start(y, q + 1);
  const from = start(y, q);
  const previousFrom = q === 0 ? start(y - 1, 3) : start(y, q - 1);
  return { current: { from, to: addDays(next, -1) }, previous: { from: previousFrom, to: addDays(from, -1) } };
}
