// How a territory's mahallas are laid out on A4 sheets: the first sheet carries the map and up to FIRST_ROWS rows of the
// table; a longer list continues on sheets of table only (CONTINUED_ROWS rows each), so no sheet ever spills onto a
// second printed page and the sheet numbers in the headers stay true.

/**
 * Rows that fit under the (smallest) map on a territory's first sheet: of the 273 mm inside the margins, ≈ 46 mm go to
 * the header, title, facts and footnote, 78 mm to the map and its caption, 11 mm to the table's head and totals, and a
 * row takes ≈ 5.2 mm (territory-print.css); a few mahalla names may wrap onto a second line.
 */
export const FIRST_ROWS = 24;
/** Rows that fit on a sheet of table only (≈ 40 mm of header and footnote). */
export const CONTINUED_ROWS = 38;

export interface Sheet<P, R> {
  post: P;
  /** the rows on this sheet */
  rows: ReadonlyArray<R>;
  /** the territory's whole list (the map and the totals are of the whole territory) */
  all: ReadonlyArray<R>;
  /** the number of the sheet's first row within the territory's list (0-based) */
  from: number;
  /** whether this sheet continues the previous one's table */
  continued: boolean;
  /** whether the territory's table ends on this sheet (its totals are printed here) */
  last: boolean;
}

/**
 * The sheets of each territory in order.
 * @example
 * sheetsOf([{ post: 1, list: Array(50).fill(0) }]).map((s) => [s.from, s.rows.length, s.continued, s.last]);
 * // [[0, 24, false, false], [24, 26, true, true]]
 */
export function sheetsOf<P, R>(territories: ReadonlyArray<{ post: P; list: ReadonlyArray<R> }>): Sheet<P, R>[] {
  const out: Sheet<P, R>[] = [];
  for (const { post, list } of territories) {
    let from = 0;
    do {
      const take = from === 0 ? FIRST_ROWS : CONTINUED_ROWS;
      const rows = list.slice(from, from + take);
      out.push({ post, rows, all: list, from, continued: from > 0, last: from + take >= list.length });
      from += take;
    } while (from < list.length);
  }
  return out;
}
