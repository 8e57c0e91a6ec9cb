// Top bar: product name, the page tabs, the data's coverage and freshness, the demo-data notice, who is signed in.
import type { Meta } from '../../queries/meta.ts';
import type { Session } from '../../queries/session.ts';
import { UserMenu } from './UserMenu.tsx';
import { navigate } from '../../state/route.ts';
import { formatDay, fmtInt } from '../../format.ts';
import { DataFromBadge } from '../import/DataFrom.tsx';
import { SearchBox } from './SearchBox.tsx';

export interface NavItem {
  path: string;
  label: string;
  description: string;
}

export function Header({
  meta,
  pages,
  current,
  session,
}: {
  meta: Meta | undefined;
  pages: readonly NavItem[];
  current: string;
  session: Session | null;
}) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          H
        </span>
        <div>
          <h1>Hamkor</h1>
          <p className="subtitle">Territory analytics · prevention service</p>
        </div>
        <SearchBox />
      </div>
      <nav className="tabs" aria-label="Pages">
        {pages.map((p) => (
          <a
            key={p.path}
            href={p.path}
            title={p.description}
            data-testid={`tab-${p.path === '/' ? 'hotspots' : p.path.slice(1)}`}
            className={p.path === current ? 'tab active' : 'tab'}
            aria-current={p.path === current ? 'page' : undefined}
            onClick={(e) => {
              // A plain click stays in the app (keeps filters); modified clicks open a new tab as links should.
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              navigate(p.path);
            }}
          >
            {p.label}
          </a>
        ))}
      </nav>
      {meta && (
        <div className="coverage" data-testid="coverage">
          <span>{meta.scale === 'national' ? 'Uzbekistan' : 'Tashkent city'}</span>
          <span>{fmtInt(meta.counts.mahallas)} mahallas</span>
          <span>{fmtInt(meta.counts.inspectors)} inspectors</span>
          <span>
            Data {formatDay(meta.period.start)} – {formatDay(meta.period.end)}
          </span>
          <DataFromBadge meta={meta} path={current} />
        </div>
      )}
      {session && <UserMenu session={session} />}
    </header>
  );
}
