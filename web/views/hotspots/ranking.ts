// The drill-down lists: districts ranked by their rate, or one district's mahallas ranked by what the map shows, and
// whether the list starts open.
// Pure, so the list always agrees with the map colours and the legend.
import type { MetricColumns, MetricView } from '../../map/metric-values.ts';
import { separatingDecimals, type Rgb } from '../../map/colors.ts';
import { activeLocale, activeT, type Translate } from '../../i18n/translate.ts';
import { fmtDecimal, fmtInt } from '../../format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { compareShown } from '../../i18n/collate.ts';

/** The percent sign after a number, as fmtPct writes it in each language. */
const PERCENT: Record<Locale, string> = { en: ' %', ru: '\u00a0%', 'uz-Latn': '%', 'uz-Cyrl': '%' };

export interface RankRow {
  id: string;
  name: string;
  count: number;
  /** what the row is ranked by, as the legend would say it */
  label: string;
  /** the map colour of the row (null = not rated, drawn hatched) */
  color: Rgb | null;
}

const rate = (n: number, pop: number): number => (pop > 0 ? (n / pop) * 1000 : 0);

/**
 * Districts by incidents per 1,000 residents (highest first), summed from the mahallas, printed with one decimal or as
 * many more as it takes for neighbouring rows to read differently.
 * @example districtRows(m, new Map([[1, 'a']]), [{ soato: 'a', name: 'A' }])[0].label // '3.0' (the list's title says per 1,000)
 */
export function districtRows(
  m: MetricColumns,
  districtOf: ReadonlyMap<number, string>,
  districts: ReadonlyArray<{ soato: string; name: string }>,
): RankRow[] {
  const sums = new Map<string, { n: number; pop: number }>();
  m.ids.forEach((id, i) => {
    const d = districtOf.get(id);
    if (d === undefined) return;
    const s = sums.get(d) ?? { n: 0, pop: 0 };
    s.n += m.count[i] ?? 0;
    s.pop += m.population[i] ?? 0;
    sums.set(d, s);
  });
  const rows = districts
    .filter((d) => sums.has(d.soato))
    .map((d) => {
      const s = sums.get(d.soato) ?? { n: 0, pop: 0 };
      return { id: d.soato, name: d.name, count: s.n, value: rate(s.n, s.pop), color: null };
    })
    .sort((a, b) => b.value - a.value || compareShown(a.name, b.name));
  const decimals = separatingDecimals(
    rows.map((r) => r.value),
    1,
  );
  return rows.map(({ value, ...r }) => ({ ...r, label: fmtDecimal(value, decimals, activeLocale()) }));
}

/**
 * The mahallas of one district, ranked by the map's value (hot spots and highest rates first; not rated last),
 * each labelled with its legend class or value; numbers with the legend's decimals, or more where two neighbouring
 * rows would otherwise read alike (EB rates pulled together: 2.913, 2.909, … rather than 2.9 twenty times).
 */
export function mahallaRows(
  view: MetricView,
  m: MetricColumns,
  names: ReadonlyMap<number, { name: string; district: string }>,
  district: string,
  t: Translate = activeT(),
): RankRow[] {
  const countOf = new Map<number, number>();
  m.ids.forEach((id, i) => countOf.set(id, m.count[i] ?? 0));
  const rows: Array<RankRow & { value: number }> = [];
  for (const [id, p] of names) {
    if (p.district !== district) continue;
    const value = view.valueById.get(id) ?? Number.NaN;
    const rated = Number.isFinite(value);
    rows.push({
      id: String(id),
      name: p.name,
      count: countOf.get(id) ?? 0,
      value,
      label: '',
      color: rated ? view.scale.colorOf(value) : null,
    });
  }
  const decimals = listDecimals(
    view,
    rows.map((r) => r.value),
  );
  const key = (v: number): number => (Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY);
  return rows
    .sort((a, b) => key(b.value) - key(a.value) || b.count - a.count || compareShown(a.name, b.name))
    .map(({ value, ...r }) => ({
      ...r,
      label: Number.isFinite(value) ? valueLabel(view, value, decimals, t) : t('rank.tooFew'),
    }));
}

/** The decimals of a ranked list: the legend's at least (one for a rate), more until neighbouring values differ. */
function listDecimals(view: MetricView, values: readonly number[]): number {
  const least = view.scale.decimals ?? (view.unit === '‰' ? 1 : 0);
  return separatingDecimals(view.unit === '%' ? values.filter((v) => v !== 0) : values, least);
}

/**
 * A value as the legend names it: its class when the view has named classes, else the number (with `decimals`, by
 * default the legend's) and unit.
 */
export function valueLabel(
  view: MetricView,
  value: number,
  decimals = view.scale.decimals,
  t: Translate = activeT(),
): string {
  const locale = activeLocale();
  if (view.classes) {
    const k = view.scale.colors.indexOf(view.scale.colorOf(value));
    return view.classes[k] ?? String(value);
  }
  if (view.unit === '%')
    return value === 0
      ? t('rank.noChange')
      : `${value > 0 ? '+' : ''}${fmtDecimal(value, decimals ?? 0, locale)}${PERCENT[locale]}`;
  // The list's title names the unit ("… per 1,000 residents"), so a rate is just its number.
  if (view.unit === '‰') return fmtDecimal(value, decimals ?? 1, locale);
  return decimals ? fmtDecimal(value, decimals, locale) : fmtInt(value, locale);
}

/**
 * How much wider than tall (on the map) the whole area may be for the list to start open beside it: Tashkent is 1.13,
 * the country 1.53.
 */
const OPEN_BESIDE_ASPECT = 1.3;

/**
 * Whether the ranked list starts open for a window `width` px wide and the whole area `bbox` [west, south, east, north]:
 * on a laptop screen it would cover part of the city at first sight, so there it starts as a button, and so it does
 * for an area much wider than tall, which the map frames from edge to edge (the country at 1920 px had its east, the
 * Fergana valley, under the list). The page holds the state, so it survives the card opening and closing.
 * @example drillOpenAtFirst(1920, [69.12, 41.16, 69.48, 41.4]) // true (Tashkent: 1.13 times wider than tall on the map)
 * drillOpenAtFirst(1920, [56.08, 37.2, 73.1, 45.52]) // false (Uzbekistan: 1.5 times wider than tall)
 */
export function drillOpenAtFirst(width: number, bbox: readonly [number, number, number, number]): boolean {
  // Web Mercator's y in degrees, so a degree of latitude counts as the map draws it.
  const y = (lat: number): number => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
  const aspect = (bbox[2] - bbox[0]) / Math.max(1e-9, y(bbox[3]) - y(bbox[1]));
  return width >= 1600 && aspect <= OPEN_BESIDE_ASPECT;
}
