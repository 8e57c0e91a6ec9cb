// File names of exports, on the server (CSV downloads) and in the browser (map images): what, where and when.

/**
 * A file name that says what and when: letters and digits of any script kept, everything else one hyphen.
 * @example exportFileName(['incidents', 'Yangiobod MFY'], { from: '2026-11-01', to: '2026-11-30' }, 'csv')
 * // 'hamkor-incidents-Yangiobod-MFY-2026-11-01_2026-11-30.csv'
 * @example exportFileName(['coverage', 'Chilonzor'], '2026-12-03', 'xlsx') // 'hamkor-coverage-Chilonzor-2026-12-03.xlsx'
 */
export function exportFileName(
  what: readonly string[],
  when: { from: string; to: string } | string,
  ext: string,
): string {
  const words = what.map((w) =>
    w
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  );
  // A table with no period of its own (accounts, an import report) is named by the day it was saved.
  const day = typeof when === 'string' ? when : `${when.from}_${when.to}`;
  return `${['hamkor', ...words.filter(Boolean)].join('-')}-${day}.${ext}`;
}
