// A table on screen read back as an ExportTable, so every table in the app downloads without a second copy of its
// columns: headers as shown (in the reader's language), cells as shown, with three hints the markup may give —
// `data-value` (the raw value behind a formatted cell), `data-code` (a code written beside a name: its own column),
// `data-export-skip` (a column, row or part of a cell that is only a control, e.g. a "Delete" button or a sort arrow).
import type { ExportCell, ExportTable } from './table.ts';

/**
 * A number as the screen writes it, back to a number: grouping spaces (thin, no-break) dropped, the decimal sign of
 * the language (comma in Uzbek and Russian, point in English), a typographic minus; null for anything else.
 * @example shownNumber('12\u00a0345,5', 'ru') // 12345.5
 */
export function shownNumber(text: string, locale: string): number | null {
  let s = text.replace(/[\s\u00a0\u2009\u202f]/g, '').replace(/\u2212/g, '-');
  s = locale === 'en' ? s.replace(/,/g, '') : s.replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** A raw `data-value`: a number when it is one, else the text. */
const rawValue = (v: string): ExportCell => (/^-?\d+(\.\d+)?$/.test(v) && !/^0\d/.test(v) ? Number(v) : v);

/** The text of a cell or header without its controls and decorations. */
function shownText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[data-export-skip], [aria-hidden="true"], .sr-only').forEach((e) => e.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

interface Read {
  value: ExportCell;
  code: string | null;
}

function readCell(td: Element, numeric: boolean, locale: string): Read {
  const raw = td.getAttribute('data-value');
  const text = shownText(td);
  const value =
    raw !== null ? rawValue(raw) : numeric || td.classList.contains('num') ? (shownNumber(text, locale) ?? text) : text;
  return { value: value === '' ? null : value, code: td.getAttribute('data-code') };
}

/** Cells of a row, a cell spanning n columns taking n places (its value in the first). */
function spread<T>(tr: Element, read: (cell: Element) => T, empty: T): T[] {
  const out: T[] = [];
  for (const cell of tr.children) {
    out.push(read(cell));
    for (let k = 1; k < Number(cell.getAttribute('colspan') ?? 1); k++) out.push(empty);
  }
  return out;
}

/**
 * The table as the reader sees it. `codeHeader` names the column a `data-code` adds after a column.
 * Columns that are only controls (a skipped or empty header over empty cells) are left out.
 */
export function tableFromElement(
  table: HTMLTableElement,
  locale: string,
  codeHeader: (column: string) => string,
): ExportTable {
  const headRow = [...table.querySelectorAll('thead tr')].at(-1) ?? table.querySelector('tr');
  const heads = headRow
    ? spread(
        headRow,
        (th) => ({ text: shownText(th), skip: th.hasAttribute('data-export-skip'), num: th.classList.contains('num') }),
        {
          text: '',
          skip: false,
          num: false,
        },
      )
    : [];
  const bodyRows = [...table.querySelectorAll('tbody tr, tfoot tr')].filter(
    (tr) => tr !== headRow && !tr.hasAttribute('data-export-skip') && tr.closest('table') === table,
  );
  // A column is numeric by its header's class or its cell's (a "—" placeholder in it stays text).
  const read = bodyRows.map((tr) =>
    spread<Element | null>(tr, (td) => td, null).map((td, k) =>
      td ? readCell(td, heads[k]?.num ?? false, locale) : null,
    ),
  );
  const width = Math.max(heads.length, ...read.map((r) => r.length));
  const columns: string[] = [];
  const pick: Array<{ k: number; code: boolean }> = [];
  for (let k = 0; k < width; k++) {
    const h = heads[k];
    const values = read.map((r) => r[k]);
    if (h?.skip || (!h?.text && values.every((c) => c === null || c?.value === null))) continue;
    columns.push(h?.text ?? '');
    pick.push({ k, code: false });
    if (values.some((c) => c?.code)) {
      columns.push(codeHeader(h?.text ?? ''));
      pick.push({ k, code: true });
    }
  }
  const rows = read.map((r) => pick.map(({ k, code }) => (code ? (r[k]?.code ?? null) : (r[k]?.value ?? null))));
  return { columns, rows };
}
