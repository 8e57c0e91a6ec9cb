// Cooperation gaps: Gi* hot spots of the period (FDR as chosen) with no joint action with the needed service lately.
import type { Db } from '../../db/database.ts';
import type { GapFilter } from '../../contract/cooperation.ts';
import { SERVICE_LABELS, type IncidentCategory, type ServiceCode } from '../../contract/catalog.ts';
import { getHotspots, type HotspotParams } from '../hotspots.ts';
import { incidentFilter } from '../incident-filter.ts';
import { addDays, nextDay, type Period } from '../period.ts';
import { GAP_RULE, cooperationGaps, type GapCandidate, type ServiceNeed } from './gap-rule.ts';

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
    inspector: { id: number; name: string } | null;
    missing: Array<ServiceNeed & { label: string }>;
  }>;
}

export async function getCooperationGaps(db: Db, f: GapFilter): Promise<GapResult> {
  const window = { from: addDays(f.to, 1 - f.days), to: f.to };
  // The gap rule reads incident categories, so hot spots are always of incidents (whatever records the map shows).
  const hotspots = await getHotspots(db, { ...f, source: 'incidents' });
  const hot = hotspots.ids.flatMap((id, k) => ((hotspots.bin[k] ?? 0) >= GAP_RULE.minBin ? [{ id, bin: hotspots.bin[k] ?? 0, z: hotspots.z[k] ?? 0 }] : []));
  const params: GapResult['params'] = { hotspots: hotspots.params, ...GAP_RULE, days: f.days, window, lookbackDays: LOOKBACK_DAYS };
  if (hot.length === 0) return { params, hot: 0, gaps: [] };

  const ids = hot.map((h) => h.id);
  // Hot ids are joined, not tested with list_contains per row: ≈ 50× faster over a quarter of national incidents.
  // Action ids follow their days (data/load-joint-actions.ts), so the id range prunes the services table too.
  const { sql: filter, params: filterParams } = incidentFilter(f);
  const [categories, last, names] = await Promise.all([
    db.all<{ id: number; category: IncidentCategory; n: number }>(
      `SELECT i.mahalla_id AS id, category::VARCHAR AS category, count(*)::INTEGER AS n
       FROM incidents i SEMI JOIN (SELECT unnest($ids::INTEGER[]) AS id) hot ON hot.id = i.mahalla_id
       WHERE ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP AND ${filter}
       GROUP BY ALL`,
      { from: f.from, end: nextDay(f.to), ids, ...filterParams },
    ),
    db.all<{ id: number; service: ServiceCode; day: string }>(
      `WITH a AS (
         SELECT a.id, a.mahalla_id, a.day FROM joint_actions a SEMI JOIN (SELECT unnest($ids::INTEGER[]) AS id) hot ON hot.id = a.mahalla_id
         WHERE a.day BETWEEN $since::DATE AND $to::DATE)
       SELECT a.mahalla_id AS id, s.service::VARCHAR AS service, max(a.day)::VARCHAR AS day
       FROM a JOIN joint_action_services s ON s.action_id = a.id AND s.action_id BETWEEN (SELECT min(id) FROM a) AND (SELECT max(id) FROM a)
       GROUP BY ALL`,
      { since: addDays(f.to, -LOOKBACK_DAYS), to: f.to, ids },
    ),
    db.all<{ id: number; name: string; code: string; district: string; inspectorId: number | null; inspectorName: string | null }>(
      `SELECT m.id, m.name, m.code, m.district_soato AS district, i.id AS inspectorId, i.name AS inspectorName
       FROM mahallas m LEFT JOIN territory_assignment t ON t.mahalla_id = m.id LEFT JOIN inspectors i ON i.id = t.inspector_id
       WHERE list_contains($ids, m.id)`,
      { ids },
    ),
  ]);
  const candidates = new Map<number, GapCandidate>(hot.map((h) => [h.id, { ...h, categories: {}, lastAction: {} }]));
  for (const r of categories) {
    const c = candidates.get(r.id);
    if (c) c.categories[r.category] = r.n;
  }
  for (const r of last) {
    const c = candidates.get(r.id);
    if (c) c.lastAction[r.service] = r.day;
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
      inspector: m?.inspectorId != null ? { id: m.inspectorId, name: m.inspectorName ?? '' } : null,
      missing: g.missing.map((need) => ({ ...need, share: Math.round(need.share * 1000) / 1000, label: SERVICE_LABELS[need.service] })),
    };
  });
  return { params, hot: hot.length, gaps };
}
