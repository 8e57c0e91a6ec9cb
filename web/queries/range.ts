// The period and filters every page queries with. The selection is the URL-held choice (or the last 90 days of data);
// the time slider's clock (`at`) narrows it to one week, and every layer and panel reads that one effective range.
import { useMemo } from 'react';
import { useUi } from '../state/store.ts';
import { defaultRange, weekIndex, weekSteps } from '../../server/shared/period.ts';
import { useMeta } from './meta.ts';

/** The selection a query is made for (the page's period, filters and district). */
export interface RangeArgs {
  from: string;
  to: string;
  categories: readonly string[];
  statuses: readonly string[];
  district?: string | null;
  compare?: 'previous' | 'year';
  /** incidents (default) or applications, with the applications' own filters */
  source?: 'incidents' | 'applications';
  registries?: readonly string[];
  receivers?: readonly string[];
}

/** The query string of every record endpoint for a selection; the district narrows on the server. */
export const rangeQuery = (a: RangeArgs) => ({
  from: a.from,
  to: a.to,
  categories: a.categories.join(','),
  statuses: a.statuses.join(','),
  ...(a.district ? { district: a.district } : {}),
  ...(a.compare === 'year' ? { compare: 'year' as const } : {}),
  // Application filters travel only when applications are counted, so incident queries keep their cache keys.
  ...(a.source === 'applications'
    ? {
        source: 'applications' as const,
        registries: (a.registries ?? []).join(','),
        receivers: (a.receivers ?? []).join(','),
      }
    : {}),
});

/** The selected period, ignoring the clock; null until /api/meta has told us the data period. */
export function useSelection(): RangeArgs | null {
  const meta = useMeta();
  const from = useUi((s) => s.from);
  const to = useUi((s) => s.to);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  const district = useUi((s) => s.district);
  const compare = useUi((s) => s.compare);
  const source = useUi((s) => s.source);
  const registries = useUi((s) => s.registries);
  const receivers = useUi((s) => s.receivers);
  return useMemo(() => {
    if (!meta.data) return null;
    const d = defaultRange(meta.data.period.end);
    return {
      from: from ?? d.from,
      to: to ?? d.to,
      categories,
      statuses,
      district,
      compare,
      source,
      registries,
      receivers,
    };
  }, [meta.data, from, to, categories, statuses, district, compare, source, registries, receivers]);
}

/** What to show now: the week the clock points at, or the whole selection when the clock is off. */
export function effectiveRange(selection: RangeArgs, at: string | null): RangeArgs {
  if (!at) return selection;
  const k = weekIndex(selection, at);
  const week = weekSteps(selection)[k];
  // A clock outside the selection (the period was changed) shows the whole selection rather than nothing.
  return week ? { ...selection, from: week.from, to: week.to } : selection;
}

export function useRange(): RangeArgs | null {
  const selection = useSelection();
  const at = useUi((s) => s.at);
  return useMemo(() => (selection ? effectiveRange(selection, at) : null), [selection, at]);
}
