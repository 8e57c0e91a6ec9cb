// Incidents in the 28 days before and after each joint action, in its mahalla and in the rest of its district,
// summed per action type and compared as a ratio of ratios (server/stats/ratio-of-ratios.ts). Descriptive only.
import type { Db, Params } from '../../db/database.ts';
import type { BeforeAfterFilter } from '../../contract/cooperation.ts';
import { JOINT_ACTION_LABELS, JOINT_ACTION_TYPES, type JointActionType } from '../../contract/catalog.ts';
import { momentsOf, ratioOfRatios, type Moments, type RatioOfRatios } from '../../stats/ratio-of-ratios.ts';
import { incidentFilter } from '../incident-filter.ts';
import { addDays, type Period } from '../period.ts';
import { dataPeriod } from '../data-period.ts';

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

export async function getBeforeAfter(db: Db, f: BeforeAfterFilter): Promise<BeforeAfterResult> {
  const data = await dataPeriod(db);
  const comparable = { from: addDays(data.start, WINDOW_DAYS), to: addDays(data.end, -1 - WINDOW_DAYS) };
  const { sql: filter, params: filterParams } = incidentFilter(f);
  const params: Params = {
    from: f.from, to: f.to, first: comparable.from, last: comparable.to, w: WINDOW_DAYS,
    ifrom: addDays(f.from, -WINDOW_DAYS), iend: addDays(f.to, WINDOW_DAYS + 1),
    ...(f.district ? { district: f.district } : {}), ...filterParams,
  };
  const inDistrict = f.district ? 'AND m.district_soato = $district' : '';
  // The mahalla side joins actions to the incidents of their own mahalla directly (a few dozen each); the district
  // side first counts incidents per district and day (≈ 30 k rows nationally) and joins to those. Grouping incidents
  // per mahalla and day first was ≈ 5× slower on the national set: a million tiny groups.
  const rows = await db.all<{ type: JointActionType; excluded: number } & Moments>(
    `WITH acts AS (
       SELECT a.id, a.type, a.day, a.mahalla_id AS mid, m.district_soato AS d, a.day BETWEEN $first::DATE AND $last::DATE AS complete
       FROM joint_actions a JOIN mahallas m ON m.id = a.mahalla_id
       WHERE a.day BETWEEN $from::DATE AND $to::DATE ${inDistrict}),
     inc AS (
       SELECT mahalla_id AS mid, ts::DATE AS day FROM incidents
       WHERE ts >= $ifrom::TIMESTAMP AND ts < $iend::TIMESTAMP AND ${filter}),
     dd AS (SELECT m.district_soato AS d, inc.day, count(*) AS n FROM inc JOIN mahallas m ON m.id = inc.mid GROUP BY ALL),
     loc AS (
       SELECT x.id, count(*) FILTER (WHERE inc.day > x.day) AS a, count(*) FILTER (WHERE inc.day < x.day) AS b
       FROM acts x JOIN inc ON inc.mid = x.mid AND inc.day BETWEEN x.day - $w::INTEGER AND x.day + $w::INTEGER
       WHERE x.complete GROUP BY x.id),
     dis AS (
       SELECT x.id, sum(dd.n) FILTER (WHERE dd.day > x.day) AS a, sum(dd.n) FILTER (WHERE dd.day < x.day) AS b
       FROM acts x JOIN dd ON dd.d = x.d AND dd.day BETWEEN x.day - $w::INTEGER AND x.day + $w::INTEGER
       WHERE x.complete GROUP BY x.id),
     per AS (
       SELECT x.type, x.complete,
              coalesce(loc.a, 0)::DOUBLE AS a, coalesce(loc.b, 0)::DOUBLE AS b,
              (coalesce(dis.a, 0) - coalesce(loc.a, 0))::DOUBLE AS c, (coalesce(dis.b, 0) - coalesce(loc.b, 0))::DOUBLE AS d
       FROM acts x LEFT JOIN loc ON loc.id = x.id LEFT JOIN dis ON dis.id = x.id)
     SELECT type::VARCHAR AS type, count(*) FILTER (WHERE NOT complete)::INTEGER AS excluded,
            count(*) FILTER (WHERE complete)::INTEGER AS n,
            coalesce(sum(a) FILTER (WHERE complete), 0) AS a, coalesce(sum(b) FILTER (WHERE complete), 0) AS b,
            coalesce(sum(c) FILTER (WHERE complete), 0) AS c, coalesce(sum(d) FILTER (WHERE complete), 0) AS d,
            coalesce(sum(a * a) FILTER (WHERE complete), 0) AS aa, coalesce(sum(b * b) FILTER (WHERE complete), 0) AS bb,
            coalesce(sum(c * c) FILTER (WHERE complete), 0) AS cc, coalesce(sum(d * d) FILTER (WHERE complete), 0) AS dd,
            coalesce(sum(a * b) FILTER (WHERE complete), 0) AS ab, coalesce(sum(a * c) FILTER (WHERE complete), 0) AS ac,
            coalesce(sum(a * d) FILTER (WHERE complete), 0) AS ad, coalesce(sum(b * c) FILTER (WHERE complete), 0) AS bc,
            coalesce(sum(b * d) FILTER (WHERE complete), 0) AS bd, coalesce(sum(c * d) FILTER (WHERE complete), 0) AS cd
     FROM per GROUP BY type`,
    params,
  );
  const byType = new Map(rows.map((r) => [r.type, r]));
  const round = (x: number | null, d = 3): number | null => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    period: { from: f.from, to: f.to },
    windowDays: WINDOW_DAYS,
    comparable,
    categories: f.categories,
    statuses: f.statuses,
    method: METHOD,
    rows: JOINT_ACTION_TYPES.map((type) => {
      const m = byType.get(type);
      const r = ratioOfRatios(m ?? momentsOf([]));
      return {
        type, label: JOINT_ACTION_LABELS[type], actions: m?.n ?? 0, excluded: m?.excluded ?? 0,
        after: m?.a ?? 0, before: m?.b ?? 0, districtAfter: m?.c ?? 0, districtBefore: m?.d ?? 0,
        ratio: round(r.ratio), low: round(r.low), high: round(r.high), local: round(r.local), district: round(r.district),
      };
    }),
  };
}
