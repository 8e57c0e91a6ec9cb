// A map's legend that folds to its title and a button: on narrow maps (Cooperation and Plans give the map 420–508 px
// at 1280–1366 px screens) the open legend hid a good part of the city, and Coverage's map above its table is ≈ 300 px
// high at 1280 × 720, three quarters of it under the open legend. Folded by default below FOLD_BELOW_PX of map width or
// FOLD_BELOW_HEIGHT_PX of height, open otherwise; a fold or unfold by hand is kept per page in the link (url-fields.ts
// `legends`) and wins.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { getState, update, useUi } from '../../state/store.ts';
import type { LegendPage } from '../../state/url-fields.ts';
import { useT } from '../../i18n/I18n.tsx';
import './MapLegend.css';

/** Maps narrower than this (px) fold their legend until the reader opens it. */
export const FOLD_BELOW_PX = 560;
/** Maps lower than this (px) fold their legend too. */
export const FOLD_BELOW_HEIGHT_PX = 400;

/**
 * Whether a legend shows its body: the reader's choice on this page, else open unless the map is narrow (or low).
 * @example legendOpen(undefined, true) // false
 * @example legendOpen(true, true) // true (opened by hand)
 */
export const legendOpen = (choice: boolean | undefined, narrow: boolean): boolean => choice ?? !narrow;

export interface MapLegendProps {
  page: LegendPage;
  /** the heading, shown folded too */
  title: ReactNode;
  /** the page's own legend class (its width), beside `legend` */
  className?: string;
  testId: string;
  children: ReactNode;
}

export function MapLegend({ page, title, className, testId, children }: MapLegendProps) {
  const t = useT();
  const choice = useUi((s) => s.legends[page]);
  const ref = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  // Measured before paint, so a narrow map never flashes the open legend; the map area is the legend's parent.
  useLayoutEffect(() => {
    const area = ref.current?.parentElement;
    if (!area) return;
    const measure = () => setNarrow(area.clientWidth < FOLD_BELOW_PX || area.clientHeight < FOLD_BELOW_HEIGHT_PX);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(area);
    return () => watch.disconnect();
  }, []);
  const open = legendOpen(choice, narrow);
  const body = useId();
  const label = t(open ? 'legend.hide' : 'legend.show');
  return (
    <div ref={ref} className={className ? `legend ${className}` : 'legend'} data-testid={testId} data-open={open}>
      <div className="legend-head">
        <h3>{title}</h3>
        <button
          type="button"
          className="legend-toggle"
          aria-expanded={open}
          aria-controls={body}
          aria-label={label}
          title={label}
          data-testid="legend-toggle"
          onClick={() => update({ legends: { ...getState().legends, [page]: !open } })}
        >
          <span aria-hidden="true">{open ? '−' : '+'}</span>
        </button>
      </div>
      {/* data-legend-body: the map export (export/compose.ts) reads a folded legend's lines all the same. */}
      <div id={body} hidden={!open} data-legend-body="">
        {children}
      </div>
    </div>
  );
}
