// Left panel: period, what is counted and its filters, district, colouring and view. Every control writes the URL-held store.
import { update, useUi } from '../../state/store.ts';
import { METRICS, type Metric } from '../../state/url.ts';
import type { RangeArgs } from '../../queries/range.ts';
import type { Meta } from '../../queries/meta.ts';
import { fmtInt, formatDay } from '../../format.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';
import { RecordFilters } from './RecordFilters.tsx';
import { ViewSection } from './ViewSection.tsx';
import { noun } from './records.ts';

const METRIC_LABELS: Record<Metric, string> = {
  rate: 'Rate per 1,000 residents',
  eb: 'Rate per 1,000, smoothed (Empirical Bayes)',
  count: 'Number of records', // shown as "Number of incidents" / "… applications"
  change: 'Change vs previous period',
  hotspot: 'Hot & cold spots (tested)',
  emerging: 'Emerging hot spots (trend)',
};
export interface FilterPanelProps {
  meta: Meta;
  range: RangeArgs;
  totals?: { count: number; prev: number; population: number };
  /** the period the totals count: the selection, or the week the time slider points at */
  period?: { from: string; to: string };
  previous?: { from: string; to: string };
  /** the hexagon view's resolution now and the one the zoom would pick */
  hexRes: { res: number; auto: number };
}

export function FilterPanel({ meta, range, totals, period, previous, hexRes }: FilterPanelProps) {
  const metric = useUi((s) => s.metric);
  const fdr = useUi((s) => s.fdr);
  return (
    <aside className="panel" aria-label="Filters">
      <PeriodSection meta={meta} range={range}>
        <div className="presets compare" role="group" aria-label="Compare with">
          {(['previous', 'year'] as const).map((c) => (
            <button
              key={c}
              type="button"
              data-testid={`compare-${c}`}
              className={range.compare === c ? 'chip active' : 'chip'}
              aria-pressed={range.compare === c}
              onClick={() => update({ compare: c })}
            >
              {c === 'previous' ? 'vs previous period' : 'vs same days last year'}
            </button>
          ))}
        </div>
        {totals && previous && period && (
          <p className="summary" data-testid="summary">
            <strong>{fmtInt(totals.count)}</strong> {noun(range.source ?? 'incidents').plural} {formatDay(period.from)}{' '}
            – {formatDay(period.to)} · {range.compare === 'year' ? 'same days last year' : 'previous period'} (
            {formatDay(previous.from)} – {formatDay(previous.to)}): {fmtInt(totals.prev)}
          </p>
        )}
      </PeriodSection>
      <RecordFilters />
      <DistrictSection meta={meta} district={range.district} />
      <section>
        <h2>Colour mahallas by</h2>
        <div className="radios" data-testid="metric">
          {METRICS.map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name="metric"
                value={m}
                checked={m === metric}
                onChange={() => update({ metric: m })}
              />
              {m === 'count' ? `Number of ${noun(range.source ?? 'incidents').plural}` : METRIC_LABELS[m]}
            </label>
          ))}
          {metric === 'hotspot' && (
            <label
              className="check sub"
              title="Benjamini–Hochberg false-discovery-rate correction for testing many mahallas at once"
            >
              <input type="checkbox" data-testid="fdr" checked={fdr} onChange={() => update({ fdr: !fdr })} />
              Correct for multiple testing (FDR)
            </label>
          )}
        </div>
      </section>
      <ViewSection hexRes={hexRes} />
    </aside>
  );
}
