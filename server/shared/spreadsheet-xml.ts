// Text pieces of SpreadsheetML (ECMA-376) that both XLSX writers need: the server's (node:zlib, the annex) and the
// browser's (fflate, table downloads). Pure, so web/ can import it.

/** XML 1.0 allows no control characters but tab and line breaks: they are dropped, not escaped. */
// eslint-disable-next-line no-control-regex -- the very characters XML forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text safe inside XML: the five entities escaped, characters XML 1.0 forbids dropped.
 * @example xmlText('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export const xmlText = (s: string): string =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A1-style column letters of a 0-based column.
 * @example columnName(0) // 'A'; columnName(27) // 'AB'
 */
export function columnName(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\ (each becomes a space); '' when nothing is left.
 * @example cleanSheetName('Annex: 2026/1') // 'Annex  2026 1'
 */
export const cleanSheetName = (s: string): string =>
  s
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
