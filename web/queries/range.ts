// The period and filters every page queries with: the URL-held choice, or the last 90 days of data by default.
import { useMemo } from 'react';
import { useUi } from '../state/store.ts';
import { defaultRange } from '../views/overview/dates.ts';
import { useMeta, type RangeArgs } from './index.ts';

/** null until /api/meta has told us the data period (the default range ends on its last day). */
export function useRange(): RangeArgs | null {
  const meta = useMeta();
  const from = useUi((s) => s.from);
  const to = useUi((s) => s.to);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  const district = useUi((s) => s.district);
  const compare = useUi((s) => s.compare);
  return useMemo(() => {
    if (!meta.data) return null;
    const d = defaultRange(meta.data.period.end);
    return { from: from ?? d.from, to: to ?? d.to, categories, statuses, district, compare };
  }, [meta.data, from, to, categories, statuses, district, compare]);
}
