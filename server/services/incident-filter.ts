// The shared category/status filter of incident queries, as bit masks over the ENUM codes.
// A bit test per row is ≈ 2.5× faster than list_contains() on 1.6 M rows (national set, 180 days: 16 vs 41 ms),
// and a filter that selects everything is left out altogether (saves another ≈ 5 ms there).
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '../contract/catalog.ts';
import type { RangeFilter } from '../contract/api.ts';

/** Bit i set = the i-th code of `all` is selected. @example mask(['b'], ['a', 'b']) // 2 */
export function mask(selected: readonly string[], all: readonly string[]): number {
  return all.reduce((m, code, i) => (selected.includes(code) ? m | (1 << i) : m), 0);
}

/**
 * SQL predicate and its parameters for the selected categories and statuses (ENUM codes follow data/schema.sql,
 * which lists them in catalog order). Values only ever travel as parameters.
 * @example const { sql, params } = incidentFilter(f); db.all(`… WHERE ${sql}`, { ...params })
 */
export function incidentFilter(f: Pick<RangeFilter, 'categories' | 'statuses'>): { sql: string; params: Record<string, number> } {
  const parts: string[] = [];
  const params: Record<string, number> = {};
  const categoryMask = mask(f.categories, INCIDENT_CATEGORIES);
  const statusMask = mask(f.statuses, INCIDENT_STATUSES);
  if (categoryMask !== 2 ** INCIDENT_CATEGORIES.length - 1) {
    parts.push('(($categoryMask::INTEGER >> enum_code(category)::INTEGER) & 1) = 1');
    params.categoryMask = categoryMask;
  }
  if (statusMask !== 2 ** INCIDENT_STATUSES.length - 1) {
    parts.push('(($statusMask::INTEGER >> enum_code(status)::INTEGER) & 1) = 1');
    params.statusMask = statusMask;
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', params };
}
