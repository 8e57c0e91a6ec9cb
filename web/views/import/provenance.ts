// Where the data a page shows comes from: for each kind of data the page uses, the import it was loaded from and how
// old that is, or "demo" when it is still the generated data. The demo label goes only when all of it is imported.
import type { Meta } from '../../queries/meta.ts';
import { MESSAGES, type MessageId } from '../../i18n/messages.ts';
import { activeT, type Translate } from '../../i18n/translate.ts';

/** The kinds of data each page shows (pages not listed show no data line: administration, import). */
export const PAGE_DATA: Readonly<Record<string, readonly string[]>> = {
  '/': ['incidents', 'applications'],
  '/coverage': ['incidents', 'applications', 'inspectors'],
  '/planner': ['incidents', 'applications', 'inspectors'],
  '/applications': ['applications'],
  '/cooperation': ['joint_actions', 'incidents'],
  '/plans': ['joint_actions'],
  '/playlists': ['incidents', 'applications'],
};

export interface Source {
  what: string;
  /** the imported file's name, or null for the generated demo */
  file: string | null;
  /** when it was imported, as the server wrote it (YYYY-MM-DD HH:MM) */
  at: string | null;
  /** whole days since the import (0 today) */
  ageDays: number | null;
}

export interface DataFrom {
  sources: Source[];
  /** some of what the page shows is generated */
  demo: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The sources of a page's data; `now` in ms.
 * @example dataFrom(meta, ['incidents']).sources[1] // { what: 'incidents', file: 'march.csv', at: '2026-12-02 13:30', ageDays: 0 }
 */
export function dataFrom(
  meta: Pick<Meta, 'synthetic' | 'mahallaSource' | 'builtAt' | 'imports'>,
  kinds: readonly string[],
  now = Date.now(),
): DataFrom {
  const boundaries: Source = meta.synthetic
    ? { what: 'boundaries', file: null, at: null, ageDays: null }
    : { what: 'boundaries', file: meta.mahallaSource, at: short(meta.builtAt), ageDays: age(meta.builtAt, now) };
  const sources = [
    boundaries,
    ...kinds.map((k): Source => {
      const i = meta.imports.find((x) => x.kind === k);
      const what = k.replace(/_/g, ' ');
      return i
        ? { what, file: i.file, at: short(i.importedAt), ageDays: age(i.importedAt, now) }
        : { what, file: null, at: null, ageDays: null };
    }),
  ];
  return { sources, demo: sources.some((s) => s.file === null) };
}

const short = (t: string): string | null => (t ? t.replace('T', ' ').slice(0, 16) : null);
/** Whole days from a server time (YYYY-MM-DD HH:MM[:SS], UTC) to `now`, or null if it is not one. */
export function age(t: string, now = Date.now()): number | null {
  const ms = Date.parse(t.replace(' ', 'T').replace(/(\.\d+)?Z?$/, 'Z'));
  return Number.isFinite(ms) ? Math.max(0, Math.floor((now - ms) / DAY_MS)) : null;
}

/**
 * How old, in words: "today", "yesterday", "5 days ago" (or in the language of `t`).
 * @example ageWords(2, translator('ru')) // '2 дня назад'
 */
export const ageWords = (days: number | null, t: Translate = activeT()): string =>
  days === null
    ? ''
    : days === 0
      ? t('import.age.today')
      : days === 1
        ? t('import.age.yesterday')
        : t('import.age.days', { count: days });

/**
 * What a source holds ("incidents", "joint actions", "boundaries") in the language of `t`.
 * @example whatLabel('joint actions', translator('ru')) // 'совместные мероприятия'
 */
export const whatLabel = (what: string, t: Translate = activeT()): string => {
  const id = `import.what.${what.replace(/ /g, '_')}`;
  return id in MESSAGES.en ? t(id as MessageId) : what;
};

/**
 * One line: "incidents: march.csv, imported 2026-12-02 13:30 (today) · applications: demo (generated)", in the
 * language of `t`.
 */
export const sourcesLine = (d: DataFrom, t: Translate = activeT()): string =>
  d.sources
    .map((s) =>
      s.file === null
        ? t('import.source.demo', { what: whatLabel(s.what, t) })
        : t('import.source.file', {
            what: whatLabel(s.what, t),
            file: s.file,
            at: s.at ?? '',
            age: ageWords(s.ageDays, t),
          }),
    )
    .join(' · ');
