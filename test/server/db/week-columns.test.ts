// The in-memory weekly columns give each filter the counts a GROUP BY over the rows gives: random rows in any order
// (weeks with gaps, repeated codes, mahallas in any order), random masks and week ranges, both the summing and the
// totals-less path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FILTER_BITS,
  passTable,
  weekColumnsOf,
  weekCounts,
  weekCubeInto,
  weekNumber,
} from '../../../server/db/week-columns.ts';
import { countCube } from '../../../server/stats/space-time.ts';

/** "id:k:n" of every group with records, sorted (the order rows come in does not matter). */
function grouped(
  rows: Array<{ w: number; a: number; b: number; id: number; n: number }>,
  maskA: number,
  maskB: number,
  firstWeek: number,
  lastWeek: number,
): string[] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    if (r.w < firstWeek || r.w > lastWeek || !((maskA >> r.a) & 1) || !((maskB >> r.b) & 1)) continue;
    const key = `${r.id}:${r.w - firstWeek}`;
    sums.set(key, (sums.get(key) ?? 0) + r.n);
  }
  return [...sums]
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${key}:${n}`)
    .sort();
}

describe('weekCounts', () => {
  it('counts per mahalla and week what a GROUP BY of the passing rows counts', () => {
    const row = fc.record({
      w: fc.integer({ min: 2800, max: 2830 }),
      a: fc.integer({ min: 0, max: 11 }),
      b: fc.integer({ min: 0, max: 2 }),
      id: fc.integer({ min: 1, max: 40 }),
      n: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 400 }),
        fc.integer({ min: 0, max: 4095 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 2795, max: 2835 }),
        fc.integer({ min: 0, max: 40 }),
        (rows, maskA, maskB, firstWeek, span) => {
          // In the order they come (the load reads them unsorted): weekColumnsOf groups them itself.
          const cols = weekColumnsOf(
            Int32Array.from(rows, (r) => r.w),
            Int32Array.from(rows, (r) => r.a | (r.b << FILTER_BITS)),
            Int32Array.from(rows, (r) => r.id),
            Int32Array.from(rows, (r) => r.n),
          );
          // Every run holds rows of one week and code, runs in order of week, then code.
          for (let j = 0; j + 1 < cols.weekRuns.length; j++)
            for (let r = cols.weekRuns[j]!; r < cols.weekRuns[j + 1]!; r++) {
              if (r > cols.weekRuns[j]!) expect(cols.runCode[r]!).toBeGreaterThan(cols.runCode[r - 1]!);
              expect(cols.runStarts[r + 1]!).toBeGreaterThan(cols.runStarts[r]!);
            }
          const got = weekCounts(cols, passTable(maskA, maskB), firstWeek, firstWeek + span);
          const cells = Array.from(got.id, (id, j) => `${id}:${got.k[j]}:${got.n[j]}`).sort();
          expect(cells).toEqual(grouped(rows, maskA, maskB, firstWeek, firstWeek + span));
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it("fills the bin-major cube with weekCounts' rows as countCube lays them out, unknown mahallas at zero", () => {
    const row = fc.record({
      w: fc.integer({ min: 2800, max: 2812 }),
      code: fc.integer({ min: 0, max: 3 }),
      id: fc.integer({ min: 1, max: 12 }),
      n: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 200 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 2795, max: 2815 }),
        fc.integer({ min: 0, max: 16 }),
        fc.uniqueArray(fc.integer({ min: -1, max: 20 }), { minLength: 1, maxLength: 15 }),
        (rows, mask, firstWeek, nBins, unitIds) => {
          const cols = weekColumnsOf(
            Int32Array.from(rows, (r) => r.w),
            Int32Array.from(rows, (r) => r.code),
            Int32Array.from(rows, (r) => r.id),
            Int32Array.from(rows, (r) => r.n),
          );
          const pass = passTable(mask, 1);
          const got = weekCounts(cols, pass, firstWeek, firstWeek + nBins - 1);
          const cube = weekCubeInto(cols, pass, firstWeek, nBins, unitIds, new Float64Array(nBins * unitIds.length));
          expect(cube).toEqual(countCube(unitIds, got.id, got.k, got.n, nBins, true));
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it('groups rows given in any order into runs of one week and code', () => {
    const cols = weekColumnsOf(
      new Int32Array([7, 5, 5, 7]),
      new Int32Array([1, 3, 0, 1]),
      new Int32Array([4, 2, 9, 6]),
      new Int32Array([1, 2, 3, 4]),
    );
    expect([cols.first, ...cols.weekRuns]).toEqual([5, 0, 2, 2, 3]);
    expect([...cols.runCode]).toEqual([0, 3, 1]);
    expect([...cols.runStarts]).toEqual([0, 1, 2, 4]);
    expect([...cols.id]).toEqual([9, 2, 4, 6]);
    expect(() =>
      weekColumnsOf(new Int32Array([1]), new Int32Array([1 << 10]), new Int32Array(1), new Int32Array(1)),
    ).toThrow(RangeError);
  });

  it('numbers weeks from Sunday 1970-01-04', () => {
    expect([weekNumber('1970-01-04'), weekNumber('1970-01-10'), weekNumber('1970-01-11')]).toEqual([0, 0, 1]);
    expect(weekNumber('2023-11-05') * 7 + 3).toBe(Date.parse('2023-11-05T00:00:00Z') / 86_400_000);
  });
});
