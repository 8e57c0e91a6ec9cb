// The import's progress on stderr: a bar redrawn in place on a terminal, plain lines every few seconds otherwise.
import { describe, expect, it } from 'vitest';
import { bar, Progress, progressText } from '../../../data/import/progress.ts';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { isTTY, columns: 100, out, write: (t: string) => out.push(t) };
}

describe('progress', () => {
  it('says rows read, rows per second and the share of the file', () => {
    expect(progressText(250_000, 2, 50, 100)).toBe('250,000 rows read · 125,000 rows/s · 50% of the file');
    expect(bar(0.5, 10)).toBe('[#####     ]');
    expect(bar(2, 4)).toBe('[####]');
  });

  it('without a terminal writes a line at the start, then one every five seconds, and the last', () => {
    let t = 0;
    const s = sink(false);
    const p = new Progress(1000, s, () => t);
    p.update(10, 100);
    t = 4000;
    p.update(20, 200);
    t = 5000;
    p.update(30, 300);
    t = 6000;
    p.done(40, 1000);
    expect(s.out).toEqual([
      '10 rows read · 0 rows/s · 10% of the file\n',
      '30 rows read · 6 rows/s · 30% of the file\n',
      '40 rows read · 7 rows/s · 100% of the file\n',
    ]);
  });

  it('on a terminal redraws one line with a bar and ends it when done', () => {
    let t = 0;
    const s = sink(true);
    const p = new Progress(100, s, () => t);
    p.update(1, 50);
    t = 50;
    p.update(2, 60);
    t = 1000;
    p.done(3, 100);
    expect(s.out).toHaveLength(3);
    expect(s.out[0]).toBe(`\r[${'#'.repeat(20)}${' '.repeat(20)}] 1 rows read · 0 rows/s · 50% of the file\u001b[K`);
    expect(s.out[1]).toMatch(/^\r\[#+\] 3 rows read · 3 rows\/s · 100% of the file/);
    expect(s.out[2]).toBe('\n');
  });
});
