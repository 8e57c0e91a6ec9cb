// Top bar: product name, the page tabs, the data's coverage and freshness, the demo-data notice, the language switch
// and who is signed in.
import type { Meta } from '../../queries/meta.ts';
import type { Session } from '../../queries/session.ts';
import { UserMenu } from './UserMenu.tsx';
import { navigate } from '../../state/route.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { wholeArea } from '../../i18n/whole-area.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { DataFromBadge } from '../import/DataFrom.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SkipLink } from './SkipLink.tsx';

export interface NavItem {
  path: string;
  /** message ids */
  label: MessageId;
  description: MessageId;
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
  const t = useT();
  const f = useFmt();
  return (
    <header className="topbar">
      <SkipLink />
      <div className="brand">
        <span className="logo" aria-hidden="true">
          H
        </span>
        <div>
          <h1>Hamkor</h1>
          <p className="subtitle">{t('header.subtitle')}</p>
        </div>
        <SearchBox />
      </div>
      <nav className="tabs" aria-label={t('header.pages')}>
        {pages.map((p) => (
          <a
            key={p.path}
            href={p.path}
            title={t(p.description)}
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
            {t(p.label)}
          </a>
        ))}
      </nav>
      {/* The data line, the language and the account wrap as one: apart, English (the shortest words) kept the data
          line beside the tabs and sent the language menu alone to a second row under the brand. */}
      <div className="topbar-end">
        {meta && (
          <div className="coverage" data-testid="coverage">
            <span>{wholeArea(meta, t)}</span>
            <span>{t('header.mahallas', { count: meta.counts.mahallas, n: f.int(meta.counts.mahallas) })}</span>
            <span>{t('header.inspectors', { count: meta.counts.inspectors, n: f.int(meta.counts.inspectors) })}</span>
            <span>{t('header.dataPeriod', { from: f.day(meta.period.start), to: f.day(meta.period.end) })}</span>
            <DataFromBadge meta={meta} path={current} />
          </div>
        )}
        <LanguageSwitch />
        {session && <UserMenu session={session} />}
      </div>
    </header>
  );
}
