// The shared category/status filter of incident queries, as bit masks over the ENUM codes.
// A bit test per row is ≈ 2.5× faster than list_contains() on 1.6 M rows (national set, 180 days): 16 vs 41 ms.
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '../contract/catalog.ts';
import type { RangeFilter } from '../contract/api.ts';

/** SQL predicate; pair it with `incidentFilterParams`. ENUM codes follow data/schema.sql (= catalog order). */
export const INCIDENT_FILTER = `(($categoryMask::INTEGER >> enum_code(category)::INTEGER) & 1) = 1
  AND (($statusMask::INTEGER >> enum_code(status)::INTEGER) & 1) = 1`;

/** Bit i set = the i-th code of `all` is selected. @example mask(['b'], ['a', 'b']) // 2 */
export function mask(selected: readonly string[], all: readonly string[]): number {
  return all.reduce((m, code, i) => (selected.includes(code) ? m | (1 << i) : m), 0);
}

export function incidentFilterParams(f: Pick<RangeFilter, 'categories' | 'statuses'>): { categoryMask: number; statusMask: number } {
  return { categoryMask: mask(f.categories, INCIDENT_CATEGORIES), statusMask: mask(f.statuses, INCIDENT_STATUSES) };
}
