// The time slider: weekly totals of the selection as a clickable histogram, and playback in weekly steps. It only
// moves the one clock (`at` in the URL); every layer and panel follows through the effective range.
import { useEffect, useState } from 'react';
import { update, useUi } from '../../state/store.ts';
import { useTimeline } from '../../queries/hotspots.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { weekIndex } from '../../../server/shared/period.ts';
import { fmtInt, formatDay } from '../../format.ts';
import { noun } from './records.ts';

/** Dwell per week during playback once its data is on screen: long enough to read the map, short enough to see change. */
export const PLAY_STEP_MS = 1400;

export function TimeBar({ selection, busy }: { selection: RangeArgs; busy: boolean }) {
  const at = useUi((s) => s.at);
  const timeline = useTimeline(selection);
  const [playing, setPlaying] = useState(false);
  const weeks = timeline.data;
  const n = weeks?.from.length ?? 0;
  const current = at ? weekIndex(selection, at) : -1;

  // Playback: the next step is scheduled only once the current week's data has arrived (busy = false), so a slow
  // query never makes the clock run ahead of what is drawn.
  useEffect(() => {
    if (!playing || busy || !weeks) return;
    if (current >= n - 1) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(
      () => update({ at: weeks.from[current + 1] ?? null, selected: null }),
      current < 0 ? 0 : PLAY_STEP_MS,
    );
    return () => clearTimeout(t);
  }, [playing, busy, weeks, current, n]);

  const go = (k: number): void => {
    if (weeks && k >= 0 && k < n) update({ at: weeks.from[k] ?? null });
  };
  const max = Math.max(1, ...(weeks?.count ?? [1]));
  const what = noun(selection.source ?? 'incidents').plural;
  const label =
    current >= 0 && weeks
      ? `Week ${current + 1} of ${n} · ${formatDay(weeks.from[current] ?? '')} – ${formatDay(weeks.to[current] ?? '')} · ${fmtInt(weeks.count[current] ?? 0)} ${what}`
      : `Whole period · ${n} weeks · ${fmtInt(weeks?.count.reduce((a, b) => a + b, 0) ?? 0)} ${what}`;
  return (
    <div className="timebar" data-testid="timebar">
      <div className="timebar-controls">
        <button
          type="button"
          className="play"
          data-testid="play"
          aria-pressed={playing}
          disabled={n < 2}
          onClick={() => {
            if (!playing && current >= n - 1) update({ at: null });
            setPlaying(!playing);
          }}
        >
          {playing ? 'Pause' : 'Play weeks'}
        </button>
        <button
          type="button"
          className="step"
          aria-label="Previous week"
          disabled={current <= 0}
          onClick={() => go(current - 1)}
        >
          ‹
        </button>
        <button
          type="button"
          className="step"
          aria-label="Next week"
          disabled={current >= n - 1}
          onClick={() => go(current + 1)}
        >
          ›
        </button>
        <button
          type="button"
          className={current < 0 ? 'chip active' : 'chip'}
          data-testid="whole-period"
          onClick={() => {
            setPlaying(false);
            update({ at: null });
          }}
        >
          Whole period
        </button>
        <span className="clock" data-testid="clock" aria-live="polite">
          {label}
        </span>
      </div>
      <div className="weeks" role="group" aria-label="Weeks of the period">
        {weeks?.from.map((from, k) => (
          <button
            key={from}
            type="button"
            className={k === current ? 'week active' : 'week'}
            data-testid="week"
            title={`${formatDay(from)} – ${formatDay(weeks.to[k] ?? '')}: ${fmtInt(weeks.count[k] ?? 0)}`}
            onClick={() => {
              setPlaying(false);
              update({ at: from });
            }}
          >
            <span style={{ height: `${Math.max(4, ((weeks.count[k] ?? 0) / max) * 100)}%` }} />
          </button>
        ))}
      </div>
    </div>
  );
}
