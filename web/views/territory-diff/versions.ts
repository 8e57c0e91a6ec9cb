// How a territory version is named on the comparison and print pages, and which two versions a comparison opens
// with when the link names none. Pure; words in the language of the `t` handed in.
import { activeT, type Translate } from '../../i18n/translate.ts';

/** The fields of a version these helpers read (a summary from GET /api/territories/versions). */
export interface VersionHead {
  id: number;
  number: number;
  name: string;
  phase: 'draft' | 'submitted' | 'scheduled' | 'in_force' | 'superseded';
  orderNumber: string | null;
  orderDate: string | null;
  effectiveFrom: string | null;
}

/**
 * The workflow phase in plain words (the planner's own words, lower case inside a sentence).
 * @example phaseWords('in_force', translator('ru')) // 'действует'
 */
export const phaseWords = (phase: VersionHead['phase'], t: Translate = activeT()): string => t(`tdiff.phase.${phase}`);

/**
 * A version as a list names it.
 * @example versionLabel({ number: 3, name: 'Spring rebalance', phase: 'draft', … }) // 'No. 3 · Spring rebalance (draft)'
 */
export const versionLabel = (v: VersionHead, t: Translate = activeT()): string =>
  t('tdiff.version', { number: v.number, name: v.name, phase: phaseWords(v.phase, t) });

/**
 * The pair a comparison shows: the asked ids when they are versions of the list, else the plan in force before and
 * the newest draft after (or the newest version other than the first side).
 * @example defaultPair([{ id: 1, phase: 'in_force' }, { id: 4, phase: 'draft' }], null, null) // { before: 1, after: 4 }
 */
export function defaultPair(
  versions: ReadonlyArray<Pick<VersionHead, 'id' | 'phase'>>,
  before: number | null,
  after: number | null,
): { before: number | null; after: number | null } {
  const has = (id: number | null): id is number => id !== null && versions.some((v) => v.id === id);
  const newest = [...versions].sort((a, b) => b.id - a.id);
  const b = has(before) ? before : (versions.find((v) => v.phase === 'in_force')?.id ?? newest.at(-1)?.id ?? null);
  const a = has(after)
    ? after
    : (newest.find((v) => v.phase === 'draft' && v.id !== b)?.id ?? newest.find((v) => v.id !== b)?.id ?? b);
  return { before: b, after: a };
}
