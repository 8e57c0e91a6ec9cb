// The wall screen's URL: which playlist, district, period and slide, and how often to refresh. Pure, tested alone.
//
// | param    | meaning                                             | default                  |
// |----------|-----------------------------------------------------|--------------------------|
// | playlist | playlist id                                         | the first stored one     |
// | district | SOATO district, overrides the playlist's            | the playlist's           |
// | period   | 7d, 4w or 2026-10-01..2026-10-31, overrides too     | the playlist's           |
// | slide    | 1-based slide to show (each slide has its own URL)  | 1                        |
// | refresh  | seconds between data refreshes                      | 300                      |
// | dwell    | seconds every slide stays, overriding the playlist  | each slide's own         |
import { resolvePeriod } from '../../../server/contract/playlists.ts';

export interface BriefingParams {
  playlist: number | null;
  district: string | null;
  period: string | null;
  /** 0-based index */
  slide: number;
  refreshS: number;
  dwellS: number | null;
}

export const BRIEFING_DEFAULTS = {
  /** five minutes: fresh enough for a morning briefing, light on the server for a screen that runs all day */
  refreshS: 300,
  /** bounds so a typo cannot hammer the server (refresh=0) or freeze the wall (refresh=99999) */
  refreshRange: [2, 3600],
  dwellRange: [1, 600],
} as const;

const int = (raw: string | null, lo: number, hi: number): number | null => {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= lo && n <= hi ? n : null;
};

/**
 * Reads the briefing parameters; anything malformed falls back to its default.
 * @example parseBriefingUrl('?slide=3&refresh=60').slide // 2
 */
export function parseBriefingUrl(search: string): BriefingParams {
  const q = new URLSearchParams(search);
  const district = q.get('district');
  const period = q.get('period');
  return {
    playlist: int(q.get('playlist'), 1, 999_999_999),
    district: district && /^\d{7}$/.test(district) ? district : null,
    period: period && resolvePeriod(period, '2026-01-01') ? period : null,
    slide: (int(q.get('slide'), 1, 999) ?? 1) - 1,
    refreshS: int(q.get('refresh'), ...BRIEFING_DEFAULTS.refreshRange) ?? BRIEFING_DEFAULTS.refreshS,
    dwellS: int(q.get('dwell'), ...BRIEFING_DEFAULTS.dwellRange),
  };
}

/** The query string of `search` with the slide set to `index` (0-based), other parameters kept as they were. */
export function withSlide(search: string, index: number): string {
  const q = new URLSearchParams(search);
  q.set('slide', String(index + 1));
  return `?${q.toString()}`;
}

/** A wall-screen link for a playlist (and optionally one of its slides). */
export function briefingHref(playlist: number, slide?: number): string {
  const q = new URLSearchParams({ playlist: String(playlist) });
  if (slide !== undefined) q.set('slide', String(slide + 1));
  return `/briefing?${q.toString()}`;
}
