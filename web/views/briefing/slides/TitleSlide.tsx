// Title slide: which area, which period against which, the headline numbers, and how fresh the data is.
import type { SlideProps } from './SlideFrame.tsx';
import { areaName } from './SlideFrame.tsx';
import { SLIDE_TITLES } from './titles.ts';
import { Kpi } from './Kpi.tsx';
import { fmtChange, fmtInt, formatDayLong, formatPeriod } from '../../../format.ts';

/** Residents as a short figure that fits its box at any screen size: "3.04 M", "412 k". */
function residents(n: number): string {
  // A narrow no-break space: the unit must never wrap onto a line of its own.
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}\u202fM` : `${Math.round(n / 1000)}\u202fk`;
}

export function TitleSlide({ snap }: SlideProps) {
  const { metrics, hotspots, meta } = snap;
  const built = meta.builtAt ? new Date(meta.builtAt) : null;
  return (
    <div className="title-slide">
      <div className="title-main">
        <p className="eyebrow">{snap.playlist.name}</p>
        <h2 className="area">{areaName(snap)}</h2>
        <p className="period">
          {formatPeriod(snap.period)} <span className="vs">compared with {formatPeriod(snap.previous)}</span>
        </p>
        <dl className="kpis">
          {metrics && (
            <Kpi
              label="Incidents"
              value={fmtInt(metrics.totals.count)}
              note={`${fmtChange(metrics.totals.count, metrics.totals.prev) ?? 'no earlier data'} vs ${fmtInt(metrics.totals.prev)}`}
            />
          )}
          {hotspots && (
            <Kpi
              label="Hot spots"
              value={hotspots.counts.hot}
              note={`of ${hotspots.counts.units} mahallas (exact test, 90 %+)`}
            />
          )}
          {metrics && (
            <Kpi
              label="Residents"
              value={residents(metrics.totals.population)}
              note={`in ${metrics.ids.length} mahallas`}
            />
          )}
        </dl>
        <p className="fresh">
          Data as of <strong>{formatDayLong(meta.period.end)}</strong>
          {built && !Number.isNaN(built.getTime()) && <> · database built {formatDayLong(meta.builtAt.slice(0, 10))}</>}
        </p>
      </div>
      <nav className="agenda" aria-label="Slides of this briefing">
        <h3>On this briefing</h3>
        <ol>
          {snap.playlist.slides.map((s, i) => (
            <li key={i}>
              <span className="n">{i + 1}</span>
              {s.caption ?? SLIDE_TITLES[s.kind]}
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
