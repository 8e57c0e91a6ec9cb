// URL <-> UI state: which state is shared in a link, and how it is written. Pure functions, tested in isolation.
// Every page's state rides along in the query string when moving between pages (route.ts), so each param below is
// read only by the pages named; the others ignore it.
//
// | param | state                    | pages        | example                            |
// |-------|--------------------------|--------------|------------------------------------|
// | from  | from                     | all          | 2026-08-03                         |
// | to    | to                       | all          | 2026-10-31                         |
// | cat   | categories               | map          | property,fraud (absent = all)      |
// | st    | statuses                 | map          | solved (absent = all)              |
// | metric| metric                   | map          | rate                               |
// | fdr   | fdr                      | map, coop    | 0 (absent = FDR on)                |
// | cmp   | compare                  | map          | year (absent = previous)           |
// | layers| layers                   | map          | choropleth,heat,base               |
// | d     | district                 | all          | 1726294                            |
// | m     | selected (mahalla)       | map, coop, applications | 123                     |
// | v     | view                     | all          | 69.2401,41.3111,11.2               |
// | at    | at (clock)               | map          | 2026-10-20 (absent = whole period) |
// | src   | source                   | map          | applications (absent = incidents)  |
// | reg   | registries               | map          | form1,form2 (absent = all)         |
// | rcv   | receivers                | map          | duty_unit (absent = all)           |
// | res   | hexRes                   | map          | 8 (absent = from the zoom)         |
// | i     | inspector (open card)    | territories  | 412                                |
// | normResidents  | norms.normResidents  | coverage | 20000 (absent = NORM_DEFAULTS) |
// | normIncidents  | norms.normIncidents  | coverage | 80 (per 30 days)               |
// | normDistanceKm | norms.normDistanceKm | coverage | 4.5                            |
// | over  | overloadedOnly           | territories  | 1 (absent = every inspector)       |
// | sort  | inspectorSort            | territories  | -residents (- = descending; absent = -flags) |
// | am    | applMeasure              | applications | overdue (absent = count)           |
// | plan  | plan                     | plans        | 7 (absent = the newest plan)       |
// | ptab  | planTab                  | plans        | items (absent = territory)         |
// | ctab  | coopTab                  | cooperation  | gaps (absent = summary)            |
// | gap   | gapDays                  | cooperation  | 60 (one of GAP_WINDOWS; absent = 30) |
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES, type IncidentCategory, type IncidentStatus, type Receiver, type RecordSource, type Registry } from '../../server/contract/catalog.ts';
import { NORM_DEFAULTS, NORM_KEYS, NORM_RANGE, NORM_VALUE, type Norms } from '../../server/contract/coverage.ts';

export const METRICS = ['rate', 'eb', 'count', 'change', 'hotspot', 'emerging'] as const;
export type Metric = (typeof METRICS)[number];
export const LAYERS = ['choropleth', 'heat', 'hex', 'base'] as const;
export type LayerKey = (typeof LAYERS)[number];
/** Columns the inspector table sorts by. */
export const INSPECTOR_SORT_KEYS = ['name', 'mahallas', 'residents', 'incidents', 'applications', 'jointActions', 'areaKm2', 'maxDistanceKm', 'flags'] as const;
export type InspectorSortKey = (typeof INSPECTOR_SORT_KEYS)[number];
export interface InspectorSort {
  key: InspectorSortKey;
  dir: 'asc' | 'desc';
}
/** What the applications map colours mahallas by. */
export const APPL_MEASURES = ['count', 'open', 'overdue'] as const;
export type ApplMeasure = (typeof APPL_MEASURES)[number];
export const PLAN_TABS = ['territory', 'service', 'items'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];
export const COOP_TABS = ['summary', 'matrix', 'gaps', 'before-after'] as const;
export type CoopTab = (typeof COOP_TABS)[number];
/** The gap windows (days) the cooperation page offers; a link can only carry one of them, so a chip is always lit. */
export const GAP_WINDOWS = [14, 30, 60, 90] as const;
export type GapDays = (typeof GAP_WINDOWS)[number];


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
  /** the chosen mahalla, wherever a page lets one be clicked */
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
  /** the inspector whose card is open on /coverage */
  inspector: number | null;
  norms: Norms;
  overloadedOnly: boolean;
  inspectorSort: InspectorSort;
  applMeasure: ApplMeasure;
  /** the plan shown on /plans; null = the newest */
  plan: number | null;
  planTab: PlanTab;
  coopTab: CoopTab;
  gapDays: GapDays;
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
  inspector: null,
  norms: { ...NORM_DEFAULTS },
  overloadedOnly: false,
  // Rows over a norm first: the table is read to find overloaded territories.
  inspectorSort: { key: 'flags', dir: 'desc' },
  applMeasure: 'count',
  plan: null,
  planTab: 'territory',
  coopTab: 'summary',
  gapDays: 30,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function listParam<T extends string>(raw: string | null, allowed: readonly T[], fallback: T[]): T[] {
  if (raw === null) return fallback;
  const set = new Set<string>(allowed);
  const items = raw.split(',').filter((x): x is T => set.has(x));
  return items.length > 0 ? allowed.filter((a) => items.includes(a)) : fallback;
}

/** `raw` when it is one of `allowed`, else the fallback. */
function oneOf<T extends string | number, F>(raw: string | number | null, allowed: readonly T[], fallback: F): T | F {
  return allowed.find((a) => a === raw) ?? fallback;
}

/** A positive integer id, or null. */
function idParam(raw: string | null): number | null {
  const n = Number(raw);
  return raw !== null && /^[1-9]\d{0,8}$/.test(raw) && Number.isSafeInteger(n) ? n : null;
}

function parseNorms(q: URLSearchParams): Norms {
  const norms: Norms = { ...NORM_DEFAULTS };
  for (const k of NORM_KEYS) {
    const raw = q.get(k) ?? '';
    const n = Number(raw);
    if (NORM_VALUE.test(raw) && n >= NORM_RANGE[k].min && n <= NORM_RANGE[k].max) norms[k] = n;
  }
  return norms;
}

function parseSort(raw: string | null): InspectorSort {
  const key = oneOf(raw?.replace(/^-/, '') ?? null, INSPECTOR_SORT_KEYS, null);
  return key ? { key, dir: raw?.startsWith('-') ? 'desc' : 'asc' } : DEFAULT_URL_STATE.inspectorSort;
}

/** Reads state from a query string; anything malformed falls back to the default for that field. */
export function parseUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  const d = DEFAULT_URL_STATE;
  const from = q.get('from');
  const at = q.get('at');
  const to = q.get('to');
  const district = q.get('d');
  const v = (q.get('v') ?? '').split(',').map(Number);
  const [lon, lat, zoom] = v;
  const validView = v.length === 3 && lon !== undefined && lat !== undefined && zoom !== undefined && v.every(Number.isFinite) &&
    Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22;
  return {
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    categories: listParam(q.get('cat'), INCIDENT_CATEGORIES, d.categories),
    statuses: listParam(q.get('st'), INCIDENT_STATUSES, d.statuses),
    metric: oneOf(q.get('metric'), METRICS, d.metric),
    fdr: q.get('fdr') !== '0',
    compare: q.get('cmp') === 'year' ? 'year' : 'previous',
    layers: q.get('layers') === '' ? [] : listParam(q.get('layers'), LAYERS, d.layers),
    district: district && /^\d{7}$/.test(district) ? district : null,
    selected: idParam(q.get('m')),
    view: validView ? { lon, lat, zoom } : null,
    at: at && DAY.test(at) ? at : null,
    source: q.get('src') === 'applications' ? 'applications' : 'incidents',
    registries: listParam(q.get('reg'), REGISTRIES, d.registries),
    receivers: listParam(q.get('rcv'), RECEIVERS, d.receivers),
    hexRes: /^[5-9]$/.test(q.get('res') ?? '') ? Number(q.get('res')) : null,
    inspector: idParam(q.get('i')),
    norms: parseNorms(q),
    overloadedOnly: q.get('over') === '1',
    inspectorSort: parseSort(q.get('sort')),
    applMeasure: oneOf(q.get('am'), APPL_MEASURES, d.applMeasure),
    plan: idParam(q.get('plan')),
    planTab: oneOf(q.get('ptab'), PLAN_TABS, d.planTab),
    coopTab: oneOf(q.get('ctab'), COOP_TABS, d.coopTab),
    gapDays: oneOf(Number(q.get('gap') ?? NaN), GAP_WINDOWS, d.gapDays),
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
  if (s.inspector !== null) q.set('i', String(s.inspector));
  for (const k of NORM_KEYS) if (s.norms[k] !== d.norms[k]) q.set(k, String(s.norms[k]));
  if (s.overloadedOnly) q.set('over', '1');
  if (s.inspectorSort.key !== d.inspectorSort.key || s.inspectorSort.dir !== d.inspectorSort.dir) {
    q.set('sort', `${s.inspectorSort.dir === 'desc' ? '-' : ''}${s.inspectorSort.key}`);
  }
  if (s.applMeasure !== d.applMeasure) q.set('am', s.applMeasure);
  if (s.plan !== null) q.set('plan', String(s.plan));
  if (s.planTab !== d.planTab) q.set('ptab', s.planTab);
  if (s.coopTab !== d.coopTab) q.set('ctab', s.coopTab);
  if (s.gapDays !== d.gapDays) q.set('gap', String(s.gapDays));
  if (s.view) q.set('v', `${s.view.lon.toFixed(4)},${s.view.lat.toFixed(4)},${s.view.zoom.toFixed(2)}`);
  return q.toString();
}
