// URL <-> UI state: which state is shared in a link, and how it is written. Pure functions, tested in isolation.
// Every page's state rides along in the query string when moving between pages (route.ts), so each param is read only
// by the pages its declaration names; the others ignore it.
//
// Each field is declared once, in URL_FIELDS below: its URL parameter, how it is read and written, and its default.
// The UrlState type, DEFAULT_URL_STATE, parseUrl and serializeUrl all follow from those declarations; the comment on
// each declaration is the table of what a link may carry (the pages that read it, an example, what absent means).
import {
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RECEIVERS,
  RECORD_SOURCES,
  REGISTRIES,
} from '../../server/contract/catalog.ts';
import { legends, norms, weights } from './url-fields.ts';
import { asLocale, type Locale } from '../i18n/locales.ts';

export const METRICS = ['rate', 'eb', 'count', 'change', 'hotspot', 'emerging'] as const;
export type Metric = (typeof METRICS)[number];
export const LAYERS = ['choropleth', 'heat', 'hex', 'base'] as const;
export type LayerKey = (typeof LAYERS)[number];
/** The Kulldorff scan over the map: off, clusters anywhere in the period, or emerging clusters (the last weeks). */
export const SCAN_VIEWS = ['off', 'spatial', 'emerging'] as const;
export type ScanView = (typeof SCAN_VIEWS)[number];
/** Columns the inspector table sorts by. */
export const INSPECTOR_SORT_KEYS = [
  'name',
  'mahallas',
  'residents',
  'incidents',
  'applications',
  'jointActions',
  'areaKm2',
  'maxDistanceKm',
  'flags',
] as const;
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
export const ADMIN_TABS = ['accounts', 'kiosk', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];
/** The gap windows (days) the cooperation page offers; a link can only carry one of them, so a chip is always lit. */
export const GAP_WINDOWS = [14, 30, 60, 90] as const;
export type GapDays = (typeof GAP_WINDOWS)[number];
const COMPARES = ['previous', 'year'] as const;

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

/** One piece of state in the link: its default, and how it is read from and written to the query string. */
export interface UrlField<T> {
  readonly default: T;
  read(q: URLSearchParams): T;
  /** sets its parameter(s) on `q`, or nothing when the value is the default (links stay short) */
  write(value: T, q: URLSearchParams): void;
}

/**
 * A field held in one URL parameter: `parse` turns the raw value (null when absent) into state, falling back on
 * anything malformed; `format` writes it, or returns null to leave the parameter out.
 */
function param<T>(
  name: string,
  def: T,
  parse: (raw: string | null) => T,
  format: (value: T) => string | null,
): UrlField<T> {
  return {
    default: def,
    read: (q) => parse(q.get(name)),
    write: (value, q) => {
      const raw = format(value);
      if (raw !== null) q.set(name, raw);
    },
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD) or null. */
const day = (name: string): UrlField<string | null> =>
  param(
    name,
    null,
    (raw) => (raw && DAY.test(raw) ? raw : null),
    (v) => v || null,
  );

/** A positive integer id, or null. */
const id = (name: string): UrlField<number | null> =>
  param(
    name,
    null,
    (raw) => (raw !== null && /^[1-9]\d{0,8}$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null),
    (v) => (v === null ? null : String(v)),
  );

/** One of `allowed`; anything else is the default. */
function oneOf<T extends string>(name: string, allowed: readonly T[], def: T): UrlField<T> {
  return param(
    name,
    def,
    (raw) => allowed.find((a) => a === raw) ?? def,
    (v) => (v === def ? null : v),
  );
}

/**
 * A comma-separated subset of `allowed`, kept in vocabulary order with unknown codes dropped; nothing known = the
 * default. `emptyIsNone`: an empty parameter means the empty list (layers), not the default.
 */
function list<T extends string>(
  name: string,
  allowed: readonly T[],
  def: T[] = [...allowed],
  emptyIsNone = false,
): UrlField<T[]> {
  const set = new Set<string>(allowed);
  return param(
    name,
    def,
    (raw) => {
      if (raw === null) return def;
      if (raw === '' && emptyIsNone) return [];
      const items = raw.split(',').filter((x): x is T => set.has(x));
      return items.length > 0 ? allowed.filter((a) => items.includes(a)) : def;
    },
    (v) => (v.join(',') === def.join(',') ? null : v.join(',')),
  );
}

/** A flag written as `1` (or `0` when it is on by default) and absent in its default state. */
const flag = (name: string, def: boolean): UrlField<boolean> =>
  param(
    name,
    def,
    (raw) => (def ? raw !== '0' : raw === '1'),
    (v) => (v === def ? null : v ? '1' : '0'),
  );

const DEFAULT_SORT: InspectorSort = { key: 'flags', dir: 'desc' };

function parseView(raw: string | null): View | null {
  const v = (raw ?? '').split(',').map(Number);
  const [lon, lat, zoom] = v;
  const valid =
    v.length === 3 &&
    lon !== undefined &&
    lat !== undefined &&
    zoom !== undefined &&
    v.every(Number.isFinite) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 85 &&
    zoom >= 0 &&
    zoom <= 22;
  return valid ? { lon, lat, zoom } : null;
}

/**
 * Every field of the link, in the order it is written. The comment on each: the pages that read it · an example
 * value (what the parameter's absence means).
 */
export const URL_FIELDS = {
  /** all · `from=2026-08-03` (absent = the last 90 days of data) */
  from: day('from'),
  /** all · `to=2026-10-31` */
  to: day('to'),
  /** map · `cat=property,fraud` (absent = all categories) */
  categories: list('cat', INCIDENT_CATEGORIES),
  /** map · `st=solved` (absent = all statuses) */
  statuses: list('st', INCIDENT_STATUSES),
  /** map · `metric=count` (absent = rate) */
  metric: oneOf('metric', METRICS, 'rate'),
  /** map, cooperation · `fdr=0`: Benjamini–Hochberg correction of hot-spot significance off (absent = on) */
  fdr: flag('fdr', true),
  /** map · `cmp=year`: compare with the same days last year (absent = the previous period of equal length) */
  compare: oneOf('cmp', COMPARES, 'previous'),
  /** map · `layers=choropleth,heat,base`; `layers=` = none (absent = choropleth,base) */
  layers: list('layers', LAYERS, ['choropleth', 'base'], true),
  /** all · `d=1726294`: the chosen district's SOATO code (absent = every district) */
  district: param<string | null>(
    'd',
    null,
    (raw) => (raw && /^\d{7}$/.test(raw) ? raw : null),
    (v) => v || null,
  ),
  /** map, cooperation, applications · `m=123`: the chosen mahalla, wherever a page lets one be clicked */
  selected: id('m'),
  /** map · `at=2026-10-20`: the time slider's clock, first day of the week shown (absent = the whole period) */
  at: day('at'),
  /** map · `scan=spatial`: outlines of the Kulldorff scan's clusters, anywhere in the period or `emerging` (absent = off) */
  scan: oneOf('scan', SCAN_VIEWS, 'off'),
  /** map · `src=applications`: which records the map counts (absent = incidents) */
  source: oneOf('src', RECORD_SOURCES, 'incidents'),
  /** map · `reg=form1,form2` (absent = every registry) */
  registries: list('reg', REGISTRIES),
  /** map · `rcv=duty_unit` (absent = every receiver) */
  receivers: list('rcv', RECEIVERS),
  /** map · `res=8`: H3 resolution of the hexagon view chosen by hand (absent = picked from the zoom) */
  hexRes: param<number | null>(
    'res',
    null,
    (raw) => (/^[5-9]$/.test(raw ?? '') ? Number(raw) : null),
    (v) => (v === null ? null : String(v)),
  ),
  /** coverage · `i=412`: the inspector whose card is open */
  inspector: id('i'),
  /** coverage · `normResidents=20000&normIncidents=80&normDistanceKm=4.5` (incidents per 30 days; absent = NORM_DEFAULTS) */
  norms,
  /** coverage · `over=1`: only overloaded inspectors (absent = every inspector) */
  overloadedOnly: flag('over', false),
  /** coverage · `sort=-residents` (- = descending; absent = -flags, rows over a norm first: the table is read to find them) */
  inspectorSort: param<InspectorSort>(
    'sort',
    DEFAULT_SORT,
    (raw) => {
      const key = INSPECTOR_SORT_KEYS.find((k) => k === raw?.replace(/^-/, ''));
      return key ? { key, dir: raw?.startsWith('-') ? 'desc' : 'asc' } : DEFAULT_SORT;
    },
    (v) => (v.key === DEFAULT_SORT.key && v.dir === DEFAULT_SORT.dir ? null : `${v.dir === 'desc' ? '-' : ''}${v.key}`),
  ),
  /** applications · `am=overdue`: what the map colours mahallas by (absent = count) */
  applMeasure: oneOf('am', APPL_MEASURES, 'count'),
  /** plans · `plan=7`: the plan shown (absent = the newest) */
  plan: id('plan'),
  /** plans · `ptab=items` (absent = territory) */
  planTab: oneOf('ptab', PLAN_TABS, 'territory'),
  /** cooperation · `ctab=gaps` (absent = summary) */
  coopTab: oneOf('ctab', COOP_TABS, 'summary'),
  /** cooperation · `gap=60`: one of GAP_WINDOWS (absent = 30) */
  gapDays: param<GapDays>(
    'gap',
    30,
    (raw) => GAP_WINDOWS.find((g) => g === Number(raw ?? NaN)) ?? 30,
    (v) => (v === 30 ? null : String(v)),
  ),
  /** administration · `atab=audit`: accounts, wall-screen links or the audit log (absent = accounts) */
  adminTab: oneOf('atab', ADMIN_TABS, 'accounts'),
  /** planner, territory annex print · `tv=12`: the territory plan version open in the editor or printed (absent = the district's newest draft, else the plan in force) */
  territoryVersion: id('tv'),
  /** territory comparison · `va=3`: the version compared from (absent = the district's plan in force) */
  diffBefore: id('va'),
  /** territory comparison · `vb=7`: the version compared to (absent = the district's newest draft, else the newest other version) */
  diffAfter: id('vb'),
  weights, // planner · `w=30,25,15,10,10,10&wc=drugs:2`: workload weights (url-fields.ts; absent = defaults)
  legends, // map pages · `lg=cooperation:0`: a legend folded (0) or opened (1) by hand (absent = by the map's width)
  /** all · `lang=ru`: the language the screen is shown in (absent = the one this browser last chose, else uz-Latn) */
  lang: param<Locale | null>('lang', null, asLocale, (v) => v),
  /** all · `v=69.2401,41.3111,11.2`: the camera, lon,lat,zoom (absent = fitted to the district or the data) */
  view: param<View | null>('v', null, parseView, (v) =>
    v ? `${v.lon.toFixed(4)},${v.lat.toFixed(4)},${v.zoom.toFixed(2)}` : null,
  ),
};

type Fields = typeof URL_FIELDS;
/** The state a link carries, one property per declaration in URL_FIELDS. */
export type UrlState = { [K in keyof Fields]: Fields[K] extends UrlField<infer T> ? T : never };
type Key = keyof UrlState;

// The same declarations seen through UrlState, so that a field and its value can be indexed by one key together.
const fields: { [K in Key]: UrlField<UrlState[K]> } = URL_FIELDS;
const KEYS = Object.keys(URL_FIELDS) as Key[];

/** Builds a state field by field (an object assembled key by key needs one cast to its mapped type). */
function build(value: <K extends Key>(k: K) => UrlState[K]): UrlState {
  return Object.fromEntries(KEYS.map((k) => [k, value(k)])) as UrlState;
}

export const DEFAULT_URL_STATE: UrlState = build((k) => fields[k].default);

/** Reads state from a query string; anything malformed falls back to the default for that field. */
export function parseUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  return build((k) => fields[k].read(q));
}

/** Writes state as a query string, omitting defaults so links stay short. */
export function serializeUrl(s: UrlState): string {
  const q = new URLSearchParams();
  const write = <K extends Key>(k: K): void => fields[k].write(s[k], q);
  for (const k of KEYS) write(k);
  return q.toString();
}
