// Incidents in the 28 days before and after each joint action, in its mahalla and in the rest of its district,
// summed per action type and compared as a ratio of ratios (server/stats/ratio-of-ratios.ts). Descriptive only.
// Window sums are lookups in day counts (./day-aggregates.ts): joining each action to its incidents in SQL took
// ≈ 0.5 s on the national set.
import type { Db } from '../../db/database.ts';
import { JOINT_ACTION_LABELS, JOINT_ACTION_TYPES, type JointActionType } from '../../contract/catalog.ts';
import { after } from '../../stats/day-counts.ts';
import { momentsOf, ratioOfRatios, windowMoments, type RatioOfRatios } from '../../stats/ratio-of-ratios.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { addDays, daysBetween, type Period } from '../../shared/period.ts';
import { dataPeriod } from '../data-period.ts';
import { actionsByDay, incidentDays } from './day-aggregates.ts';

/** Days on each side of an action; the action's own day belongs to neither window. */
export const WINDOW_DAYS = 28;

export interface BeforeAfterRow extends RatioOfRatios {
  type: JointActionType;
  label: string;
  /** actions whose two windows lie inside the data, which are the ones compared */
  actions: number;
  /** actions of the period left out because a window runs past the edge of the data */
  excluded: number;
  /** incidents summed over actions: in the mahalla after/before, in the rest of the district after/before */
  after: number;
  before: number;
  districtAfter: number;
  districtBefore: number;
}

export interface BeforeAfterResult {
  period: Period;
  windowDays: number;
  /** actions dated in this span have both windows inside the data */
  comparable: Period;
  categories: string[];
  statuses: string[];
  method: string;
  rows: BeforeAfterRow[];
}

const METHOD =
  'Ratio of ratios (after/before in the mahalla ÷ after/before in the rest of its district), 95 % interval from the ' +
  'delta method with actions as independent units (sandwich variance); overlapping windows make it optimistic.';

/** Before/after of the joint actions of the selection's period and area, with incidents of its record filters. */
export async function getBeforeAfter(db: Db, sel: Selection): Promise<BeforeAfterResult> {
  const [data, all] = await Promise.all([dataPeriod(db), actionsByDay(db)]);
  const comparable = { from: addDays(data.start, WINDOW_DAYS), to: addDays(data.end, -1 - WINDOW_DAYS) };
  const day = (d: string): number => daysBetween(data.start, d);
  const [from, to, first, last] = [day(sel.period.from), day(sel.period.to), day(comparable.from), day(comparable.to)];
  // The actions of the period (ascending by day) in the district, if one is asked: those with both windows inside the
  // data are compared, the others only counted.
  const start = after(all.day, from - 1);
  const end = after(all.day, to);
  const excluded = new Array<number>(JOINT_ACTION_TYPES.length).fill(0);
  const actions = {
    day: new Int32Array(end - start),
    mahalla: new Int32Array(end - start),
    district: new Int32Array(end - start),
    kind: new Int32Array(end - start),
  };
  let n = 0;
  for (let i = start; i < end; i++) {
    const m = all.mahalla[i] ?? 0;
    const d = all.day[i] ?? 0;
    const kind = all.kind[i] ?? 0;
    if (!inArea(sel, m)) continue;
    if (d < first || d > last) {
      excluded[kind] = (excluded[kind] ?? 0) + 1;
      continue;
    }
    actions.day[n] = d;
    actions.mahalla[n] = m;
    actions.district[n] = all.district[i] ?? 0;
    actions.kind[n++] = kind;
  }
  const compared = {
    day: actions.day.subarray(0, n),
    mahalla: actions.mahalla.subarray(0, n),
    district: actions.district.subarray(0, n),
    kind: actions.kind.subarray(0, n),
  };
  const incidents = await incidentDays(db, sel, from - WINDOW_DAYS, to + WINDOW_DAYS + 1);
  const moments = windowMoments(
    compared,
    incidents.mahalla,
    incidents.district,
    WINDOW_DAYS,
    JOINT_ACTION_TYPES.length,
  );
  const round = (x: number | null, d = 3): number | null => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    period: sel.period,
    windowDays: WINDOW_DAYS,
    comparable,
    categories: sel.categories,
    statuses: sel.statuses,
    method: METHOD,
    rows: JOINT_ACTION_TYPES.map((type, k) => {
      const m = moments[k] ?? momentsOf([]);
      const r = ratioOfRatios(m);
      return {
        type,
        label: JOINT_ACTION_LABELS[type],
        actions: m.n,
        excluded: excluded[k] ?? 0,
        after: m.a,
        before: m.b,
        districtAfter: m.c,
        districtBefore: m.d,
        ratio: round(r.ratio),
        low: round(r.low),
        high: round(r.high),
        local: round(r.local),
        district: round(r.district),
      };
    }),
  };
}
