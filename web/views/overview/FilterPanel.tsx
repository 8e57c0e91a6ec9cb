// Left panel: period, categories, status, district, metric and layers. Every control writes the URL-held store.
import { CATEGORY_LABELS, INCIDENT_CATEGORIES, INCIDENT_STATUSES, type IncidentCategory, type IncidentStatus } from '../../../server/contract/catalog.ts';
import { update, useUi } from '../../state/store.ts';
import { LAYERS, METRICS, type LayerKey, type Metric } from '../../state/url.ts';
import type { RangeArgs } from '../../queries/index.ts';
import type { Meta } from '../../queries/types.ts';
import { fmtInt, formatDay } from './dates.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';

const METRIC_LABELS: Record<Metric, string> = {
  rate: 'Rate per 1,000 residents',
  eb: 'Rate per 1,000, smoothed (Empirical Bayes)',
  count: 'Number of incidents',
  change: 'Change vs previous period',
  hotspot: 'Hot & cold spots (Gi*, tested)',
  emerging: 'Emerging hot spots (trend)',
};
const LAYER_LABELS: Record<LayerKey, string> = { choropleth: 'Mahalla choropleth', heat: 'Incident heat map', base: 'Police base points' };
const STATUS_LABELS: Record<IncidentStatus, string> = { registered: 'Registered', solved: 'Solved', unsolved: 'Unsolved' };
function toggle<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return all.filter((x) => next.includes(x));
}

export interface FilterPanelProps {
  meta: Meta;
  range: RangeArgs;
  totals?: { count: number; prev: number; population: number };
  previous?: { from: string; to: string };
}

export function FilterPanel({ meta, range, totals, previous }: FilterPanelProps) {
  const allCats = range.categories.length === INCIDENT_CATEGORIES.length;
  const metric = useUi((s) => s.metric);
  const fdr = useUi((s) => s.fdr);
  return (
    <aside className="panel" aria-label="Filters">
      <PeriodSection meta={meta} range={range}>
        <div className="presets compare" role="group" aria-label="Compare with">
          {(['previous', 'year'] as const).map((c) => (
            <button key={c} type="button" data-testid={`compare-${c}`} className={range.compare === c ? 'chip active' : 'chip'} aria-pressed={range.compare === c} onClick={() => update({ compare: c })}>
              {c === 'previous' ? 'vs previous period' : 'vs same days last year'}
            </button>
          ))}
        </div>
        {totals && previous && (
          <p className="summary" data-testid="summary">
            <strong>{fmtInt(totals.count)}</strong> incidents · {range.compare === 'year' ? 'same days last year' : 'previous period'} (
            {formatDay(previous.from)} – {formatDay(previous.to)}): {fmtInt(totals.prev)}
          </p>
        )}
      </PeriodSection>
      <section>
        <h2>
          Categories
          <button type="button" className="link" onClick={() => update({ categories: allCats ? ['property'] : [...INCIDENT_CATEGORIES] })}>
            {allCats ? 'Only one' : 'All'}
          </button>
        </h2>
        <div className="checks" data-testid="categories">
          {INCIDENT_CATEGORIES.map((c: IncidentCategory) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                value={c}
                checked={range.categories.includes(c)}
                disabled={range.categories.length === 1 && range.categories.includes(c)}
                onChange={() => update({ categories: toggle(range.categories as IncidentCategory[], c, INCIDENT_CATEGORIES) })}
              />
              {CATEGORY_LABELS[c]}
            </label>
          ))}
        </div>
      </section>
      <section>
        <h2>Status</h2>
        <div className="presets">
          {INCIDENT_STATUSES.map((s) => {
            const on = range.statuses.includes(s);
            return (
              <button key={s} type="button" className={on ? 'chip active' : 'chip'} aria-pressed={on} disabled={on && range.statuses.length === 1}
                onClick={() => update({ statuses: toggle(range.statuses as IncidentStatus[], s, INCIDENT_STATUSES) })}>
                {STATUS_LABELS[s]}
              </button>
            );
          })}
        </div>
      </section>
      <DistrictSection meta={meta} district={range.district} />
      <section>
        <h2>Colour mahallas by</h2>
        <div className="radios" data-testid="metric">
          {METRICS.map((m) => (
            <label key={m} className="check">
              <input type="radio" name="metric" value={m} checked={m === metric} onChange={() => update({ metric: m })} />
              {METRIC_LABELS[m]}
            </label>
          ))}
          {metric === 'hotspot' && (
            <label className="check sub" title="Benjamini–Hochberg false-discovery-rate correction for testing many mahallas at once">
              <input type="checkbox" data-testid="fdr" checked={fdr} onChange={() => update({ fdr: !fdr })} />
              Correct for multiple testing (FDR)
            </label>
          )}
        </div>
      </section>
      <section>
        <h2>Layers</h2>
        <div className="checks" data-testid="layers">
          {LAYERS.map((l) => (
            <LayerToggle key={l} layer={l} label={LAYER_LABELS[l]} />
          ))}
        </div>
      </section>
    </aside>
  );
}

function LayerToggle({ layer, label }: { layer: LayerKey; label: string }) {
  const layers = useUi((s) => s.layers);
  return (
    <label className="check">
      <input type="checkbox" value={layer} checked={layers.includes(layer)} onChange={() => update({ layers: toggle(layers, layer, LAYERS) })} />
      {label}
    </label>
  );
}
