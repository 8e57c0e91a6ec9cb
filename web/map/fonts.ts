// Label fonts served by the app itself (no remote glyph server): Noto Sans covers Latin, Uzbek ʻ and Cyrillic.
import type { FontFacesSpecification } from 'maplibre-gl';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import cyrillic600 from '@fontsource/noto-sans/files/noto-sans-cyrillic-600-normal.woff2?url';

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans SemiBold';

// Relative URLs resolve against the page, i.e. the app's own origin.
const abs = (u: string): string => (typeof window === 'undefined' ? u : new URL(u, window.location.href).href);

// Fontsource's subsets: which file holds which characters (the same split for every weight).
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F'];
const LATIN_EXT = ['U+0100-02AF', 'U+0304', 'U+0308', 'U+0329', 'U+1E00-1EFF', 'U+20A0-20CF'];
const CYRILLIC = ['U+0400-04FF', 'U+2116'];

/** One weight's faces: the browser fetches a subset only when a label needs one of its characters. */
const weight = (latin: string, latinExt: string, cyrillic: string) => [
  { url: abs(latin), 'unicode-range': LATIN },
  { url: abs(latinExt), 'unicode-range': LATIN_EXT },
  { url: abs(cyrillic), 'unicode-range': CYRILLIC },
];

export function fontFaces(): FontFacesSpecification {
  return {
    [FONT_REGULAR]: weight(latin400, latinExt400, cyrillic400),
    [FONT_BOLD]: weight(latin600, latinExt600, cyrillic600),
  };
}
