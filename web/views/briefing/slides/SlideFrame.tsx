// The frame every slide shares: area and period on top, data freshness and position at the bottom, so a photo of
// the wall (or a printed page) always says what it shows and how fresh it is.
import type { ReactNode } from 'react';
import type { BriefingSnapshot } from '../../../queries/briefing.ts';
import { useFmt, useNameOf, useT, type NameOf } from '../../../i18n/I18n.tsx';
import { activeT, type Translate } from '../../../i18n/translate.ts';
import { wholeArea } from '../../../i18n/whole-area.ts';

export interface SlideProps {
  snap: BriefingSnapshot;
  /** the heading (a slide's caption or its kind's title) */
  title: string;
}

/**
 * "Chilonzor tumani" (the district's name in the script of `nameOf`), "All 12 districts" for a city or region, or
 * "Uzbekistan" for the whole country ("All 199 districts" over a national wall read as a list, not a place), in the
 * language of `t`.
 */
export function areaName(
  snap: Pick<BriefingSnapshot, 'district'> & {
    meta: Pick<BriefingSnapshot['meta'], 'studyArea'> & { districts: readonly unknown[] };
  },
  t: Translate = activeT(),
  nameOf: NameOf = (n) => n,
): string {
  if (snap.district) return nameOf(snap.district.name);
  if (snap.meta.studyArea.scope === 'country') return wholeArea(snap.meta, t);
  return t('wall.area.all', { count: snap.meta.districts.length });
}

export function SlideFrame({
  snap,
  title,
  position,
  children,
}: SlideProps & { position: string; children: ReactNode }) {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  return (
    <>
      <header className="slide-head">
        <div>
          <p className="kicker">
            {areaName(snap, t, nameOf)} · {f.period(snap.period)}
          </p>
          <h1>{title}</h1>
        </div>
        <p className="mark" aria-label="Hamkor">
          HAMKOR
        </p>
      </header>
      <div className="slide-body">{children}</div>
      <footer className="slide-foot">
        <span data-testid="data-as-of">
          {t('wall.dataAsOf', { day: f.dayLong(snap.meta.period.end), clock: f.clock(snap.fetchedAt) })}
        </span>
        {snap.meta.synthetic && <span className="demo-tag">{t('wall.demo')}</span>}
        <span className="position">{position}</span>
      </footer>
    </>
  );
}
