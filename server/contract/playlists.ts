// Wall-screen briefing (issue 5): slide kinds, playlists and the briefing period. Isomorphic: zod only, so the
// server validates and the playlist editor checks with the very same rules.
import { z } from 'zod';
import { DistrictCode } from './common.ts';
import { coded } from './issues.ts';
import { isCalendarDay, lastDays, lengthDays } from '../shared/period.ts';
import { SYSTEM_TEXTS } from '../shared/system-names.ts';

/** What a slide shows; each kind has its own component in web/views/briefing/slides/. */
export const SLIDE_KINDS = ['title', 'hotspots', 'top_mahallas', 'applications', 'joint_actions', 'coverage'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export const SLIDE_LABELS: Record<SlideKind, string> = {
  title: 'Title: district, period, data freshness',
  hotspots: 'Hot spots this period vs the previous one',
  top_mahallas: 'Top mahallas with trend badges',
  applications: 'Applications received, open and overdue',
  joint_actions: 'Joint actions and model-plan fulfilment per territory',
  coverage: 'Inspector coverage gaps',
};

/** Dwell time bounds in seconds: under 3 s nobody can read a slide; over 10 min the wall looks frozen. */
export const DWELL = { min: 3, max: 600, default: 20 } as const;

export const Slide = z.strictObject({
  kind: z.enum(SLIDE_KINDS, { error: `must be one of ${SLIDE_KINDS.join(', ')}` }),
  dwellS: z
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(DWELL.min, `must be at least ${DWELL.min} s`)
    .max(DWELL.max, `must be at most ${DWELL.max} s`),
  /** optional heading that replaces the kind's default title */
  caption: z.string().trim().max(80, 'must be at most 80 characters').optional(),
});
export type Slide = z.output<typeof Slide>;

const ISO = String.raw`\d{4}-\d{2}-\d{2}`;
const PERIOD_RE = new RegExp(`^(?:(\\d{1,3})([dw])|(${ISO})\\.\\.(${ISO}))$`);

/**
 * The days a briefing covers: `7d` / `4w` = the last days or weeks of data ending on `lastDay`, or an explicit
 * inclusive range `2026-10-01..2026-10-31`. Null when the text is not a period (or a range runs backwards).
 * @example resolvePeriod('7d', '2026-10-31') // { from: '2026-10-25', to: '2026-10-31' }
 */
export function resolvePeriod(spec: string, lastDay: string): { from: string; to: string } | null {
  const m = PERIOD_RE.exec(spec);
  if (!m) return null;
  if (m[1] && m[2]) {
    const days = Number(m[1]) * (m[2] === 'w' ? 7 : 1);
    if (days < 1 || days > 366) return null;
    return lastDays(lastDay, days);
  }
  const [from, to] = [m[3] ?? '', m[4] ?? ''];
  if (!isCalendarDay(from) || !isCalendarDay(to) || to < from || lengthDays({ from, to }) > 366) return null;
  return { from, to };
}

/** A period as written in a playlist or the URL (see resolvePeriod). */
export const PeriodSpec = z
  .string()
  .max(30)
  .refine(
    (s) => resolvePeriod(s, '2026-01-01') !== null,
    coded('invalid_period', 'must be Nd, Nw (up to 366 days) or YYYY-MM-DD..YYYY-MM-DD (up to a year)'),
  );

export const PlaylistInput = z.strictObject({
  name: z
    .string({ error: 'is required (text)' })
    .trim()
    .min(1, 'must not be empty')
    .max(80, 'must be at most 80 characters'),
  /** SOATO district, or null for the whole area */
  district: DistrictCode.nullable().default(null),
  period: PeriodSpec.default('7d'),
  slides: z
    .array(Slide, { error: 'must be a list of slides' })
    .min(1, 'needs at least one slide')
    .max(30, 'at most 30 slides'),
});
export type PlaylistInput = z.input<typeof PlaylistInput>;

/** A playlist as replaced (PUT): the whole playlist with the version it was read at (409 when someone saved since). */
export const PlaylistReplace = z.strictObject({
  ...PlaylistInput.shape,
  version: z.number({ error: 'is required (the version you read; reload to get it)' }).int().positive(),
});
export type PlaylistReplace = z.input<typeof PlaylistReplace>;

export interface Playlist extends z.output<typeof PlaylistInput> {
  id: number;
  /** bumped by every change; a PUT names the version it read */
  version: number;
  /** ISO timestamp (UTC) of the last change, and who made it */
  updatedAt: string;
  updatedBy: string;
}

export const PlaylistDeleteQuery = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be the version you read (a positive integer)')
    .transform(Number)
    .optional(),
});

export const PlaylistParam = z.object({
  id: z
    .string()
    .refine((s) => /^[1-9]\d{0,8}$/.test(s), coded('invalid_id', 'must be a playlist id (a positive integer)'))
    .transform(Number),
});

/** The playlist a fresh database starts with: every slide kind, in briefing order. */
export const DEFAULT_PLAYLIST: z.output<typeof PlaylistInput> = {
  name: SYSTEM_TEXTS.defaultPlaylist,
  district: null,
  period: '7d',
  slides: [
    { kind: 'title', dwellS: 12 },
    { kind: 'hotspots', dwellS: 30 },
    { kind: 'top_mahallas', dwellS: 25 },
    { kind: 'applications', dwellS: 20 },
    { kind: 'joint_actions', dwellS: 25 },
    { kind: 'coverage', dwellS: 25 },
  ],
};
