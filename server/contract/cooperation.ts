// Request schemas of the cooperation surface: joint actions, cooperation gaps, before/after. Isomorphic: zod only.
import { z } from 'zod';
import { coded } from './issues.ts';
import { FdrFlag, PeriodFields, RangeFields, checkRange } from './common.ts';

/** Joint actions in a period, optionally narrowed to a district (incident filters do not apply to actions). */
export const JointActionQuery = PeriodFields.superRefine(checkRange);
export type JointActionFilter = z.output<typeof JointActionQuery>;

/** Cooperation gaps: hot spots of the range (incident filters, FDR) without a joint action with the relevant service
 * in the `days` days that end at `to`. */
export const GapQuery = RangeFields.extend({
  fdr: FdrFlag,
  days: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number of days, 1–365')
    .transform(Number)
    .refine(
      (n) => n >= 1 && n <= 365,
      coded('out_of_range', 'must be a whole number of days, 1–365', { min: 1, max: 365 }),
    )
    .default(30),
}).superRefine(checkRange);
export type GapFilter = z.output<typeof GapQuery>;

/** Before/after: joint actions of the period, incidents (with the incident filters) in the windows around each. */
export const BeforeAfterQuery = RangeFields.superRefine(checkRange);
export type BeforeAfterFilter = z.output<typeof BeforeAfterQuery>;
