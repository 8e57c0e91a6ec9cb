// File names of exports, on the server (CSV downloads) and in the browser (map images): what, where and when.

/**
 * A file name that says what and when: letters and digits of any script kept, everything else one hyphen.
 * @example exportFileName(['incidents', 'Yangiobod MFY'], { from: '2026-11-01', to: '2026-11-30' }, 'csv')
 * // 'hamkor-incidents-Yangiobod-MFY-2026-11-01_2026-11-30.csv'
 */
export function exportFileName(what: readonly string[], period: { from: string; to: string }, ext: string): string {
  const words = what.map((w) =>
    w
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  );
  return `${['hamkor', ...words.filter(Boolean)].join('-')}-${period.from}_${period.to}.${ext}`;
}
