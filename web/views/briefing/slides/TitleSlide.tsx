// Title slide: which area, which period against which, the headline numbers, and how fresh the data is.
import type { SlideProps } from './SlideFrame.tsx';
import { areaName } from './SlideFrame.tsx';
import { slideTitle } from './titles.ts';
import { Kpi } from './Kpi.tsx';
import { fmtChange, fmtDecimal, fmtInt } from '../../../format.ts';
import { useFmt, useNameOf, useT } from '../../../i18n/I18n.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import type { Locale } from '../../../i18n/locales.ts';
import { useSayName } from '../../../i18n/system-names.ts';

/** Residents as a short figure that fits its box at any screen size: "3.04 M", "3,04 млн", "412 ming". */
function residents(n: number, t: Translate, locale: Locale): string {
  // A narrow no-break space: the unit must never wrap onto a line of its own.
  return (
    n >= 1e6
      ? t('wall.cover.millions', { n: fmtDecimal(n / 1e6, 2, locale) })
      : t('wall.cover.thousands', { n: fmtInt(n / 1000, locale) })
  ).replace(' ', '\u202f');
}

export function TitleSlide({ snap }: SlideProps) {
  const { metrics, hotspots, meta } = snap;
  const built = meta.builtAt ? new Date(meta.builtAt) : null;
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const say = useSayName();
  const vs = (now: number, before: number): string =>
    t('wall.vs', { change: fmtChange(now, before, f.locale) ?? t('wall.noEarlier'), before: f.int(before) });
  return (
    <div className="title-slide">
      <div className="title-main">
        <p className="eyebrow">{say(snap.playlist.name)}</p>
        <h2 className="area">{areaName(snap, t, nameOf)}</h2>
        <p className="period">
          {f.period(snap.period)}{' '}
          <span className="vs">{t('wall.cover.comparedWith', { period: f.period(snap.previous) })}</span>
        </p>
        <dl className="kpis">
          {metrics && (
            <Kpi
              label={t('wall.incidents')}
              value={f.int(metrics.totals.count)}
              note={vs(metrics.totals.count, metrics.totals.prev)}
            />
          )}
          {hotspots && (
            <Kpi
              label={t('wall.hotSpots')}
              value={hotspots.counts.hot}
              note={t('wall.cover.hotOf', { count: hotspots.counts.units })}
            />
          )}
          {metrics && (
            <Kpi
              label={t('wall.cover.residents')}
              value={residents(metrics.totals.population, t, f.locale)}
              note={t('wall.cover.inMahallas', { count: metrics.ids.length })}
            />
          )}
        </dl>
        <p className="fresh">
          <strong>{t('wall.cover.asOf', { day: f.dayLong(meta.period.end) })}</strong>
          {built && !Number.isNaN(built.getTime()) && (
            <> · {t('wall.cover.built', { day: f.dayLong(meta.builtAt.slice(0, 10)) })}</>
          )}
        </p>
      </div>
      <nav className="agenda" aria-label={t('wall.cover.agendaAria')}>
        <h3>{t('wall.cover.agenda')}</h3>
        <ol>
          {snap.playlist.slides.map((s, i) => (
            <li key={i}>
              <span className="n">{i + 1}</span>
              {s.caption ?? slideTitle(s.kind, t)}
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
