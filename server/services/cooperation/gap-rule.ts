// The cooperation-gap rule, pure: which hot mahallas lack a recent joint action with the service their incidents need.
import {
  INCIDENT_CATEGORIES,
  RELEVANT_SERVICE,
  SERVICES,
  type IncidentCategory,
  type ServiceCode,
} from '../../contract/catalog.ts';

/** Defaults of the rule, one comment per field. */
export const GAP_RULE = {
  /** Gi* bins that count as hot: +2 (95 %) and +3 (99 %) confidence; +1 (90 %) is too weak to send anyone. */
  minBin: 2,
  /** A service is needed where its categories make up at least this share of the mahalla's incidents. */
  minShare: 0.25,
} as const;

export interface GapCandidate {
  id: number;
  /** Gi* bin of the mahalla (−3…+3) */
  bin: number;
  z: number;
  /** incidents of the period per category (categories absent = 0) */
  categories: Partial<Record<IncidentCategory, number>>;
  /** the last day (YYYY-MM-DD) with a joint action in this mahalla with each service, up to the window's end */
  lastAction: Partial<Record<ServiceCode, string>>;
}

export interface ServiceNeed {
  service: ServiceCode;
  /** the mahalla's incident categories that this service is relevant to, largest first */
  categories: IncidentCategory[];
  incidents: number;
  /** of all the mahalla's incidents in the period, 0–1 */
  share: number;
  /** last joint action with the service (before the window, or never: null) */
  lastAction: string | null;
}

export interface Gap {
  id: number;
  bin: number;
  z: number;
  /** the needed services without a joint action in the window, largest share first */
  missing: ServiceNeed[];
}

/**
 * Needed services of a mahalla: every service whose categories reach `minShare` of its incidents, and always the
 * service of its largest category (ties: catalog order), so a hot mahalla always needs someone.
 * @example servicesNeeded({ property: 7, drugs: 3 }) // criminal_investigation (0.7), operational_search (0.3)
 */
export function servicesNeeded(
  categories: Partial<Record<IncidentCategory, number>>,
  minShare: number = GAP_RULE.minShare,
): Omit<ServiceNeed, 'lastAction'>[] {
  // Catalog order, so ties (largest category, equal services) do not depend on the order rows arrived in.
  const entries = INCIDENT_CATEGORIES.flatMap((c): Array<[IncidentCategory, number]> =>
    (categories[c] ?? 0) > 0 ? [[c, categories[c] ?? 0]] : [],
  );
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return [];
  const byService = new Map<ServiceCode, Array<[IncidentCategory, number]>>();
  for (const [category, n] of entries) {
    const s = RELEVANT_SERVICE[category];
    byService.set(s, [...(byService.get(s) ?? []), [category, n]]);
  }
  const largest = entries.reduce((best, e) => (e[1] > best[1] ? e : best));
  const needs = [...byService.entries()].map(([service, list]) => {
    const incidents = list.reduce((s, [, n]) => s + n, 0);
    return {
      service,
      categories: list.sort((a, b) => b[1] - a[1]).map(([c]) => c),
      incidents,
      share: incidents / total,
    };
  });
  return needs
    .filter((n) => n.share >= minShare || n.service === RELEVANT_SERVICE[largest[0]])
    .sort((a, b) => b.incidents - a.incidents || SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service));
}

/**
 * A hot mahalla (bin ≥ `minBin`) is a gap when a service it needs had no joint action there on `windowStart` or later
 * (the window ends at the analysis end, which bounds `lastAction`). Gaps come most significant first.
 * @example cooperationGaps([{ id: 7, bin: 3, z: 4, categories: { drugs: 5 }, lastAction: {} }], '2024-03-02')
 *   // [{ id: 7, bin: 3, z: 4, missing: [{ service: 'operational_search', share: 1, lastAction: null, … }] }]
 */
export function cooperationGaps(
  candidates: readonly GapCandidate[],
  windowStart: string,
  rule: { minBin: number; minShare: number } = GAP_RULE,
): Gap[] {
  const gaps: Gap[] = [];
  for (const c of candidates) {
    if (c.bin < rule.minBin) continue;
    const missing = servicesNeeded(c.categories, rule.minShare)
      .map((need) => ({ ...need, lastAction: c.lastAction[need.service] ?? null }))
      .filter((need) => need.lastAction === null || need.lastAction < windowStart);
    if (missing.length > 0) gaps.push({ id: c.id, bin: c.bin, z: c.z, missing });
  }
  return gaps.sort((a, b) => b.bin - a.bin || b.z - a.z || a.id - b.id);
}
