// Left panel: period, what is counted and its filters, district, colouring and view. Every control writes the URL-held store.
import { update, useUi } from '../../state/store.ts';
import { METRICS, type Metric } from '../../state/url.ts';
import type { RangeArgs } from '../../queries/range.ts';
import type { Meta } from '../../queries/meta.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { wholeArea } from '../../i18n/whole-area.ts';
import { districtChangeLine } from './change-text.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';
import { RecordFilters } from './RecordFilters.tsx';
import { ViewSection } from './ViewSection.tsx';

/** Each metric's message id ("Number of incidents" / "… applications" by the `source` argument). */
const METRIC_LABELS: Record<Metric, `metric.${Metric}`> = {
  rate: 'metric.rate',
  eb: 'metric.eb',
  count: 'metric.count',
  change: 'metric.change',
  hotspot: 'metric.hotspot',
  emerging: 'metric.emerging',
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
  const t = useT();
  const f = useFmt();
  const source = range.source ?? 'incidents';
  const nameOf = useNameOf();
  const district = meta.districts.find((d) => d.soato === range.district);
  return (
    <aside className="panel" aria-label={t('filters.aria')}>
      <PeriodSection meta={meta} range={range}>
        <div className="presets compare" role="group" aria-label={t('filters.compareWith')}>
          {(['previous', 'year'] as const).map((c) => (
            <button
              key={c}
              type="button"
              data-testid={`compare-${c}`}
              className={range.compare === c ? 'chip active' : 'chip'}
              aria-pressed={range.compare === c}
              onClick={() => update({ compare: c })}
            >
              {t(c === 'previous' ? 'filters.compare.previous' : 'filters.compare.year')}
            </button>
          ))}
        </div>
        {totals && previous && period && (
          <p className="summary" data-testid="summary">
            {t('filters.summary', {
              count: f.int(totals.count),
              source,
              from: f.day(period.from),
              to: f.day(period.to),
              compare: range.compare ?? 'previous',
              prevFrom: f.day(previous.from),
              prevTo: f.day(previous.to),
              prev: f.int(totals.prev),
            })}
          </p>
        )}
        {totals && previous && period && (
          <p className="summary" data-testid="district-change">
            {districtChangeLine(
              district ? nameOf(district.name) : wholeArea(meta, t),
              { count: totals.count, prev: totals.prev, period, previous },
              range.compare ?? 'previous',
              source,
              t,
              f,
            )}
          </p>
        )}
      </PeriodSection>
      <RecordFilters />
      <DistrictSection meta={meta} district={range.district} />
      <section>
        <h2>{t('filters.colourBy')}</h2>
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
              {t(METRIC_LABELS[m], { source })}
            </label>
          ))}
          {metric === 'hotspot' && (
            <label className="check sub" title={t('filters.fdrHint')}>
              <input type="checkbox" data-testid="fdr" checked={fdr} onChange={() => update({ fdr: !fdr })} />
              {t('filters.fdr')}
            </label>
          )}
        </div>
      </section>
      <ViewSection hexRes={hexRes} />
    </aside>
  );
}
