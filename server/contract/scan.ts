// Request schema of Kulldorff's spatial scan (GET /api/hotspots/scan): the hot-spot range filters plus the scan's own
// parameters. Isomorphic: zod only. Absent parameters take the server's defaults, which every answer echoes.
import { z } from 'zod';
import { RangeFields, checkRange } from './common.ts';
import { lengthDays } from '../shared/period.ts';
import { coded } from './issues.ts';

/** Which clusters are looked for: more records than residents predict (high), fewer (low), or either (both). */
export const SCAN_RATES = ['high', 'low', 'both'] as const;

/** Where clusters are looked for: anywhere in the period (circles), or emerging (circles × the last weeks). */
export const SCAN_KINDS = ['spatial', 'emerging'] as const;

/** What a request may ask for: the limits of each scan parameter. */
export const SCAN_LIMITS = {
  /** 99 draws give p-values down to 0.01; 9,999 down to 0.0001 (and take ten times as long as 999). */
  draws: { min: 99, max: 9999 },
  seed: { min: 0, max: 4_294_967_295 },
  /** Circles of up to half of all residents at most (SaTScan's limit: larger would be "everywhere but …"). */
  maxShare: { min: 0.001, max: 0.5 },
  /** emerging clusters last 1 to 8 weeks, ending with the period's last week (and at most half its weeks) */
  weeks: { min: 1, max: 8 },
} as const;

const whole = (field: keyof typeof SCAN_LIMITS, what: string) => {
  const { min, max } = SCAN_LIMITS[field];
  const reason = `must be ${what}, a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,10}$/, reason)
    .transform(Number)
    .refine((n) => n >= min && n <= max, coded('out_of_range', reason, { min, max }))
    .optional();
};

export const ScanQuery = RangeFields.extend({
  draws: whole('draws', 'the number of Monte Carlo draws'),
  seed: whole('seed', 'the seed of the draws'),
  maxShare: z
    .string()
    .regex(/^(0|0?\.\d{1,6}|1)$/, 'must be a share of residents written as a decimal, e.g. 0.5 for 50 %')
    .transform(Number)
    .refine(
      (v) => v >= SCAN_LIMITS.maxShare.min && v <= SCAN_LIMITS.maxShare.max,
      coded(
        'out_of_range',
        `must be from ${SCAN_LIMITS.maxShare.min} to ${SCAN_LIMITS.maxShare.max} (0.5 = circles of up to half the residents)`,
        SCAN_LIMITS.maxShare,
      ),
    )
    .optional(),
  rate: z.enum(SCAN_RATES, { error: `must be one of ${SCAN_RATES.join(', ')}` }).default('high'),
  kind: z.enum(SCAN_KINDS, { error: `must be one of ${SCAN_KINDS.join(', ')}` }).default('spatial'),
  weeks: whole('weeks', 'the longest emerging cluster in weeks'),
}).superRefine((q, ctx) => {
  checkRange(q, ctx);
  const weeks = Math.floor(lengthDays(q) / 7);
  if (q.kind === 'emerging' && weeks < 2)
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      ...coded(
        'emerging_too_short',
        `emerging clusters need at least 2 whole weeks; this period has ${Math.max(0, weeks)}`,
        {
          min: 2,
          weeks: Math.max(0, weeks),
        },
      ),
    });
});
export type ScanFilter = z.output<typeof ScanQuery>;
