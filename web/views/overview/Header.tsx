// Top bar: product name, the data's coverage and freshness, and the demo-data notice.
import type { Meta } from '../../queries/types.ts';
import { formatDay, fmtInt } from './dates.ts';

export function Header({ meta }: { meta: Meta | undefined }) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">H</span>
        <div>
          <h1>Hamkor</h1>
          <p className="subtitle">Territory analytics · prevention service</p>
        </div>
      </div>
      {meta && (
        <div className="coverage" data-testid="coverage">
          <span>{meta.scale === 'national' ? 'Uzbekistan' : 'Tashkent city'}</span>
          <span>{fmtInt(meta.counts.mahallas)} mahallas</span>
          <span>{fmtInt(meta.counts.inspectors)} inspectors</span>
          <span>Data {formatDay(meta.period.start)} – {formatDay(meta.period.end)}</span>
          {meta.synthetic && <span className="badge demo" data-testid="demo-badge" title="Real mahalla polygons are not public: these are generated for demonstration">Demo boundaries &amp; records</span>}
        </div>
      )}
    </header>
  );
}
