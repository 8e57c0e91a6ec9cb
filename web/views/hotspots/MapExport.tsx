// The Hotspots page's "Save as…": the map with its legend as PNG or PDF, captioned with what is shown, where, the
// period, the filters in force and how fresh the data is; the file named by what, where and when.
import { useRange } from '../../queries/range.ts';
import { useUi } from '../../state/store.ts';
import { useT } from '../../i18n/I18n.tsx';
import type { MessageId } from '../../i18n/messages.ts';
import { PageMapExport } from '../common/PageMapExport.tsx';

export function MapExport() {
  const t = useT();
  const range = useRange();
  const metric = useUi((s) => s.metric);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  if (!range) return null;
  const source = range.source ?? 'incidents';
  const filters = [
    ...(categories.length > 0 ? categories.map((c) => t(`catalog.category.${c}` as MessageId)) : []),
    ...(statuses.length > 0 ? statuses.map((s) => t(`catalog.status.${s}` as MessageId)) : []),
  ].join(', ');
  // The range, not the header's selection: the time bar may show one step of it.
  return (
    <PageMapExport
      page={source}
      title={t(`metric.${metric}` as MessageId, { source })}
      period={range}
      filters={filters}
    />
  );
}
