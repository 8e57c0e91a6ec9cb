// Cooperation gaps: Gi* hot spots of the period (FDR as chosen) with no joint action with the needed service lately.
import type { Db } from '../../db/database.ts';
import { SERVICES, SERVICE_LABELS, type IncidentCategory } from '../../contract/catalog.ts';
import { lastOnOrBefore } from '../../stats/day-counts.ts';
import { getHotspots, type HotspotParams } from '../hotspots/hotspots.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { dataPeriod } from '../data-period.ts';
import { addDays, daysBetween, lastDays, type Period } from '../../shared/period.ts';
import { GAP_RULE, cooperationGaps, type GapCandidate, type ServiceNeed } from './gap-rule.ts';
import { mahallaUnits, serviceDays } from './day-aggregates.ts';
import { staff } from '../coverage/coverage.ts';
import type { Assignment } from '../territories/in-force.ts';

/** How far back the "last joint action" of a missing service is looked up (older is reported as none). */
const LOOKBACK_DAYS = 365;

export interface GapResult {
  params: {
    hotspots: HotspotParams;
    minBin: number;
    minShare: number;
    days: number;
    /** the days a joint action must fall in (inclusive; ends at `to`) */
    window: Period;
    lookbackDays: number;
  };
  /** hot mahallas (bin ≥ minBin) in the output area, gaps or not */
  hot: number;
  gaps: Array<{
    id: number;
    name: string;
    code: string;
    district: string;
    bin: number;
    z: number;
    incidents: number;
    /** the name is null for an asker who may not see persons' names */
    inspector: { id: number; name: string | null } | null;
    missing: Array<ServiceNeed & { label: string }>;
  }>;
}

/**
 * Gaps among the selection's hot spots; the selection must count incidents (the gap rule reads their categories).
 * Each gap names the inspector `a` (the plan in force on the period's last day) gives its mahalla.
 */
export async function getCooperationGaps(
  db: Db,
  sel: Selection,
  opts: { fdr: boolean; days: number },
  a: Assignment,
): Promise<GapResult> {
  const window = lastDays(sel.period.to, opts.days);
  const hotspots = await getHotspots(db, sel, opts.fdr);
  const hot = hotspots.ids.flatMap((id, k) =>
    (hotspots.bin[k] ?? 0) >= GAP_RULE.minBin ? [{ id, bin: hotspots.bin[k] ?? 0, z: hotspots.z[k] ?? 0 }] : [],
  );
  const params: GapResult['params'] = {
    hotspots: hotspots.params,
    ...GAP_RULE,
    days: opts.days,
    window,
    lookbackDays: LOOKBACK_DAYS,
  };
  if (hot.length === 0) return { params, hot: 0, gaps: [] };

  const ids = hot.map((h) => h.id);
  // Hot ids are joined, not tested with list_contains per row: ≈ 50× faster over a quarter of national incidents.
  const w = recordsWhere(sel, { area: false });
  const [categories, names, data, units, actionDays, s] = await Promise.all([
    db.all<{ id: number; category: IncidentCategory; n: number }>(
      `SELECT i.mahalla_id AS id, category::VARCHAR AS category, count(*)::INTEGER AS n
       FROM ${sel.table} i SEMI JOIN (SELECT unnest($ids::INTEGER[]) AS id) hot ON hot.id = i.mahalla_id
       WHERE ${w.sql}
       GROUP BY ALL`,
      { ...w.params, ids },
    ),
    db.all<{ id: number; name: string; code: string; district: string }>(
      `SELECT m.id, m.name, m.code, m.district_soato AS district FROM mahallas m
       WHERE m.id IN (SELECT unnest($ids::INTEGER[]))`,
      { ids },
    ),
    dataPeriod(db),
    mahallaUnits(db),
    serviceDays(db),
    staff(db, a),
  ]);
  // The last joint action per service up to `to`, looked up in the per-database index (a join of actions and their
  // services per request took ≈ 20 ms nationally); older than the lookback is reported as none.
  const to = daysBetween(data.start, sel.period.to);
  const since = to - LOOKBACK_DAYS;
  // Day numbers become dates once each: thousands of Date round trips cost milliseconds.
  const dates = new Map<number, string>();
  const date = (day: number): string => dates.get(day) ?? dates.set(day, addDays(data.start, day)).get(day) ?? '';
  const lastAction = (id: number): GapCandidate['lastAction'] => {
    const unit = units.unitOf(id);
    const out: GapCandidate['lastAction'] = {};
    SERVICES.forEach((service, k) => {
      const day = unit < 0 ? null : lastOnOrBefore(actionDays, unit * SERVICES.length + k, to);
      if (day !== null && day >= since) out[service] = date(day);
    });
    return out;
  };
  const candidates = new Map<number, GapCandidate>(
    hot.map((h) => [h.id, { ...h, categories: {}, lastAction: lastAction(h.id) }]),
  );
  for (const r of categories) {
    const c = candidates.get(r.id);
    if (c) c.categories[r.category] = r.n;
  }
  const about = new Map(names.map((n) => [n.id, n]));
  const inspectorOf = (id: number): { id: number; name: string } | null => {
    const k = s.byId.get(s.mahallas.get(id)?.inspectorId ?? -1);
    const insp = k === undefined ? undefined : s.inspectors[k];
    return insp ? { id: insp.id, name: insp.name } : null;
  };
  const gaps = cooperationGaps([...candidates.values()], window.from).map((g) => {
    const m = about.get(g.id);
    const counts = Object.values(candidates.get(g.id)?.categories ?? {});
    const insp = inspectorOf(g.id);
    return {
      id: g.id,
      name: m?.name ?? '',
      code: m?.code ?? '',
      district: m?.district ?? '',
      bin: g.bin,
      z: g.z,
      incidents: counts.reduce((s, n) => s + n, 0),
      inspector: insp ? { id: insp.id, name: sel.access.persons ? insp.name : null } : null,
      missing: g.missing.map((need) => ({
        ...need,
        share: Math.round(need.share * 1000) / 1000,
        label: SERVICE_LABELS[need.service],
      })),
    };
  });
  return { params, hot: hot.length, gaps };
}
