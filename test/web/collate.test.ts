// Names sorted for display in the alphabet of the language shown (web/i18n/collate.ts), and the rule that keeps every
// list of names on it: no name sorted by the stored Latin spelling or by the browser's default locale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNames, sortByName } from '../../web/i18n/collate.ts';
import { nameIn, officialNamesOf } from '../../web/i18n/place-names.ts';

// Tashkent's districts as /api/meta lists them: by their stored Latin name.
const official = officialNamesOf([
  { name: 'Chilonzor tumani', nameUzCyrl: 'Чилонзор тумани', nameRu: 'Чиланзарский район' },
  { name: 'Olmazor tumani', nameUzCyrl: 'Олмазор тумани', nameRu: 'Алмазарский район' },
  { name: 'Shayxontohur tumani', nameUzCyrl: 'Шайхонтоҳур тумани', nameRu: 'Шайхантахурский район' },
  { name: 'Sergeli tumani', nameUzCyrl: 'Сирғали тумани', nameRu: 'Сергелийский район' },
  { name: 'Yunusobod tumani', nameUzCyrl: 'Юнусобод тумани', nameRu: 'Юнусабадский район' },
]);
const districts = [
  'Chilonzor tumani',
  'Olmazor tumani',
  'Sergeli tumani',
  'Shayxontohur tumani',
  'Yunusobod tumani',
].map((name, k) => ({ soato: String(k), name }));

describe('sortByName', () => {
  it.each([
    [
      'ru',
      ['Алмазарский район', 'Сергелийский район', 'Чиланзарский район', 'Шайхантахурский район', 'Юнусабадский район'],
    ],
    ['uz-Cyrl', ['Олмазор тумани', 'Сирғали тумани', 'Чилонзор тумани', 'Шайхонтоҳур тумани', 'Юнусобод тумани']],
  ] as const)('orders %s district names by their own alphabet, not by their Latin names', (locale, expected) => {
    const shown = (d: { name: string }) => nameIn(locale, official, d.name);
    expect(sortByName(locale, districts, shown).map(shown)).toEqual(expected);
  });

  it('keeps the items and leaves the input as it was; numbers inside names by value', () => {
    const input = [{ n: 'Mahalla 10' }, { n: 'Mahalla 9' }, { n: 'mahalla 2' }];
    expect(sortByName('en', input, (x) => x.n).map((x) => x.n)).toEqual(['mahalla 2', 'Mahalla 9', 'Mahalla 10']);
    expect(input.map((x) => x.n)).toEqual(['Mahalla 10', 'Mahalla 9', 'mahalla 2']);
    expect(compareNames('ru')('Ёлка', 'Жук')).toBeLessThan(0);
  });
});

/** Every .ts/.tsx file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('every list of names sorts through collate.ts', () => {
  const files = sources('web').filter((f) => !f.endsWith(join('i18n', 'collate.ts')));

  it('no view compares names with localeCompare (the browser’s locale, not the screen’s)', () => {
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('.localeCompare('))).toEqual([]);
  });

  it('every district <select> lists its options through useByName', () => {
    const selects = files.filter((f) => /<option key=\{d\.soato\}/.test(readFileSync(f, 'utf8')));
    expect(selects.length).toBeGreaterThanOrEqual(4);
    expect(selects.filter((f) => !/byName\(/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
