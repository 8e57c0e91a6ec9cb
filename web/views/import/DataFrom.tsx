// The header's "data from" badge: "Demo data" naming what of the page is still generated, or "Imported data"; its
// title lists each source with its file and how old it is (web/views/import/provenance.ts).
import type { Meta } from '../../queries/meta.ts';
import { dataFrom, PAGE_DATA, sourcesLine } from './provenance.ts';

export function DataFromBadge({ meta, path }: { meta: Meta; path: string }) {
  const kinds = PAGE_DATA[path];
  if (!kinds) return null;
  const from = dataFrom(meta, kinds);
  const line = `Data from ${sourcesLine(from)}`;
  const demo = from.sources.filter((s) => s.file === null).map((s) => s.what);
  return from.demo ? (
    <span className="badge demo" data-testid="demo-badge" title={line}>
      Demo data: {demo.join(', ')}
    </span>
  ) : (
    <span className="badge" data-testid="data-from" title={line}>
      Imported data
    </span>
  );
}
