// Request schemas shared by the server (validation) and the web app (building queries). Isomorphic: zod only.
import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, RECORD_SOURCES, REGISTRIES } from './catalog.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD, that exists. */
export const Day = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required (a date written YYYY-MM-DD)' : 'must be a single date written YYYY-MM-DD') })
  .regex(ISO_DAY, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date')
  .refine((s) => s >= '1990-01-01' && s <= '2100-12-31', 'must be between 1990-01-01 and 2100-12-31');

/** Comma-separated list of codes from a closed vocabulary; empty or absent = all of them. */
function codeList<T extends string>(codes: readonly [T, ...T[]], what: string) {
  const allowed = new Set<string>(codes);
  return z
    .string()
    .max(1000)
    .optional()
    .transform((s, ctx) => {
      if (!s) return [...codes];
      const items = [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];
      if (items.length === 0) return [...codes];
      const bad = items.filter((x) => !allowed.has(x));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown ${what}: ${bad.slice(0, 3).join(', ')} (allowed: ${codes.join(', ')})` });
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
export const DistrictCode = z.string().regex(/^\d{7}$/, 'must be a 7-digit SOATO district code');

const MAX_DAYS = 3 * 366 + 31;

export const RangeFields = z.object({
  from: Day,
  to: Day,
  categories: CategoryList,
  statuses: StatusList,
  district: DistrictCode.optional(),
  /** which records are counted; categories and statuses narrow incidents, registries and receivers applications */
  source: z.enum(RECORD_SOURCES, { error: `must be one of ${RECORD_SOURCES.join(', ')}` }).default('incidents'),
  registries: RegistryList,
  receivers: ReceiverList,
  /** what counts and rates are compared with: the previous period of equal length, or the same days last year */
  compare: z.enum(['previous', 'year'], { error: 'must be previous or year' }).default('previous'),
});

export function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  if (days > MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `range longer than ${MAX_DAYS} days` });
}

/** Date range + incident filters, as in the URL: `from`, `to` inclusive. */
export const RangeQuery = RangeFields.superRefine(checkRange);

/** The false-discovery-rate correction of a hot-spot analysis: on unless `fdr=false`. */
const FdrFlag = z.enum(['true', 'false'], { error: 'must be true or false' }).optional().transform((v) => v !== 'false');

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
    .string({ error: (iss) => (iss.input === undefined ? 'is required (an H3 resolution, 5–9)' : 'must be an H3 resolution, 5–9') })
    .regex(/^[5-9]$/, 'must be an H3 resolution, 5–9')
    .transform(Number),
  fdr: FdrFlag,
}).superRefine(checkRange);
export type HexagonFilter = z.output<typeof HexagonQuery>;

/** The incidents behind a mahalla's numbers: range filters, the mahalla, and a page. */
export const IncidentListQuery = RangeFields.extend({
  mahalla: z.string({ error: 'is required (a mahalla id)' }).regex(/^[1-9]\d{0,8}$/, 'must be a mahalla id (a positive integer)').transform(Number),
  page: z.string().regex(/^[1-9]\d{0,5}$/, 'must be a page number from 1').transform(Number).default(1),
  pageSize: z.string().regex(/^\d{1,3}$/, 'must be 1–200').transform(Number).refine((n) => n >= 1 && n <= 200, 'must be 1–200').default(50),
}).superRefine(checkRange);
export type IncidentListFilter = z.output<typeof IncidentListQuery>;

/** Emerging hot spots: range filters, bin length, and optionally one mahalla whose z-series is returned. */
export const EmergingQuery = RangeFields.extend({
  bin: z.enum(['week', 'month'], { error: 'must be week or month' }).default('week'),
  mahalla: z.string().regex(/^[1-9]\d{0,8}$/, 'must be a mahalla id (a positive integer)').transform(Number).optional(),
}).superRefine((q, ctx) => {
  checkRange(q, ctx);
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
  const bins = q.bin === 'week' ? Math.floor(days / 7) : Math.floor(days / 30.4);
  if (bins < 4) ctx.addIssue({ code: 'custom', path: ['from'], message: `a trend needs at least 4 ${q.bin}s; this period has ${Math.max(0, bins)}` });
});
export type EmergingFilter = z.output<typeof EmergingQuery>;
export type RangeFilter = z.output<typeof RangeQuery>;

export const TerritoriesQuery = z.object({ district: DistrictCode.optional() });

export const MahallaParam = z.object({
  id: z.string().regex(/^[1-9]\d{0,8}$/, 'must be a mahalla id (a positive integer)').transform(Number),
});

/** The body of every 400 response. */
export interface ValidationErrorBody {
  error: 'invalid_request';
  issues: Array<{ field: string; reason: string }>;
}
