// Slide rotation for the wall screen: each slide stays its dwell time, ←/→ step, space pauses, F toggles full screen;
// the current slide is written to the URL (replaceState), so every slide has its own link.
import { useCallback, useEffect, useState } from 'react';
import { withSlide } from './params.ts';

export interface Rotation {
  index: number;
  paused: boolean;
  /** bumps on every step, so the dwell countdown (and its progress bar) restarts */
  step: number;
  go: (delta: number) => void;
}

function toggleFullscreen(): void {
  // Browsers refuse full screen without a user gesture or in some kiosks; the wall keeps running either way.
  const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
  done.catch(() => undefined);
}

/** `dwellMs[i]` is slide i's dwell; `start` is the slide the URL asked for (clamped once slides are known). */
export function useRotation(dwellMs: readonly number[], start: number): Rotation {
  const n = dwellMs.length;
  const [state, setState] = useState({ index: start, paused: false, step: 0 });
  const index = n > 0 ? Math.min(state.index, n - 1) : 0;
  const go = useCallback(
    (delta: number) => {
      setState((s) =>
        n === 0 ? s : { ...s, index: (((Math.min(s.index, n - 1) + delta) % n) + n) % n, step: s.step + 1 },
      );
    },
    [n],
  );

  const dwell = dwellMs[index] ?? 0;
  useEffect(() => {
    if (state.paused || n < 2 || dwell <= 0) return;
    const t = setTimeout(() => go(1), dwell);
    return () => clearTimeout(t);
  }, [state.paused, state.step, n, dwell, go]);

  useEffect(() => {
    if (n === 0) return;
    const url = `${window.location.pathname}${withSlide(window.location.search, index)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
  }, [index, n]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === ' ') setState((s) => ({ ...s, paused: !s.paused, step: s.step + 1 }));
      else if (e.key === 'f' || e.key === 'F') toggleFullscreen();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return { index, paused: state.paused, step: state.step, go };
}

/** True after `ms` without pointer movement: the wall screen hides the cursor then (and shows it on movement). */
export function useIdleCursor(ms: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let t = setTimeout(() => setIdle(true), ms);
    const wake = (): void => {
      setIdle(false);
      clearTimeout(t);
      t = setTimeout(() => setIdle(true), ms);
    };
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      clearTimeout(t);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, [ms]);
  return idle;
}
