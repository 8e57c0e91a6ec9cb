// The number each mahalla is coloured by, for the selected metric; pure so the legend and the map agree.
import type { Metric } from '../state/url.ts';
import { divergingScale, quantileScale, type ColorScale } from './colors.ts';

export interface MetricColumns {
  ids: number[];
  count: number[];
  prev: number[];
  rate: number[];
}

/** Below this many events in both periods a percentage change is noise, not news: it is not coloured. */
export const MIN_EVENTS_FOR_CHANGE = 10;

export interface MetricView {
  valueById: Map<number, number>;
  scale: ColorScale;
  label: string;
  unit: string;
}

/** Per-mahalla values and a colour scale for the metric. `change` is % vs the previous period. */
export function metricView(m: MetricColumns, metric: Metric): MetricView {
  const valueById = new Map<number, number>();
  m.ids.forEach((id, i) => {
    const n = m.count[i] ?? 0;
    const p = m.prev[i] ?? 0;
    const v =
      metric === 'rate' ? (m.rate[i] ?? 0)
      : metric === 'count' ? n
      : n + p < MIN_EVENTS_FOR_CHANGE ? Number.NaN : ((n - p) / Math.max(p, 1)) * 100;
    valueById.set(id, v);
  });
  const values = [...valueById.values()].filter(Number.isFinite);
  if (metric === 'change') {
    const sorted = values.map(Math.abs).sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 50;
    return { valueById, scale: divergingScale(Math.max(10, Math.min(p90, 200))), label: 'Change vs previous period', unit: '%' };
  }
  return {
    valueById,
    scale: quantileScale(values),
    label: metric === 'rate' ? 'Incidents per 1,000 residents' : 'Incidents',
    unit: metric === 'rate' ? '‰' : '',
  };
}
