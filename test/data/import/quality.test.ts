// Golden cases for the geocoding quality checks: per-row flags and runs of equal keys fed in chunks.
import { describe, expect, it } from 'vitest';
import {
  BEFORE_START,
  dayNumber,
  flagRows,
  FUTURE,
  ON_CENTROID,
  OUTSIDE,
  RunFinder,
} from '../../../data/import/quality.ts';
import { qualityLines, type QualityReport } from '../../../data/import/quality-report.ts';

describe('flagRows', () => {
  const ctx = {
    cLon: Float64Array.of(69.205, 69.215),
    cLat: Float64Array.of(41.305, 41.305),
    startDay: dayNumber('2024-01-01'),
    today: dayNumber('2024-06-30'),
  };
  it('flags outside, on a centroid, future and before the start, and nothing for records without a point', () => {
    const day = (d: string): number => dayNumber(d);
    const flags = flagRows(
      {
        lon: Float64Array.of(69.205, 69.21, 70, NaN, 69.215, 69.2150000001),
        lat: Float64Array.of(41.305, 41.305, 41, NaN, 41.305, 41.305),
        mahalla: Int32Array.of(0, 0, -1, -1, 1, 1),
        day: Int32Array.of(
          day('2024-03-01'),
          day('2024-07-01'),
          day('2023-12-31'),
          day('2024-06-30'),
          day('2024-01-01'),
          day('2024-02-01'),
        ),
      },
      ctx,
    );
    expect([...flags]).toEqual([ON_CENTROID, FUTURE, OUTSIDE | BEFORE_START, 0, ON_CENTROID, ON_CENTROID]);
  });

  it('counts days from 1970-01-01 in the calendar, leap days included', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01 00:00:00') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1);
  });
});

describe('RunFinder', () => {
  /** Keys (x, y) sorted, with ids; runs: (1,1)×3, (2,5)×1, (3,0)×4, (4,4)×2. */
  const xs = [1, 1, 1, 2, 3, 3, 3, 3, 4, 4];
  const ys = [1, 1, 1, 5, 0, 0, 0, 0, 4, 4];
  const ids = xs.map((_, i) => `r${i}`);
  const expected = {
    runs: 3,
    rows: 9,
    longest: [
      { key: [3, 0], rows: 4, ids: ['r4', 'r5'] },
      { key: [1, 1], rows: 3, ids: ['r0', 'r1'] },
    ],
  };

  it('finds the runs of at least min rows, longest first, whatever the chunks', () => {
    for (const cuts of [[], [1], [2, 5], [4, 8, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
      const f = new RunFinder(2, 2, 2);
      const bounds = [0, ...cuts, xs.length];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const [a, b] = [bounds[k]!, bounds[k + 1]!];
        f.feed([Float64Array.from(xs.slice(a, b)), Float64Array.from(ys.slice(a, b))], ids.slice(a, b));
      }
      expect(f.end(), `cut at ${cuts.join(',')}`).toEqual(expected);
    }
  });

  it('tells runs apart by every key column, and a single row is no run', () => {
    const f = new RunFinder(2, 10, 5);
    f.feed([Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 2)], ['a', 'b', 'c']);
    expect(f.end()).toEqual({ runs: 1, rows: 2, longest: [{ key: [1, 2], rows: 2, ids: ['b', 'c'] }] });
    expect(new RunFinder(2, 10).end()).toEqual({ runs: 0, rows: 0, longest: [] });
  });
});

describe('qualityLines', () => {
  const none = { records: 0, examples: [] };
  it('says only what was found, singular for one', () => {
    const q: QualityReport = {
      outside: { records: 1, examples: [] },
      stacked: { min: 10, stacks: 2, records: 25, points: [{ lon: 69.2, lat: 41.3, records: 14 }] },
      onCentroid: none,
      future: { ...none, after: '2024-06-30' },
      beforeStart: { records: 3, examples: [], before: '2024-01-01' },
      duplicates: { groups: 1, records: 2, examples: [{ ids: ['A', 'B'], records: 2, time: '', lon: 1, lat: 2 }] },
      withoutPoint: 0,
    };
    expect(qualityLines(q)).toEqual([
      '1 record outside every mahalla',
      '14 records on one coordinate 69.2, 41.3 (a default point of a station?)',
      '… 2 coordinates in all carry 10 or more records',
      '3 records dated before the data start 2024-01-01',
      '2 records in 1 groups share time, place and category under different ids (likely duplicates), e.g. A, B',
    ]);
  });
});
