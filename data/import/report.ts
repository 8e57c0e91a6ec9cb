// What an import found, row by row: problems (file, row, column, value, reason), unmapped labels with their counts,
// the rejects CSV of --keep-good, and the JSON report written beside it.
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import type { Coded, IssueCode, IssueParams } from '../../server/contract/issues.ts';

export interface RowProblem {
  file: string;
  /** Line of the file (the header is line 1). */
  row: number;
  column: string;
  value: string;
  reason: string;
  /** the reason's code and params (server/contract/issues.ts), for the import page to say it in the reader's language */
  code?: IssueCode;
  params?: IssueParams;
}

/** Why a value is refused: the English reason of the report and CLI, and its code where it has one. */
export interface Said {
  reason: string;
  issue?: Coded | undefined;
}

/**
 * A reason with its code.
 * @example said('is not a number', 'not_number') // { reason: 'is not a number', issue: { code: 'not_number' } }
 */
export const said = (reason: string, code: IssueCode, params?: IssueParams): Said => ({
  reason,
  issue: params ? { code, params } : { code },
});

/**
 * Thrown when a file cannot be read at all (no .prj, an unsupported coordinate system, an archive without its layer):
 * the English reason as the message (the CLI's), and the code the import page says it with.
 */
export class UnreadableFile extends Error {
  constructor(readonly why: Said) {
    super(why.reason);
  }
}

/** The placement problems of a record (place.ts, place-bulk.ts), one wording for both paths. */
export const NO_SUCH_MAHALLA = said('is not the code of any mahalla in the database', 'unknown_mahalla_code');
export const IN_NO_MAHALLA = said('lies in no mahalla of the database', 'outside_mahallas');
export const otherMahalla = (code: string, found: string): Said =>
  said(`says mahalla ${code}, but the point lies in mahalla ${found}`, 'mahalla_mismatch', { code, found });

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

  add(row: number, column: string, value: string, why: string | Said): RowProblem {
    const { reason, issue } = typeof why === 'string' ? { reason: why, issue: undefined } : why;
    const p: RowProblem = { file: this.file, row, column, value, reason, ...issue };
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
