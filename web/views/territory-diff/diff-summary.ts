// What the comparison of two territory versions says, as plain data for the page: one row per post with its
// workload before and after and the change, the moved mahallas with who they leave and who they go to, and a colour
// per post (the gaining post's colour marks a moved mahalla on the map). Pure: tested on a hand-made diff.
import type { Rgb } from '../../map/colors.ts';
import { PROBLEM, TERRITORY_COLORS } from '../coverage/layers.ts';
import { activeT, type Translate } from '../../i18n/translate.ts';
import type { Locale } from '../../i18n/locales.ts';
import { fmtDecimal, fmtInt } from '../../format.ts';
import { sayPostTitle, type PostTitle } from '../../../server/shared/post-title.ts';

/** The figures of one post in one version (as the server's diff sends them). */
export interface SideFigures {
  mahallas: number;
  residents: number;
  incidents: number;
  applications: number;
  /** composite workload index: 1 = an average post's share of the district's work */
  index: number;
  /** (index − ideal) ÷ ideal */
  deviation: number;
}

/** The part of the server's diff (GET /api/territories/diff) these helpers read. */
export interface DiffInput {
  moves: ReadonlyArray<{ mahalla: number; from: number | null; to: number | null; code: string; name: string }>;
  posts: ReadonlyArray<{
    post: number;
    title: PostTitle;
    vacant: boolean;
    before: boolean;
    after: boolean;
    gained: readonly number[];
    lost: readonly number[];
    workload: { before: SideFigures | null; after: SideFigures | null };
  }>;
}

export type PostStatus = 'kept' | 'added' | 'removed';

export interface PostRow {
  post: number;
  title: PostTitle;
  vacant: boolean;
  status: PostStatus;
  before: SideFigures | null;
  after: SideFigures | null;
  gained: number;
  lost: number;
  /** after − before (a missing side counts as nothing) */
  change: { mahallas: number; residents: number; index: number };
}

const NOTHING: SideFigures = { mahallas: 0, residents: 0, incidents: 0, applications: 0, index: 0, deviation: 0 };
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * One row per post of either version, by post number, with the change of mahallas, residents and workload index.
 * @example postRows(diff)[0] // { post: 1, status: 'kept', gained: 0, lost: 2, change: { mahallas: -2, residents: -3100, index: -0.21 }, … }
 */
export function postRows(diff: DiffInput): PostRow[] {
  return [...diff.posts]
    .sort((a, b) => a.post - b.post)
    .map((p) => {
      const b = p.workload.before ?? NOTHING;
      const a = p.workload.after ?? NOTHING;
      return {
        post: p.post,
        title: p.title,
        vacant: p.vacant,
        status: p.before && p.after ? 'kept' : p.after ? 'added' : 'removed',
        before: p.workload.before,
        after: p.workload.after,
        gained: p.gained.length,
        lost: p.lost.length,
        change: {
          mahallas: a.mahallas - b.mahallas,
          residents: a.residents - b.residents,
          index: round3(a.index - b.index),
        },
      };
    });
}

/** Rows whose territory or existence changes (the table shows these first; the rest are "no change"). */
export const changedRow = (r: PostRow): boolean => r.status !== 'kept' || r.gained > 0 || r.lost > 0;

/**
 * A colour for each post that gains mahallas, by its place among them in post order (the map colours a moved mahalla
 * by the post it joins; giving colours to the gaining posts only keeps them apart up to eight such posts).
 * @example gainerColors({ posts: [{ post: 4, gained: [7] }, { post: 1, gained: [] }, { post: 9, gained: [8] }] }).get(9) // TERRITORY_COLORS[1]
 */
export function gainerColors(diff: {
  posts: ReadonlyArray<{ post: number; gained: readonly number[] }>;
}): Map<number, Rgb> {
  const sorted = diff.posts
    .filter((p) => p.gained.length > 0)
    .map((p) => p.post)
    .sort((a, b) => a - b);
  return new Map(sorted.map((p, k) => [p, TERRITORY_COLORS[k % TERRITORY_COLORS.length] ?? TERRITORY_COLORS[0]!]));
}

export interface MoveRow {
  mahalla: number;
  code: string;
  name: string;
  from: string;
  to: string;
  /** the gaining post (null: the mahalla is left without an inspector) */
  toPost: number | null;
  color: Rgb;
}

/** How a side of a move is written: the post's title, or "No inspector" (in the language of `t`). */
const sideTitle = (titles: ReadonlyMap<number, string>, post: number | null, t: Translate): string =>
  post === null ? t('tdiff.noInspector') : (titles.get(post) ?? t('tdiff.post', { post }));

/**
 * The moved mahallas by code, each with the post it leaves and the post it joins (in the language of `t`, names in the
 * script of `nameOf`), coloured by the joining post (the problem red when it is left without an inspector).
 * @example moveRows(diff)[0] // { code: '0102', name: 'Bog‘ishamol', from: 'Karimov A.', to: 'Post 9: vacant post', toPost: 9, … }
 */
export function moveRows(
  diff: DiffInput,
  t: Translate = activeT(),
  nameOf: (name: string) => string = (name) => name,
): MoveRow[] {
  const titles = new Map(diff.posts.map((p) => [p.post, sayPostTitle(p.title, t, nameOf)]));
  const colors = gainerColors(diff);
  return [...diff.moves]
    .sort((a, b) => Number(a.code) - Number(b.code) || a.mahalla - b.mahalla) // codes are digits
    .map((m) => ({
      mahalla: m.mahalla,
      code: m.code,
      name: nameOf(m.name),
      from: sideTitle(titles, m.from, t),
      to: sideTitle(titles, m.to, t),
      toPost: m.to,
      color: m.to === null ? PROBLEM : (colors.get(m.to) ?? TERRITORY_COLORS[0]!),
    }));
}

/**
 * A signed change as a person writes it in the language: "+3", "−1 200" (a true minus sign, the language's thousands
 * separator), "+0.30" / "+0,30", "0".
 * @example signed(-1200) // '−1 200'
 * @example signed(0.3, 2, 'ru') // '+0,30'
 */
export function signed(x: number, digits = 0, locale: Locale = 'en'): string {
  const r = Number(x.toFixed(digits));
  if (r === 0) return '0';
  const body = digits === 0 ? fmtInt(Math.abs(r), locale) : fmtDecimal(Math.abs(r), digits, locale);
  return `${r > 0 ? '+' : '\u2212'}${body}`;
}
