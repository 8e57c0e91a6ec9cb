// "Save as…" for a page's map, placed inside its `.map-area`: the page says what the map shows, its filters and (if
// not the period chosen in the header) its period; where (the district in force, or the whole area) and the data's last
// day are the same on every page. The legend is read from the map area itself (ExportButton).
import { useMeta } from '../../queries/meta.ts';
import { useSelection } from '../../queries/range.ts';
import { useUi } from '../../state/store.ts';
import { useNameOf, useT } from '../../i18n/I18n.tsx';
import { wholeArea } from '../../i18n/whole-area.ts';
import { ExportButton } from './ExportButton.tsx';

export interface PageMapExportProps {
  /** the file name's first word after "map", e.g. 'coverage' */
  page: string;
  /** what the map shows, in words: the export's heading before " — <where>" */
  title: string;
  /** the period shown when it is not the header's (a plan's own period) */
  period?: { from: string; to: string } | null;
  /** the filters in force, in words */
  filters?: string;
}

export function PageMapExport({ page, title, period, filters = '' }: PageMapExportProps) {
  const t = useT();
  const nameOf = useNameOf();
  const meta = useMeta();
  const selection = useSelection();
  const district = useUi((s) => s.district);
  const shown = period ?? selection;
  if (!meta.data || !shown) return null;
  const d = meta.data.districts.find((x) => x.soato === district);
  return (
    <ExportButton
      title={`${title} — ${d ? nameOf(d.name) : wholeArea(meta.data, t)}`}
      what={[page, d ? d.name : 'all']}
      period={{ from: shown.from, to: shown.to }}
      filters={filters}
      dataTo={meta.data.period.end}
    />
  );
}
