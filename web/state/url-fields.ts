// Link fields that span several URL parameters or hold several pages' values, each a UrlField of url.ts (which
// imports them, so the shape is repeated here rather than imported): the legends folded by hand, the coverage norms,
// and the planner's workload weights — `w` holds the six parts' weights in percent, in WEIGHT_KEYS order, and `wc` the
// incident categories weighted other than 1 (code:weight). Absent or malformed = the defaults, so an old link still
// opens.
import { INCIDENT_CATEGORIES } from '../../server/contract/catalog.ts';
import { NORM_DEFAULTS, NORM_KEYS, NORM_RANGE, NORM_VALUE, type Norms } from '../../server/contract/coverage.ts';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type WorkloadWeights } from '../../server/shared/planner/workload.ts';

/** The most a part may weigh, in percent (the weights are shares: only their ratios matter). */
export const WEIGHT_MAX = 100;
/** The most an incident of one category may count, in incidents. */
export const CATEGORY_WEIGHT_MAX = 10;

const NUMBER = /^\d{1,3}(\.\d{1,2})?$/;
const categories = new Set<string>(INCIDENT_CATEGORIES);
const percent = (x: number): string => String(Math.round(x * 10_000) / 100);

/**
 * Reads the weights of a query string; a part or category outside its range drops the whole parameter.
 * @example readWeights(new URLSearchParams('w=50,10,10,10,10,10')).residents // 0.5
 */
export function readWeights(q: URLSearchParams): WorkloadWeights {
  const out: WorkloadWeights = { ...DEFAULT_WEIGHTS, categories: {} };
  const parts = (q.get('w') ?? '').split(',');
  if (
    parts.length === WEIGHT_KEYS.length &&
    parts.every((p) => NUMBER.test(p) && Number(p) <= WEIGHT_MAX) &&
    parts.some((p) => Number(p) > 0)
  )
    WEIGHT_KEYS.forEach((k, i) => (out[k] = Number(parts[i]) / 100));
  const cats: Record<string, number> = {};
  for (const pair of (q.get('wc') ?? '').split(',')) {
    const [code, raw] = pair.split(':');
    if (code && categories.has(code) && raw && NUMBER.test(raw) && Number(raw) <= CATEGORY_WEIGHT_MAX)
      cats[code] = Number(raw);
  }
  out.categories = cats;
  return out;
}

/**
 * Writes the weights that differ from the defaults (nothing for the defaults).
 * @example writeWeights({ ...DEFAULT_WEIGHTS, residents: 0.5 }, q); q.get('w') // '50,25,15,10,10,10'
 */
export function writeWeights(w: WorkloadWeights, q: URLSearchParams): void {
  if (WEIGHT_KEYS.some((k) => w[k] !== DEFAULT_WEIGHTS[k])) q.set('w', WEIGHT_KEYS.map((k) => percent(w[k])).join(','));
  const cats = INCIDENT_CATEGORIES.filter((c) => (w.categories[c] ?? 1) !== 1).map((c) => `${c}:${w.categories[c]}`);
  if (cats.length > 0) q.set('wc', cats.join(','));
}

/** planner · `w=30,25,15,10,10,10&wc=drugs:2` (absent = DEFAULT_WEIGHTS) */
export const weights = {
  default: { ...DEFAULT_WEIGHTS, categories: {} },
  read: readWeights,
  write: writeWeights,
};

/** Three parameters, one per norm, each kept only when it is a value the server accepts. */
export const norms = {
  default: { ...NORM_DEFAULTS } as Norms,
  read(q: URLSearchParams): Norms {
    const out: Norms = { ...NORM_DEFAULTS };
    for (const k of NORM_KEYS) {
      const raw = q.get(k) ?? '';
      const n = Number(raw);
      if (NORM_VALUE.test(raw) && n >= NORM_RANGE[k].min && n <= NORM_RANGE[k].max) out[k] = n;
    }
    return out;
  },
  write(value: Norms, q: URLSearchParams): void {
    for (const k of NORM_KEYS) if (value[k] !== NORM_DEFAULTS[k]) q.set(k, String(value[k]));
  },
};

/** The pages whose map has a legend that the reader can fold away (web/views/common/MapLegend.tsx). */
export const LEGEND_PAGES = ['map', 'coverage', 'applications', 'cooperation', 'plans'] as const;
export type LegendPage = (typeof LEGEND_PAGES)[number];
/** The reader's choice per page: true = shown, false = folded; a page left out follows the map's width. */
export type LegendChoices = Partial<Record<LegendPage, boolean>>;

/** `lg=cooperation:0,plans:1`: one entry per page where the reader folded (0) or opened (1) the legend. */
export const legends = {
  default: {} as LegendChoices,
  read(q: URLSearchParams): LegendChoices {
    const out: LegendChoices = {};
    for (const pair of (q.get('lg') ?? '').split(',')) {
      const [page, open] = pair.split(':');
      const known = LEGEND_PAGES.find((p) => p === page);
      if (known && (open === '0' || open === '1')) out[known] = open === '1';
    }
    return out;
  },
  write(value: LegendChoices, q: URLSearchParams): void {
    const set = LEGEND_PAGES.flatMap((p) => (value[p] === undefined ? [] : [`${p}:${value[p] ? 1 : 0}`]));
    if (set.length > 0) q.set('lg', set.join(','));
  },
};
