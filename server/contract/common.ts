// The request fields every domain shares (days, districts, record filters, the range query) and the error body.
// Isomorphic: zod only, so the server validates and the web builds queries with the very same rules.
import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, RECORD_SOURCES, REGISTRIES } from './catalog.ts';
import { isCalendarDay, lengthDays } from '../shared/period.ts';
import { coded, type ApiIssue } from './issues.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD, that exists. */
export const Day = z
  .string({
    error: (iss) =>
      iss.input === undefined ? 'is required (a date written YYYY-MM-DD)' : 'must be a single date written YYYY-MM-DD',
  })
  .refine((s) => ISO_DAY.test(s), coded('invalid_date', 'must be a date written YYYY-MM-DD'))
  .refine(isCalendarDay, coded('invalid_date', 'is not a calendar date'))
  .refine(
    (s) => s >= '1990-01-01' && s <= '2100-12-31',
    coded('date_out_of_range', 'must be between 1990-01-01 and 2100-12-31', { min: '1990-01-01', max: '2100-12-31' }),
  );

/** Comma-separated list of codes from a closed vocabulary; empty or absent = all of them. */
function codeList<T extends string>(codes: readonly [T, ...T[]], what: string) {
  const allowed = new Set<string>(codes);
  return z
    .string()
    .max(1000)
    .optional()
    .transform((s, ctx) => {
      if (!s) return [...codes];
      const items = [
        ...new Set(
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ];
      if (items.length === 0) return [...codes];
      const bad = items.filter((x) => !allowed.has(x));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          ...coded('not_one_of', `unknown ${what}: ${bad.slice(0, 3).join(', ')} (allowed: ${codes.join(', ')})`, {
            allowed: codes.join(', '),
          }),
        });
        return z.NEVER;
      }
      return items as T[];
    });
}

export const CategoryList = codeList(INCIDENT_CATEGORIES, 'category');
export const StatusList = codeList(INCIDENT_STATUSES, 'status');
export const RegistryList = codeList(REGISTRIES, 'registry');
export const ReceiverList = codeList(RECEIVERS, 'receiver');

/** A district SOATO code (7 digits). */
export const DistrictCode = z
  .string()
  .refine((s) => /^\d{7}$/.test(s), coded('invalid_district', 'must be a 7-digit SOATO district code'));

/** Most districts one query may name (a region has at most ≈ 25; the country is asked for by naming none). */
const MAX_DISTRICTS = 50;

/**
 * The area of a query: one district or several, comma-separated SOATO codes, as a sorted list without repeats; absent
 * = every district the asker may see. @example Districts.parse('1726294,1726262') // ['1726262', '1726294']
 */
export const Districts = z
  .string()
  .max(8 * MAX_DISTRICTS)
  .transform((s, ctx) => {
    const codes = [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ].sort();
    const bad = codes.filter((c) => !/^\d{7}$/.test(c));
    if (codes.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        ...coded(
          'invalid_district',
          `must be 7-digit SOATO district codes, comma-separated${bad.length > 0 ? ` (not: ${bad.slice(0, 3).join(', ')})` : ''}`,
        ),
      });
      return z.NEVER;
    }
    return codes;
  });

const MAX_DAYS = 3 * 366 + 31;

/** A period of inclusive days (`from`, `to`) and the districts it is asked for. */
export const PeriodFields = z.object({ from: Day, to: Day, district: Districts.optional() });

export const RangeFields = PeriodFields.extend({
  categories: CategoryList,
  statuses: StatusList,
  /** which records are counted; categories and statuses narrow incidents, registries and receivers applications */
  source: z.enum(RECORD_SOURCES, { error: `must be one of ${RECORD_SOURCES.join(', ')}` }).default('incidents'),
  registries: RegistryList,
  receivers: ReceiverList,
  /** what counts and rates are compared with: the previous period of equal length, or the same days last year */
  compare: z.enum(['previous', 'year'], { error: 'must be previous or year' }).default('previous'),
});

export function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = lengthDays(q) - 1;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], ...coded('date_order', 'must not be before from') });
  if (days > MAX_DAYS)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      ...coded('period_too_long', `range longer than ${MAX_DAYS} days`, { max: MAX_DAYS }),
    });
}

/** Date range + incident filters, as in the URL: `from`, `to` inclusive. */
export const RangeQuery = RangeFields.superRefine(checkRange);

/** The false-discovery-rate correction of a hot-spot analysis: on unless `fdr=false`. */
export const FdrFlag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .optional()
  .transform((v) => v !== 'false');

/** A mahalla id in a query or path: a positive integer. */
export const MahallaId = z
  .string({ error: 'is required (a mahalla id)' })
  .refine((s) => /^[1-9]\d{0,8}$/.test(s), coded('invalid_id', 'must be a mahalla id (a positive integer)'))
  .transform(Number);

export type RangeFilter = z.output<typeof RangeQuery>;

/** The body of every 400 response. */
export interface ValidationErrorBody {
  error: 'invalid_request';
  issues: ApiIssue[];
}
