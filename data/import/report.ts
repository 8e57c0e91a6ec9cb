// What an import found, row by row: problems (file, row, column, value, reason), unmapped labels with their counts,
// the rejects CSV of --keep-good, and the JSON report written beside it.
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';

export interface RowProblem {
  file: string;
  /** Line of the file (the header is line 1). */
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** At most this many problems are kept for the report (all are counted; --keep-good's rejects CSV gets every row). */
export const PROBLEMS_KEPT = 10_000;

/** Quotes a CSV field when it needs it (RFC 4180). @example csvField('a,"b"') // '"a,""b"""' */
export const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Collects problems and unmapped values; with a rejects path, writes each rejected row there as it is found. */
export class ProblemLog {
  readonly kept: RowProblem[] = [];
  count = 0;
  rejectedRows = 0;
  /** Per column, per raw label that no code matched: how many rows carried it. */
  readonly unmapped = new Map<string, Map<string, number>>();
  private rejects: WriteStream | undefined;

  constructor(
    readonly file: string,
    private readonly rejectsPath?: string,
  ) {}

  /** Opens the rejects CSV with the file's own headers after row, column, value and reason. */
  start(headers: readonly string[]): void {
    if (!this.rejectsPath) return;
    this.rejects = createWriteStream(this.rejectsPath, { encoding: 'utf8' });
    this.rejects.write(['row', 'column', 'value', 'reason', ...headers].map(csvField).join(',') + '\n');
  }

  add(row: number, column: string, value: string, reason: string): RowProblem {
    const p = { file: this.file, row, column, value, reason };
    this.count++;
    if (this.kept.length < PROBLEMS_KEPT) this.kept.push(p);
    return p;
  }

  unmappedValue(column: string, value: string): void {
    const byValue = this.unmapped.get(column) ?? new Map<string, number>();
    byValue.set(value, (byValue.get(value) ?? 0) + 1);
    this.unmapped.set(column, byValue);
  }

  /** A row refused with its problems (one CSV line per problem, the row's fields repeated). */
  reject(problems: readonly RowProblem[], fields: readonly string[]): void {
    this.rejectedRows++;
    for (const p of problems)
      this.rejects?.write([String(p.row), p.column, p.value, p.reason, ...fields].map(csvField).join(',') + '\n');
  }

  async close(): Promise<void> {
    const r = this.rejects;
    this.rejects = undefined;
    if (r) await new Promise<void>((resolve, reject) => r.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  /** Unmapped labels per column, most frequent first. */
  unmappedList(): Record<string, Array<{ value: string; rows: number }>> {
    const out: Record<string, Array<{ value: string; rows: number }>> = {};
    for (const [col, byValue] of this.unmapped)
      out[col] = [...byValue].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows);
    return out;
  }
}

/** One problem as a line of text. @example problemLine(p) // 'x.csv: row 3, lat "91": is outside ±90 degrees' */
export const problemLine = (p: RowProblem): string => `${p.file}: row ${p.row}, ${p.column} "${p.value}": ${p.reason}`;

export function writeReport(path: string, report: object): void {
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}
