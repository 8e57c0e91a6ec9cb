// The frame every slide shares: area and period on top, data freshness and position at the bottom, so a photo of
// the wall (or a printed page) always says what it shows and how fresh it is.
import type { ReactNode } from 'react';
import type { BriefingSnapshot } from '../../../queries/briefing.ts';
import { formatClock, formatDayLong, formatPeriod } from '../../../format.ts';

export interface SlideProps {
  snap: BriefingSnapshot;
  /** the heading (a slide's caption or its kind's title) */
  title: string;
}

/** "Chilonzor tumani" (the district's own name) or "All 12 districts". */
export function areaName(snap: BriefingSnapshot): string {
  return snap.district ? snap.district.name : `All ${snap.meta.districts.length} districts`;
}

export function SlideFrame({
  snap,
  title,
  position,
  children,
}: SlideProps & { position: string; children: ReactNode }) {
  return (
    <>
      <header className="slide-head">
        <div>
          <p className="kicker">
            {areaName(snap)} · {formatPeriod(snap.period)}
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
          Data as of {formatDayLong(snap.meta.period.end)} · fetched {formatClock(snap.fetchedAt)}
        </span>
        {snap.meta.synthetic && <span className="demo-tag">Demo data (synthetic)</span>}
        <span className="position">{position}</span>
      </footer>
    </>
  );
}
