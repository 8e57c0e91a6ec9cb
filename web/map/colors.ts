// Colour scales for the map: colour-blind-safe sequential and diverging ramps, quantile breaks, legend stops.

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
  /** upper bounds of each class except the last (length = colors.length − 1) */
  breaks: number[];
  colors: readonly Rgb[];
  colorOf(value: number): Rgb;
}

/**
 * Quantile classes over the values (ties kept together), so each colour covers about as many mahallas.
 * @example quantileScale([1,2,3,4,5,6], SEQUENTIAL).colorOf(6) // the darkest colour
 */
export function quantileScale(values: readonly number[], colors: readonly Rgb[] = SEQUENTIAL): ColorScale {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let k = 1; k < colors.length; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / colors.length))] ?? 0;
    breaks.push(v);
  }
  return { breaks, colors, colorOf: (value) => classify(value, breaks, colors) };
}

/** Symmetric classes around zero for signed changes (e.g. −60 %…+60 %). */
export function divergingScale(maxAbs: number, colors: readonly Rgb[] = DIVERGING): ColorScale {
  const half = (colors.length - 1) / 2;
  const step = Math.max(maxAbs, 1e-9) / (half + 0.5);
  const breaks = Array.from({ length: colors.length - 1 }, (_, k) => (k - half + 0.5) * step);
  return { breaks, colors, colorOf: (value) => classify(value, breaks, colors) };
}

function classify(value: number, breaks: readonly number[], colors: readonly Rgb[]): Rgb {
  if (!Number.isFinite(value)) return NO_DATA;
  let k = 0;
  while (k < breaks.length && value > (breaks[k] ?? 0)) k++;
  return colors[k] ?? NO_DATA;
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
