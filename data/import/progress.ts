// The import's progress on stderr: a bar redrawn in place (rows read, rows/s, % of the file's bytes) when stderr is
// a terminal, else one plain line every few seconds, so a log file gets a readable trace instead of carriage returns.

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Seconds between plain lines when stderr is not a terminal; redraws of the bar are at most this often in ms. */
const LINE_EVERY_S = 5;
const REDRAW_MS = 100;

/**
 * One progress line.
 * @example progressText(250_000, 2, 50, 100) // '250,000 rows read · 125,000 rows/s · 50% of the file'
 */
export function progressText(rows: number, seconds: number, bytes: number, totalBytes: number): string {
  const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
  const pct = totalBytes > 0 ? Math.min(100, Math.floor((100 * bytes) / totalBytes)) : 0;
  return `${rows.toLocaleString('en-US')} rows read · ${rate.toLocaleString('en-US')} rows/s · ${pct}% of the file`;
}

/**
 * A bar of `width` cells for a fraction 0..1.
 * @example bar(0.5, 10) // '[#####     ]'
 */
export function bar(fraction: number, width: number): string {
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(full)}${' '.repeat(width - full)}]`;
}

/** Reports progress to `sink` (process.stderr by default); `now` in ms (injectable for tests). */
export class Progress {
  private readonly t0: number;
  private last = -Infinity;

  constructor(
    private readonly totalBytes: number,
    private readonly sink: ProgressSink = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.t0 = now();
  }

  /** Called often (every chunk of rows); writes only when a redraw or a line is due. */
  update(rows: number, bytes: number): void {
    const t = this.now();
    if (t - this.last < (this.sink.isTTY ? REDRAW_MS : LINE_EVERY_S * 1000)) return;
    this.last = t;
    this.write(rows, bytes, t);
  }

  /** The final state (always written), ending the bar's line. */
  done(rows: number, bytes: number): void {
    this.write(rows, bytes, this.now());
    if (this.sink.isTTY) this.sink.write('\n');
  }

  private write(rows: number, bytes: number, t: number): void {
    const text = progressText(rows, (t - this.t0) / 1000, bytes, this.totalBytes);
    if (!this.sink.isTTY) {
      this.sink.write(text + '\n');
      return;
    }
    const width = Math.max(10, Math.min(40, (this.sink.columns ?? 80) - text.length - 4));
    this.sink.write(`\r${bar(this.totalBytes > 0 ? bytes / this.totalBytes : 0, width)} ${text}\x1b[K`);
  }
}
