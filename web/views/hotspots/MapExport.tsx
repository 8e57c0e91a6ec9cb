// The Hotspots page's "Save as…": the map with its legend as PNG or PDF, captioned with what is shown, where, the
// period, the filters in force and how fresh the data is; the file named by what, where and when.
import { useMeta } from '../../queries/meta.ts';
import { useRange } from '../../queries/range.ts';
import { useUi } from '../../state/store.ts';
import { useNameOf, useT } from '../../i18n/I18n.tsx';
import type { MessageId } from '../../i18n/messages.ts';
import { ExportButton } from '../common/ExportButton.tsx';

export function MapExport() {
  const t = useT();
  const nameOf = useNameOf();
  const meta = useMeta();
  const range = useRange();
  const district = useUi((s) => s.district);
  const metric = useUi((s) => s.metric);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  if (!meta.data || !range) return null;
  const source = range.source ?? 'incidents';
  const d = meta.data.districts.find((x) => x.soato === district);
  const where = d ? nameOf(d.name) : t('header.city');
  const filters = [
    ...(categories.length > 0 ? categories.map((c) => t(`catalog.category.${c}` as MessageId)) : []),
    ...(statuses.length > 0 ? statuses.map((s) => t(`catalog.status.${s}` as MessageId)) : []),
  ].join(', ');
  return (
    <ExportButton
      title={`${t(`metric.${metric}` as MessageId, { source })} — ${where}`}
      what={[source, d ? d.name : 'all']}
      period={range}
      filters={filters}
      dataTo={meta.data.period.end}
    />
  );
}
