// Colour scales for the map: colour-blind-safe sequential and diverging ramps, quantile breaks, legend stops.
import { activeLocale, activeT, type Translate } from '../i18n/translate.ts';
import type { Locale } from '../i18n/locales.ts';
import { fmtDecimal } from '../format.ts';

export type Rgb = [number, number, number];

/** Sequential, light → dark (ColorBrewer YlOrRd, 6 classes): safe for the common colour-vision deficiencies. */
export const SEQUENTIAL: readonly Rgb[] = [
  [255, 255, 204],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** Diverging for change vs the previous period (ColorBrewer PuOr reversed: purple = down, orange = up). */
export const DIVERGING: readonly Rgb[] = [
  [84, 39, 136],
  [153, 142, 195],
  [216, 218, 235],
  [247, 247, 247],
  [254, 224, 182],
  [241, 163, 64],
  [179, 88, 6],
];

export const NO_DATA: Rgb = [205, 209, 214];

/** Gi* bins −3…+3: blue cold, red hot (ColorBrewer RdBu, colour-blind safe), near-white for not significant. */
export const HOTSPOT_COLORS: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

export interface ColorScale {
  /** upper bounds of each class except the last (length = colors.length − 1), already rounded to `decimals` */
  breaks: number[];
  colors: readonly Rgb[];
  /** decimals the breaks are printed with: the fewest at which neighbouring breaks read differently */
  decimals?: number;
  /** the smallest and largest value classed (absent: none, or a scale not built from values) */
  extent?: [number, number];
  /** every value is a whole number (counts): a class names the whole numbers it holds, "2 – 3" rather than "1 – 3" */
  integers?: boolean;
  colorOf(value: number): Rgb;
}

/**
 * Decimals printed at most for values of 1 and more: past 3 (a thousandth of a rate per 1,000) differences mean
 * nothing to a reader. Smaller values get one more per decade below 1 (0.086 → 5), so a cap never cuts more
 * significant digits than it does at 2.9; never more than 6.
 */
export const MAX_DECIMALS = 3;

/** The cap of `separatingDecimals` for values whose largest magnitude is `top`. @example decimalCap(0.086) // 5 */
export function decimalCap(top: number): number {
  const below1 = top > 0 && top < 1 ? -Math.floor(Math.log10(top)) : 0;
  return Math.min(6, MAX_DECIMALS + below1);
}

/** `v` as printed with `d` decimals, back as a number (so −0.00 and 0.00 are one value). */
const printed = (v: number, d: number): number => Number(v.toFixed(d));

/**
 * The fewest decimals, from `min` up to `max`, at which every two neighbouring distinct values (in sorted order) print
 * differently; `max` when even that leaves some alike. Legends print their breaks with it and ranked lists their rows,
 * so no two classes read "2.8 – 2.8" and a list does not show 2.9 twenty times for twenty different values.
 * @example separatingDecimals([2.81, 2.84, 2.9]) // 2
 * @example separatingDecimals([3, 10, 25]) // 0
 * @example separatingDecimals([2.9132, 2.9134], 1) // 3 (the cap: they still print alike)
 * @example separatingDecimals([0.08623, 0.08571]) // 4 (smaller values, a later cap: see decimalCap)
 */
export function separatingDecimals(values: Iterable<number>, min = 0, max?: number): number {
  const sorted = [...new Set([...values].filter(Number.isFinite))].sort((a, b) => a - b);
  max ??= decimalCap(sorted.reduce((top, v) => Math.max(top, Math.abs(v)), 0));
  for (let d = min; d < max; d++) {
    let apart = true;
    for (let i = 1; i < sorted.length && apart; i++) apart = printed(sorted[i - 1]!, d) !== printed(sorted[i]!, d);
    if (apart) return d;
  }
  return Math.max(min, max);
}

/** `n` colours spread evenly over a ramp, both ends kept (the lightest alone for one class). */
function spread(colors: readonly Rgb[], n: number): readonly Rgb[] {
  if (n >= colors.length) return colors;
  if (n <= 1) return colors.slice(0, 1);
  return Array.from({ length: n }, (_, k) => colors[Math.round((k * (colors.length - 1)) / (n - 1))]!);
}

/**
 * Quantile classes over the values (ties kept together), so each colour covers about as many mahallas. The breaks are
 * rounded to the decimals the legend prints (at least `minDecimals`), and a break is dropped where its class would be
 * empty (ties, or rounding), so every class printed holds a value and reads differently from its neighbours; fewer
 * classes then take colours spread over the whole ramp.
 * @example quantileScale([1,2,3,4,5,6], SEQUENTIAL).colorOf(6) // the darkest colour
 * @example quantileScale([0, 0, 0, 0, 1, 5]).breaks // [0, 1]: three classes, not "0 – 0"
 */
export function quantileScale(
  values: readonly number[],
  colors: readonly Rgb[] = SEQUENTIAL,
  minDecimals = 0,
): ColorScale {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  const raw: number[] = [];
  for (let k = 1; k < colors.length; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / colors.length))];
    if (v !== undefined) raw.push(v);
  }
  const decimals = separatingDecimals(raw, minDecimals);
  // Keep a break only when a value lies in (previous break, break] and another above it.
  const breaks: number[] = [];
  let i = 0;
  for (const b of raw.map((v) => printed(v, decimals)).sort((a, b) => a - b)) {
    let j = i;
    while (j < sorted.length && sorted[j]! <= b) j++;
    if (j > i && j < sorted.length) {
      breaks.push(b);
      i = j;
    }
  }
  const used = spread(colors, breaks.length + 1);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return {
    breaks,
    colors: used,
    decimals,
    extent: lo === undefined || hi === undefined ? undefined : [lo, hi],
    integers: sorted.every(Number.isInteger),
    colorOf: (value) => classify(value, breaks, used),
  };
}

/** Symmetric classes around zero for signed changes (e.g. −60 %…+60 %), breaks rounded as the legend prints them. */
export function divergingScale(maxAbs: number, colors: readonly Rgb[] = DIVERGING): ColorScale {
  const half = (colors.length - 1) / 2;
  const step = Math.max(maxAbs, 1e-9) / (half + 0.5);
  const raw = Array.from({ length: colors.length - 1 }, (_, k) => (k - half + 0.5) * step);
  const decimals = separatingDecimals(raw);
  const breaks = raw.map((b) => printed(b, decimals));
  return { breaks, colors, decimals, colorOf: (value) => classify(value, breaks, colors) };
}

function classify(value: number, breaks: readonly number[], colors: readonly Rgb[]): Rgb {
  if (!Number.isFinite(value)) return NO_DATA;
  let k = 0;
  while (k < breaks.length && value > (breaks[k] ?? 0)) k++;
  return colors[k] ?? NO_DATA;
}

/**
 * The legend's text for each class of a numeric scale — "≤ a", "a – b", "> b" — with the scale's decimals, which
 * make neighbouring breaks read differently. Counts name the whole numbers each class holds ("0", "1", "2 – 5",
 * "6 – 40"). In the change map (unit %) a "+" marks rises, and the middle class, which holds the mahallas without a
 * significant change, says so.
 * @example classLabels(divergingScale(60), '%') // ['≤ -43', '-43 – -26', '-26 – -9', '-9 – +9, or no significant change', …]
 * @example classLabels(quantileScale([0, 0, 0, 0, 0, 0, 0, 1, 1, 5]), '') // ['0', '1', '2 – 5']
 */
export function classLabels(
  scale: Omit<ColorScale, 'colorOf'>,
  unit: string,
  t: Translate = activeT(),
  locale: Locale = activeLocale(),
): string[] {
  const d = scale.decimals ?? separatingDecimals(scale.breaks);
  const fmt = (v: number): string => (unit === '%' && v > 0 ? '+' : '') + fmtDecimal(v, d, locale);
  const whole = scale.integers === true && unit !== '%';
  const span = (a: number, b: number): string => (a === b ? fmt(a) : `${fmt(a)} – ${fmt(b)}`);
  return scale.colors.map((_, k) => {
    const lo = k === 0 ? undefined : scale.breaks[k - 1];
    const hi = scale.breaks[k];
    const [min, max] = scale.extent ?? [undefined, undefined];
    if (lo === undefined && hi === undefined)
      return min === undefined || max === undefined ? t('legend.noValues') : span(min, max);
    if (whole) return span(lo === undefined ? (min ?? hi!) : lo + 1, hi ?? max ?? lo! + 1);
    if (lo === undefined) return `≤ ${fmt(hi ?? 0)}`;
    if (hi === undefined) return `> ${fmt(lo)}`;
    const range = `${fmt(lo)} – ${fmt(hi)}`;
    return unit === '%' && lo < 0 && hi > 0 ? t('legend.orNoChange', { range }) : range;
  });
}

/** "rgb(…)" for CSS swatches. */
export const css = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;

/**
 * Emerging hot spot classes by code (see server/stats/emerging.ts): none, 8 hot (new … historical), 8 cold.
 * Hot in reds/oranges, cold in blues; the strongest signals (intensifying, persistent) darkest.
 */
export const EMERGING_COLORS: readonly Rgb[] = [
  [247, 247, 247],
  [254, 196, 79],
  [253, 141, 60],
  [165, 15, 21],
  [222, 45, 38],
  [252, 146, 114],
  [251, 106, 74],
  [241, 105, 19],
  [200, 160, 150],
  [158, 202, 225],
  [107, 174, 214],
  [8, 48, 107],
  [33, 113, 181],
  [198, 219, 239],
  [66, 146, 198],
  [116, 169, 207],
  [160, 170, 190],
];
