// An annex sheet's heading in Russian and Cyrillic Uzbek: the holder by rank and name in the script of the language,
// an inspector the reader may not see by number, a vacant post with or without its own label, the unassigned.
import { describe, expect, it } from 'vitest';
import { postHeading } from '../../web/views/territory-print/post-heading.ts';
import { translator } from '../../web/i18n/translate.ts';
import { displayName } from '../../server/shared/uz-names.ts';
import type { PostTitle } from '../../server/shared/post-title.ts';

const cyrillic = (name: string): string => displayName(name, 'uz-Cyrl');
const post = (n: number, title: PostTitle, vacant: boolean, rank: string | null = null) => ({
  post: n,
  title,
  rank,
  vacant,
});

const HELD = post(1, { kind: 'name', name: 'Aziz Karimov' }, false, 'Captain');
const NUMBERED = post(2, { kind: 'inspector', n: 12 }, false);
const VACANT = post(3, { kind: 'vacant', n: 3 }, true);
const LABELLED = post(9, { kind: 'name', name: 'Bog‘bon' }, true);

describe('postHeading', () => {
  it('words every kind of post in Russian, names in Cyrillic', () => {
    const t = translator('ru');
    expect([HELD, NUMBERED, VACANT, LABELLED, null].map((p) => postHeading(p, t, cyrillic))).toEqual([
      'Пост 1: Капитан Азиз Каримов',
      'Пост 2: Инспектор № 12',
      'Пост 3: вакантная должность',
      'Пост 9: вакантная должность (Боғбон)',
      'Махалли без инспектора',
    ]);
  });

  it('words every kind of post in Cyrillic Uzbek, with nothing left in Latin letters', () => {
    const t = translator('uz-Cyrl');
    const said = [HELD, NUMBERED, VACANT, LABELLED, null].map((p) => postHeading(p, t, cyrillic));
    expect(said.slice(1, 4)).toEqual(['2-пост: Инспектор #12', '3-пост: бўш лавозим', '9-пост: бўш лавозим (Боғбон)']);
    expect(said.filter((s) => /[A-Za-z]/.test(s))).toEqual([]);
  });
});
