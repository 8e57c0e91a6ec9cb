// URL <-> UI state: which state is shared in a link, and how it is written. Pure functions, tested in isolation.
//
// | param | state          | example                    |
// |-------|----------------|----------------------------|
// | from  | from           | 2026-08-03                 |
// | to    | to             | 2026-10-31                 |
// | cat   | categories     | property,fraud (absent=all)|
// | st    | statuses       | solved (absent=all)        |
// | metric| metric         | rate                       |
// | fdr   | fdr            | 0 (absent = FDR on)        |
// | cmp   | compare        | year (absent = previous)   |
// | layers| layers         | choropleth,heat,base       |
// | d     | district       | 1726294                    |
// | m     | selected       | 123                        |
// | v     | view           | 69.2401,41.3111,11.2       |
// | at    | at (clock)     | 2026-10-20 (absent = whole period) |
// | src   | source         | applications (absent = incidents)  |
// | reg   | registries     | form1,form2 (absent = all) |
// | rcv   | receivers      | duty_unit (absent = all)   |
// | res   | hexRes         | 8 (absent = from the zoom) |
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES, type IncidentCategory, type IncidentStatus, type Receiver, type RecordSource, type Registry } from '../../server/contract/catalog.ts';

export const METRICS = ['rate', 'eb', 'count', 'change', 'hotspot', 'emerging'] as const;
export type Metric = (typeof METRICS)[number];
export const LAYERS = ['choropleth', 'heat', 'hex', 'base'] as const;
export type LayerKey = (typeof LAYERS)[number];

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  from: string | null;
  to: string | null;
  categories: IncidentCategory[];
  statuses: IncidentStatus[];
  metric: Metric;
  /** Benjamini–Hochberg correction of hot-spot significance */
  fdr: boolean;
  /** compare with the previous period of equal length or the same days last year */
  compare: 'previous' | 'year';
  layers: LayerKey[];
  district: string | null;
  selected: number | null;
  view: View | null;
  /** The time slider's clock: first day of the week being shown; null = the whole selected period. */
  at: string | null;
  /** which records the map counts */
  source: RecordSource;
  registries: Registry[];
  receivers: Receiver[];
  /** H3 resolution of the hexagon view chosen by hand; null = picked from the zoom */
  hexRes: number | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  from: null,
  to: null,
  categories: [...INCIDENT_CATEGORIES],
  statuses: [...INCIDENT_STATUSES],
  metric: 'rate',
  fdr: true,
  compare: 'previous',
  layers: ['choropleth', 'base'],
  district: null,
  selected: null,
  view: null,
  at: null,
  source: 'incidents',
  registries: [...REGISTRIES],
  receivers: [...RECEIVERS],
  hexRes: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function listParam<T extends string>(raw: string | null, allowed: readonly T[], fallback: T[]): T[] {
  if (raw === null) return fallback;
  const set = new Set<string>(allowed);
  const items = raw.split(',').filter((x): x is T => set.has(x));
  return items.length > 0 ? allowed.filter((a) => items.includes(a)) : fallback;
}

/** Reads state from a query string; anything malformed falls back to the default for that field. */
export function parseUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  const d = DEFAULT_URL_STATE;
  const from = q.get('from');
  const at = q.get('at');
  const to = q.get('to');
  const metric = q.get('metric');
  const district = q.get('d');
  const m = Number(q.get('m'));
  const v = (q.get('v') ?? '').split(',').map(Number);
  const [lon, lat, zoom] = v;
  const validView = v.length === 3 && lon !== undefined && lat !== undefined && zoom !== undefined && v.every(Number.isFinite) &&
    Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22;
  return {
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    categories: listParam(q.get('cat'), INCIDENT_CATEGORIES, d.categories),
    statuses: listParam(q.get('st'), INCIDENT_STATUSES, d.statuses),
    metric: (METRICS as readonly string[]).includes(metric ?? '') ? (metric as Metric) : d.metric,
    fdr: q.get('fdr') !== '0',
    compare: q.get('cmp') === 'year' ? 'year' : 'previous',
    layers: q.get('layers') === '' ? [] : listParam(q.get('layers'), LAYERS, d.layers),
    district: district && /^\d{7}$/.test(district) ? district : null,
    selected: Number.isInteger(m) && m > 0 ? m : null,
    view: validView ? { lon, lat, zoom } : null,
    at: at && DAY.test(at) ? at : null,
    source: q.get('src') === 'applications' ? 'applications' : 'incidents',
    registries: listParam(q.get('reg'), REGISTRIES, d.registries),
    receivers: listParam(q.get('rcv'), RECEIVERS, d.receivers),
    hexRes: /^[5-9]$/.test(q.get('res') ?? '') ? Number(q.get('res')) : null,
  };
}

/** Writes state as a query string, omitting defaults so links stay short. */
export function serializeUrl(s: UrlState): string {
  const q = new URLSearchParams();
  const d = DEFAULT_URL_STATE;
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.categories.length !== d.categories.length) q.set('cat', s.categories.join(','));
  if (s.statuses.length !== d.statuses.length) q.set('st', s.statuses.join(','));
  if (s.metric !== d.metric) q.set('metric', s.metric);
  if (!s.fdr) q.set('fdr', '0');
  if (s.compare === 'year') q.set('cmp', 'year');
  if (s.layers.join(',') !== d.layers.join(',')) q.set('layers', s.layers.join(','));
  if (s.district) q.set('d', s.district);
  if (s.selected !== null) q.set('m', String(s.selected));
  if (s.at) q.set('at', s.at);
  if (s.source !== d.source) q.set('src', s.source);
  if (s.registries.length !== d.registries.length) q.set('reg', s.registries.join(','));
  if (s.receivers.length !== d.receivers.length) q.set('rcv', s.receivers.join(','));
  if (s.hexRes !== null) q.set('res', String(s.hexRes));
  if (s.view) q.set('v', `${s.view.lon.toFixed(4)},${s.view.lat.toFixed(4)},${s.view.zoom.toFixed(2)}`);
  return q.toString();
}
