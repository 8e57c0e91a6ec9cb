// The header's "data from" badge: "Demo data", "Partly demo data" or "Imported data" (short: the header is full at
// 1366 px); its title lists each source with its file and how old it is, and what is still generated (provenance.ts).
import type { Meta } from '../../queries/meta.ts';
import { useT } from '../../i18n/I18n.tsx';
import { dataFrom, PAGE_DATA, sourcesLine, whatLabel } from './provenance.ts';

export function DataFromBadge({ meta, path }: { meta: Meta; path: string }) {
  const t = useT();
  const kinds = PAGE_DATA[path];
  if (!kinds) return null;
  const from = dataFrom(meta, kinds);
  const line = t('import.badge.from', { sources: sourcesLine(from, t) });
  const demo = from.sources.filter((s) => s.file === null).map((s) => whatLabel(s.what, t));
  return from.demo ? (
    <span
      className="badge demo"
      data-testid="demo-badge"
      title={t('import.badge.still', { line, what: demo.join(', ') })}
    >
      {demo.length === from.sources.length ? t('import.badge.demo') : t('import.badge.partly')}
    </span>
  ) : (
    <span className="badge" data-testid="data-from" title={line}>
      {t('import.badge.imported')}
    </span>
  );
}
