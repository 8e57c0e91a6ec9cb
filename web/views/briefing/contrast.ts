// WCAG 2.x contrast of CSS colours: the wall screen's dark theme is checked with it (unit and browser tests).

export type Rgba = [number, number, number, number];

/**
 * Parses the colours browsers report from getComputedStyle: `rgb(r, g, b)`, `rgba(r, g, b, a)`, `rgb(r g b / a)`, `#rrggbb`.
 * @example parseColor('rgba(255, 0, 0, 0.5)') // [255, 0, 0, 0.5]
 */
export function parseColor(css: string): Rgba | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(css.trim());
  if (!m) return null;
  const alphaText = m[4];
  const alpha =
    alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` painted over an opaque `bottom` (alpha compositing); the result is opaque. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** WCAG relative luminance of an sRGB colour (0 = black, 1 = white). */
export function luminance([r, g, b]: Rgba | [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * WCAG contrast ratio, 1…21; AA asks ≥ 4.5 for body text and ≥ 3 for large text.
 * @example contrastRatio([255, 255, 255, 1], [0, 0, 0, 1]) // 21
 */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  const opaqueFg = fg[3] < 1 ? over(fg, bg) : fg;
  const [l1, l2] = [luminance(opaqueFg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}
