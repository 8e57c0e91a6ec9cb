// The header's "data from" badge: "Demo data", "Partly demo data" or "Imported data" (short: the header is full at
// 1366 px); its title lists each source with its file and how old it is, and what is still generated (provenance.ts).
import type { Meta } from '../../queries/meta.ts';
import { dataFrom, PAGE_DATA, sourcesLine } from './provenance.ts';

export function DataFromBadge({ meta, path }: { meta: Meta; path: string }) {
  const kinds = PAGE_DATA[path];
  if (!kinds) return null;
  const from = dataFrom(meta, kinds);
  const line = `Data from ${sourcesLine(from)}`;
  const demo = from.sources.filter((s) => s.file === null).map((s) => s.what);
  return from.demo ? (
    <span className="badge demo" data-testid="demo-badge" title={`${line}. Still generated: ${demo.join(', ')}`}>
      {demo.length === from.sources.length ? 'Demo data' : 'Partly demo data'}
    </span>
  ) : (
    <span className="badge" data-testid="data-from" title={line}>
      Imported data
    </span>
  );
}
