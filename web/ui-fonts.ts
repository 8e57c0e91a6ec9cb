// The UI's own faces (Noto Sans from @fontsource, imported by web/main.tsx), loaded before the app's first render. A
// browser fetches a face only once some text needs it, so left to itself it fetched them after the first render and
// laid the page out again when they came: the header wrapped anew, and the map, made in that first render
// (web/map/BaseMap.tsx), was resized, a frame and a refit each, up to three times on a busy machine (issue 15).

/** The weights the shell writes in. */
const FACES = ['400 16px "Noto Sans"', '600 16px "Noto Sans"'] as const;

/** Latin with Uzbek's ʻ, and Cyrillic: the subsets (unicode ranges) a first screen shows in any of the languages. */
const SAMPLE = 'Aaʻ Жж';

/**
 * Resolves when the UI's faces for Latin and Cyrillic text have loaded (or failed to: the page then shows the fallback
 * font, as it would have anyway).
 * @example await uiFontsLoaded(); // before the first render
 */
export async function uiFontsLoaded(): Promise<void> {
  await Promise.all(FACES.map((face) => document.fonts.load(face, SAMPLE).catch(() => [])));
}
