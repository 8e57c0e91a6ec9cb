// Inspector coverage gaps: mahallas nobody covers, inspectors beyond the norms, hot spots without the joint action
// they need. Three columns, each a count and the worst cases by name.
import type { ReactNode } from 'react';
import type { SlideProps } from './SlideFrame.tsx';
import { fmtInt } from '../../../format.ts';
import { useFmt, useNameOf, useT } from '../../../i18n/I18n.tsx';
import { activeT, type Translate } from '../../../i18n/translate.ts';
import type { Locale } from '../../../i18n/locales.ts';
import type { NormKey } from '../../../../server/contract/coverage.ts';

// Three names a column: on a 16:9 wall screen at the required text size, more would run off the slide.
const SHOWN = 3;

/**
 * One overload as read from across a room: the figure against its norm, in the language of `t`.
 * `norm` is the contract's key (normResidents…): the message once chose on 'residents', so every overload read as
 * incidents ("49 666 происш. > 15 000", issue 14).
 * @example overload({ norm: 'normResidents', value: 49666, limit: 15000 }) // '49 666 residents > 15 000'
 */
export function overload(
  f: { norm: NormKey; value: number; limit: number },
  t: Translate = activeT(),
  locale: Locale = 'en',
): string {
  return t('wall.gap.over', { norm: f.norm, value: fmtInt(f.value, locale), limit: fmtInt(f.limit, locale) });
}

function Column({
  title,
  count,
  of,
  none,
  children,
  testId,
}: {
  title: string;
  count: number;
  of: string;
  none: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="gap-column" data-testid={testId}>
      <h2>{title}</h2>
      <p className="figure">
        <span className="big">{count}</span> <span className="was">{of}</span>
      </p>
      {count === 0 ? <p className="all-clear">{none}</p> : <ul>{children}</ul>}
    </section>
  );
}

export function CoverageSlide({ snap }: SlideProps) {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const { coverage, gaps } = snap.ops;
  if (!coverage || !gaps) return null;
  const unassigned = [...coverage.unassigned].sort((a, b) => b.incidents - a.incidents);
  const ins = coverage.inspectors;
  const overloaded = ins.id
    .map((id, i) => ({
      id,
      name: ins.name[i] ? nameOf(ins.name[i]) : f.inspector(null, id),
      flags: ins.flags[i] ?? [],
      incidents: ins.incidents[i] ?? 0,
    }))
    .filter((x) => x.flags.length > 0)
    .sort((a, b) => b.flags.length - a.flags.length || b.incidents - a.incidents);
  const more = (n: number): ReactNode =>
    n > SHOWN ? <li className="more">{t('wall.more', { count: n - SHOWN })}</li> : null;
  return (
    <div className="gaps">
      <Column
        title={t('wall.gap.unassigned')}
        count={coverage.totals.unassigned}
        of={t('wall.gap.of', { n: f.int(coverage.totals.mahallas) })}
        none={t('wall.gap.allAssigned')}
        testId="gap-unassigned"
      >
        {unassigned.slice(0, SHOWN).map((m) => (
          <li key={m.id}>
            <span className="name">{nameOf(m.name)}</span>{' '}
            <span className="sub">
              {t('wall.gap.residentsIncidents', { residents: f.int(m.population), count: m.incidents })}
            </span>
          </li>
        ))}
        {more(unassigned.length)}
      </Column>
      <Column
        title={t('wall.gap.overloaded')}
        count={coverage.totals.overloaded}
        of={t('wall.gap.of', { n: f.int(coverage.totals.inspectors) })}
        none={t('wall.gap.noOverload')}
        testId="gap-overloaded"
      >
        {overloaded.slice(0, SHOWN).map((x) => (
          <li key={x.id}>
            <span className="name">{x.name}</span>{' '}
            <span className="sub">{x.flags.map((g) => overload(g, t, f.locale)).join(' · ')}</span>
          </li>
        ))}
        {more(overloaded.length)}
      </Column>
      <Column
        title={t('wall.gap.cooperation')}
        count={gaps.gaps.length}
        of={t('wall.gap.hotOf', { hot: gaps.hot, days: gaps.params.days })}
        none={t('wall.gap.allCooperated')}
        testId="gap-cooperation"
      >
        {gaps.gaps.slice(0, SHOWN).map((g) => (
          <li key={g.id}>
            <span className="name">{nameOf(g.name)}</span>{' '}
            <span className="sub">
              {t('wall.gap.missing', { services: g.missing.map((m) => t(`wall.service.${m.service}`)).join(', ') })}
            </span>
          </li>
        ))}
        {more(gaps.gaps.length)}
      </Column>
    </div>
  );
}
