// The comparison page's pure helpers on a hand-made diff: one row per post with before → after and the change, moved
// mahallas named from → to and coloured by the post they go to, signed changes as written, the default pair.
import { describe, expect, it } from 'vitest';
import { PROBLEM, TERRITORY_COLORS } from '../../web/views/coverage/layers.ts';
import {
  changedRow,
  moveRows,
  gainerColors,
  postRows,
  signed,
  type DiffInput,
  type SideFigures,
} from '../../web/views/territory-diff/diff-summary.ts';
import { translator } from '../../web/i18n/translate.ts';
import { displayName } from '../../server/shared/uz-names.ts';
import { defaultPair, versionLabel } from '../../web/views/territory-diff/versions.ts';

const fig = (mahallas: number, residents: number, index: number): SideFigures => ({
  mahallas,
  residents,
  incidents: 0,
  applications: 0,
  index,
  deviation: index - 1,
});

// Post 1 gives mahalla 10 to post 2 and 11 to the new vacant post 9; post 5 is removed and its mahalla 12 is left
// without an inspector; post 3 keeps its territory.
const diff: DiffInput = {
  moves: [
    { mahalla: 12, from: 5, to: null, code: '0103', name: 'Chilonzor' },
    { mahalla: 10, from: 1, to: 2, code: '0101', name: 'Olmazor' },
    { mahalla: 11, from: 1, to: 9, code: '0102', name: 'Bog‘ishamol' },
  ],
  posts: [
    {
      post: 9,
      title: { kind: 'vacant', n: 9 },
      vacant: true,
      before: false,
      after: true,
      gained: [11],
      lost: [],
      workload: { before: null, after: fig(1, 900, 0.3) },
    },
    {
      post: 1,
      title: { kind: 'name', name: 'Karimov A.' },
      vacant: false,
      before: true,
      after: true,
      gained: [],
      lost: [10, 11],
      workload: { before: fig(5, 6000, 1.4), after: fig(3, 3100, 0.9) },
    },
    {
      post: 2,
      title: { kind: 'name', name: 'Usmonova D.' },
      vacant: false,
      before: true,
      after: true,
      gained: [10],
      lost: [],
      workload: { before: fig(3, 2500, 0.8), after: fig(4, 4500, 1.1) },
    },
    {
      post: 3,
      title: { kind: 'name', name: 'Rahimov B.' },
      vacant: false,
      before: true,
      after: true,
      gained: [],
      lost: [],
      workload: { before: fig(4, 4000, 1), after: fig(4, 4000, 1) },
    },
    {
      post: 5,
      title: { kind: 'inspector', n: 77 },
      vacant: false,
      before: true,
      after: false,
      gained: [],
      lost: [12],
      workload: { before: fig(1, 700, 0.2), after: null },
    },
  ],
};

describe('postRows', () => {
  it('gives each post by number its status, moves and change (a missing side counts as nothing)', () => {
    const rows = postRows(diff);
    expect(rows.map((r) => [r.post, r.status, r.gained, r.lost, r.change])).toEqual([
      [1, 'kept', 0, 2, { mahallas: -2, residents: -2900, index: -0.5 }],
      [2, 'kept', 1, 0, { mahallas: 1, residents: 2000, index: 0.3 }],
      [3, 'kept', 0, 0, { mahallas: 0, residents: 0, index: 0 }],
      [5, 'removed', 0, 1, { mahallas: -1, residents: -700, index: -0.2 }],
      [9, 'added', 1, 0, { mahallas: 1, residents: 900, index: 0.3 }],
    ]);
    expect(rows.map(changedRow)).toEqual([true, true, false, true, true]);
    expect(rows[3]?.after).toBeNull();
  });
});

describe('moveRows and gainerColors', () => {
  it('colours only the posts that gain, by their place among them in post order', () => {
    const c = gainerColors(diff);
    expect([...c.keys()]).toEqual([2, 9]);
    expect(c.get(9)).toEqual(TERRITORY_COLORS[1]);
  });

  it('names each moved mahalla from → to by code, coloured by the post it joins (red when it joins none)', () => {
    expect(moveRows(diff).map((m) => [m.code, m.from, m.to, m.toPost, m.color])).toEqual([
      ['0101', 'Karimov A.', 'Usmonova D.', 2, TERRITORY_COLORS[0]],
      ['0102', 'Karimov A.', 'Post 9: vacant post', 9, TERRITORY_COLORS[1]],
      ['0103', 'Inspector #77', 'No inspector', null, PROBLEM],
    ]);
  });

  it('words the posts in the language it is handed, the names in the script it is handed', () => {
    const cyrillic = (name: string): string => displayName(name, 'uz-Cyrl');
    expect(moveRows(diff, translator('ru'), cyrillic).map((m) => [m.name, m.from, m.to])).toEqual([
      ['Олмазор', 'Каримов А.', 'Усмонова Д.'],
      ['Боғишамол', 'Каримов А.', 'Пост 9: вакантная должность'],
      ['Чилонзор', 'Инспектор № 77', 'Без инспектора'],
    ]);
    expect(moveRows(diff, translator('uz-Cyrl'), cyrillic).map((m) => m.to)[1]).toBe('9-пост: бўш лавозим');
    expect(moveRows(diff, translator('uz-Latn'))[2]?.to).toBe('Inspektor yoʻq');
  });
});

describe('signed', () => {
  it('writes a plus or a true minus, thin-space thousands, and a bare 0', () => {
    expect(signed(3)).toBe('+3');
    expect(signed(-1200)).toBe('\u22121\u2009200');
    expect(signed(0)).toBe('0');
    expect(signed(-0.004, 2)).toBe('0');
    expect(signed(0.3, 2)).toBe('+0.30');
    expect(signed(0.3, 2, 'ru')).toBe('+0,30');
    expect(signed(-1200, 0, 'ru')).toBe('\u22121\u00a0200');
  });
});

describe('versions', () => {
  const list = [
    { id: 1, phase: 'superseded' as const },
    { id: 2, phase: 'in_force' as const },
    { id: 4, phase: 'draft' as const },
    { id: 6, phase: 'submitted' as const },
  ];

  it('opens with the plan in force against the newest draft, and keeps asked ids that are in the list', () => {
    expect(defaultPair(list, null, null)).toEqual({ before: 2, after: 4 });
    expect(defaultPair(list, 1, 6)).toEqual({ before: 1, after: 6 });
    expect(defaultPair(list, 99, null)).toEqual({ before: 2, after: 4 });
    expect(defaultPair([list[1]!, list[3]!], null, null)).toEqual({ before: 2, after: 6 });
    expect(defaultPair([], null, null)).toEqual({ before: null, after: null });
  });

  it('labels a version with its number, name and phase in words', () => {
    const v = {
      id: 4,
      number: 3,
      name: 'Spring',
      phase: 'superseded' as const,
      orderNumber: '12',
      orderDate: null,
      effectiveFrom: null,
    };
    expect(versionLabel(v)).toBe('No. 3 · Spring (archived, no longer in force)');
    expect(versionLabel(v, translator('ru'))).toBe('№ 3 · Spring (в архиве, больше не действует)');
    expect(versionLabel({ ...v, phase: 'draft' }, translator('uz-Cyrl'))).toBe('№ 3 · Spring (лойиҳа)');
  });
});
