// The time slider: weekly totals of the selection as a clickable histogram, and playback in weekly steps. It only
// moves the one clock (`at` in the URL); every layer and panel follows through the effective range.
import { useEffect, useState } from 'react';
import { update, useUi } from '../../state/store.ts';
import { useTimeline } from '../../queries/hotspots.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { weekIndex } from '../../../server/shared/period.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';

/** Dwell per week during playback once its data is on screen: long enough to read the map, short enough to see change. */
export const PLAY_STEP_MS = 1400;

export function TimeBar({ selection, busy }: { selection: RangeArgs; busy: boolean }) {
  const at = useUi((s) => s.at);
  const timeline = useTimeline(selection);
  const [playing, setPlaying] = useState(false);
  const t = useT();
  const f = useFmt();
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
  const source = selection.source ?? 'incidents';
  const label =
    current >= 0 && weeks
      ? t('time.week', {
          k: current + 1,
          n,
          period: `${f.day(weeks.from[current] ?? '')} – ${f.day(weeks.to[current] ?? '')}`,
          count: f.int(weeks.count[current] ?? 0),
          source,
        })
      : t('time.whole', { n, count: f.int(weeks?.count.reduce((a, b) => a + b, 0) ?? 0), source });
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
          {t(playing ? 'time.pause' : 'time.play')}
        </button>
        <button
          type="button"
          className="step"
          aria-label={t('time.previous')}
          disabled={current <= 0}
          onClick={() => go(current - 1)}
        >
          ‹
        </button>
        <button
          type="button"
          className="step"
          aria-label={t('time.next')}
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
          {t('time.wholePeriod')}
        </button>
        <span className="clock" data-testid="clock" aria-live="polite">
          {label}
        </span>
      </div>
      <div className="weeks" role="group" aria-label={t('time.weeks')}>
        {weeks?.from.map((from, k) => (
          <button
            key={from}
            type="button"
            className={k === current ? 'week active' : 'week'}
            data-testid="week"
            title={`${f.day(from)} – ${f.day(weeks.to[k] ?? '')}: ${f.int(weeks.count[k] ?? 0)}`}
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
