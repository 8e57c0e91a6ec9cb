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

/** Gaps among the selection's hot spots; the selection must count incidents (the gap rule reads their categories). */
export async function getCooperationGaps(
  db: Db,
  sel: Selection,
  opts: { fdr: boolean; days: number },
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
  const [categories, names, data, units, actionDays] = await Promise.all([
    db.all<{ id: number; category: IncidentCategory; n: number }>(
      `SELECT i.mahalla_id AS id, category::VARCHAR AS category, count(*)::INTEGER AS n
       FROM ${sel.table} i SEMI JOIN (SELECT unnest($ids::INTEGER[]) AS id) hot ON hot.id = i.mahalla_id
       WHERE ${w.sql}
       GROUP BY ALL`,
      { ...w.params, ids },
    ),
    db.all<{
      id: number;
      name: string;
      code: string;
      district: string;
      inspectorId: number | null;
      inspectorName: string | null;
    }>(
      `SELECT m.id, m.name, m.code, m.district_soato AS district, i.id AS inspectorId, i.name AS inspectorName
       FROM mahallas m LEFT JOIN territory_assignment t ON t.mahalla_id = m.id LEFT JOIN inspectors i ON i.id = t.inspector_id
       WHERE m.id IN (SELECT unnest($ids::INTEGER[]))`,
      { ids },
    ),
    dataPeriod(db),
    mahallaUnits(db),
    serviceDays(db),
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
  const gaps = cooperationGaps([...candidates.values()], window.from).map((g) => {
    const m = about.get(g.id);
    const counts = Object.values(candidates.get(g.id)?.categories ?? {});
    return {
      id: g.id,
      name: m?.name ?? '',
      code: m?.code ?? '',
      district: m?.district ?? '',
      bin: g.bin,
      z: g.z,
      incidents: counts.reduce((s, n) => s + n, 0),
      inspector:
        m?.inspectorId != null
          ? { id: m.inspectorId, name: sel.access.persons ? (m.inspectorName ?? '') : null }
          : null,
      missing: g.missing.map((need) => ({
        ...need,
        share: Math.round(need.share * 1000) / 1000,
        label: SERVICE_LABELS[need.service],
      })),
    };
  });
  return { params, hot: hot.length, gaps };
}
