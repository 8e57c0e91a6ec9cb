// Request schemas of the hot-spot map (hot spots on mahallas and hexagons, emerging hot spots, the records behind a number)
// and the inference every significance there is stamped with.
// Isomorphic: zod only.
import { z } from 'zod';
import { coded } from './issues.ts';
import { FdrFlag, MahallaId, RangeFields, checkRange } from './common.ts';
import { lengthDays } from '../shared/period.ts';

/** Where a significance test judges a unit: the whole database area, whatever district is shown (issue 11). */
export type StudyAreaScope = 'city' | 'region' | 'country';

/**
 * How every significance on the hot-spot pages was judged (mahallas, hexagons, emerging hot spots), stamped on each
 * response as `params.inference` so the legend, card and slides can state it. One rule everywhere: counts of records
 * against the counts constant risk given residents expects, over the whole database area.
 */
export interface Inference {
  /** what is tested: records per unit (not rates per 1,000, not smoothed rates) */
  variable: 'counts';
  /** the null hypothesis: every resident equally likely to be behind a record, so E_i = N × residents_i / residents */
  null: 'constant risk given residents';
  test: 'exact binomial, neighbourhood' | 'Monte Carlo';
  /** simulated maps behind the p-values (0: exact, none needed) and their seed (null: no randomness) */
  draws: number;
  seed: number | null;
  studyArea: StudyAreaScope;
  /** the study area in words, e.g. "Tashkent city" */
  studyAreaName: string;
  /** which units a unit's test pools with it */
  neighbourhood: string;
  /** records and residents of the study area (N and P of the null) */
  records: number;
  residents: number;
  /** null when the correction is off (bins then use each unit's own p) */
  fdr: { method: 'Benjamini–Hochberg'; q: number } | null;
  /** bins ±1, ±2, ±3 need p (or q) below these */
  levels: [0.1, 0.05, 0.01];
}

/** When the study area holds too few records for any unit to be significant: N, and the least N that could be. */
export interface TooFewRecords {
  records: number;
  needed: number;
}

/** The false discovery rate of the default view: bins ±1 need a Benjamini–Hochberg q below it. */
export const FDR_Q = 0.1;

/** Hot-spot analysis: the range filters plus the false-discovery-rate correction (on unless `fdr=false`). */
export const HotspotQuery = RangeFields.extend({
  fdr: FdrFlag,
}).superRefine(checkRange);
export type HotspotFilter = z.output<typeof HotspotQuery>;

/**
 * H3 hexagon counts and Gi*: the hot-spot query plus the resolution, 5 (≈ 250 km² a cell) to 9 (≈ 0.1 km²). Whether
 * the resolution is fine enough to be too many cells for the extent is decided by the service (it needs the area).
 */
export const HexagonQuery = RangeFields.extend({
  res: z
    .string({
      error: (iss) =>
        iss.input === undefined ? 'is required (an H3 resolution, 5–9)' : 'must be an H3 resolution, 5–9',
    })
    .regex(/^[5-9]$/, 'must be an H3 resolution, 5–9')
    .transform(Number),
  fdr: FdrFlag,
}).superRefine(checkRange);
export type HexagonFilter = z.output<typeof HexagonQuery>;

/** The records behind a mahalla's numbers: range filters, the mahalla, and a page. */
export const RecordListQuery = RangeFields.extend({
  mahalla: MahallaId,
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a page number from 1')
    .transform(Number)
    .default(1),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, 'must be 1–200')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, coded('out_of_range', 'must be 1–200', { min: 1, max: 200 }))
    .default(50),
}).superRefine(checkRange);
export type RecordListFilter = z.output<typeof RecordListQuery>;

/** Emerging hot spots: range filters, bin length, and optionally one mahalla whose z-series is returned. */
export const EmergingQuery = RangeFields.extend({
  bin: z.enum(['week', 'month'], { error: 'must be week or month' }).default('week'),
  mahalla: MahallaId.optional(),
}).superRefine((q, ctx) => {
  checkRange(q, ctx);
  const days = lengthDays(q);
  const bins = q.bin === 'week' ? Math.floor(days / 7) : Math.floor(days / 30.4);
  if (bins < 4)
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      ...coded('trend_too_short', `a trend needs at least 4 ${q.bin}s; this period has ${Math.max(0, bins)}`, {
        bin: q.bin,
        min: 4,
        bins: Math.max(0, bins),
      }),
    });
});
export type EmergingFilter = z.output<typeof EmergingQuery>;
