// Request schemas of the hot-spot map: Gi* on mahallas and hexagons, emerging hot spots, the records behind a number.
// Isomorphic: zod only.
import { z } from 'zod';
import { FdrFlag, MahallaId, RangeFields, checkRange } from './common.ts';
import { lengthDays } from '../shared/period.ts';

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
    .refine((n) => n >= 1 && n <= 200, 'must be 1–200')
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
      message: `a trend needs at least 4 ${q.bin}s; this period has ${Math.max(0, bins)}`,
    });
});
export type EmergingFilter = z.output<typeof EmergingQuery>;
