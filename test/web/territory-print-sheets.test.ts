import { describe, expect, it } from 'vitest';
import { CONTINUED_ROWS, FIRST_ROWS, sheetsOf } from '../../web/views/territory-print/sheets.ts';

const list = (n: number): number[] => Array.from({ length: n }, (_, k) => k);
const shape = (s: ReturnType<typeof sheetsOf<string, number>>) =>
  s.map((x) => [x.post, x.from, x.rows.length, x.continued, x.last]);

describe('annex sheets', () => {
  it('puts a territory that fits on one sheet, even an empty one (a vacant post without mahallas)', () => {
    expect(
      shape(
        sheetsOf([
          { post: 'a', list: list(3) },
          { post: 'b', list: [] },
          { post: 'c', list: list(FIRST_ROWS) },
        ]),
      ),
    ).toEqual([
      ['a', 0, 3, false, true],
      ['b', 0, 0, false, true],
      ['c', 0, 24, false, true],
    ]);
  });

  it('continues a long list on sheets of table only, every row exactly once and in order', () => {
    const n = FIRST_ROWS + CONTINUED_ROWS + 1;
    const s = sheetsOf([{ post: 'u', list: list(n) }]);
    expect(shape(s)).toEqual([
      ['u', 0, 24, false, false],
      ['u', 24, 38, true, false],
      ['u', 62, 1, true, true],
    ]);
    expect(s.flatMap((x) => x.rows)).toEqual(list(n));
    expect(s.every((x) => x.all.length === n)).toBe(true);
  });
});
