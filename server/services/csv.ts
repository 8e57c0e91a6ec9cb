// CSV text for the exports (records, audit log): RFC 4180 quoting, one header row.

const cell = (v: string | number | null): string =>
  v === null ? '' : typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/**
 * A CSV document from a header and rows, each line ended by a newline.
 * @example csv(['id', 'name'], [[1, 'a,b']]) // 'id,name\n1,"a,b"\n'
 */
export function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
