// The "where" word of an export's file name: the district in force as stored (Latin, so one file name whatever the
// reader's language), or "all" for the whole city or country.
import { useMeta } from '../../queries/meta.ts';
import { useUi } from '../../state/store.ts';

export function useExportWhere(): string {
  const meta = useMeta();
  const district = useUi((s) => s.district);
  return meta.data?.districts.find((d) => d.soato === district)?.name ?? 'all';
}
