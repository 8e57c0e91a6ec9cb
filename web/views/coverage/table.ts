// The inspector table's model: rows from the columnar coverage response, and sorting. Pure, testable without a browser.
import type { Coverage } from '../../queries/coverage.ts';
import { inspectorLabel } from '../../format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { activeLocale } from '../../i18n/translate.ts';
// The sortable columns are listed with the URL mapping: a link carries the sort.
import type { InspectorSort, InspectorSortKey } from '../../state/url.ts';
import { compareShown } from '../../i18n/collate.ts';

export type InspectorRow = {
  [K in Exclude<keyof Coverage['inspectors'], 'flags' | 'name' | 'rank'>]: Coverage['inspectors'][K][number];
} & { flags: Coverage['inspectors']['flags'][number]; name: string; rank: string };

/** One row object per inspector (the response is columnar to stay small nationally); numbered ones in `locale`. */
export function rowsOf(c: Coverage['inspectors'], locale: Locale = activeLocale()): InspectorRow[] {
  return c.id.map((id, k) => ({
    id,
    // Without the right to see persons' names the server sends none: the inspector is shown by number.
    name: inspectorLabel(c.name[k], id, locale),
    rank: c.rank[k] ?? '',
    districtSoato: c.districtSoato[k] ?? '',
    basePointId: c.basePointId[k] ?? 0,
    mahallas: c.mahallas[k] ?? 0,
    residents: c.residents[k] ?? 0,
    households: c.households[k] ?? 0,
    incidents: c.incidents[k] ?? 0,
    applications: c.applications[k] ?? 0,
    jointActions: c.jointActions[k] ?? 0,
    areaKm2: c.areaKm2[k] ?? 0,
    meanDistanceKm: c.meanDistanceKm[k] ?? 0,
    maxDistanceKm: c.maxDistanceKm[k] ?? 0,
    flags: c.flags[k] ?? [],
  }));
}

/**
 * Rows sorted by `key` (numbers and flag counts descending first, names ascending first); ties by name, then id.
 * @example sortRows(rows, 'residents', 'desc')[0] // the most populous territory
 */
export function sortRows(
  rows: readonly InspectorRow[],
  key: InspectorSortKey,
  dir: InspectorSort['dir'],
): InspectorRow[] {
  const value = (r: InspectorRow): number | string => (key === 'flags' ? r.flags.length : r[key]);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a),
      vb = value(b);
    const c = typeof va === 'string' || typeof vb === 'string' ? compareShown(String(va), String(vb)) : va - vb;
    return sign * c || compareShown(a.name, b.name) || a.id - b.id;
  });
}

/**
 * The sort after a click on a column: the same column flips direction; a new one starts where it is most telling
 * (names A→Z, figures and flags largest first).
 * @example nextSort({ key: 'flags', dir: 'desc' }, 'name') // { key: 'name', dir: 'asc' }
 */
export function nextSort(s: InspectorSort, key: InspectorSortKey): InspectorSort {
  if (s.key === key) return { key, dir: s.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' ? 'asc' : 'desc' };
}
