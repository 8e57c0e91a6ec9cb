// Request schemas of inspector coverage, with the overload norms' defaults. Isomorphic: zod only, so the server
// validates and the norms panel shows the very same defaults. Each norm has one name everywhere: the key of `Norms`,
// the API query field, the page's URL parameter and the `norm` of an overload flag.
import { z } from 'zod';
import { coded } from './issues.ts';
import { Day, PeriodFields, checkRange } from './common.ts';

/**
 * Overload norms for one inspector's territory. No published per-resident staffing norm for Uzbekistan's prevention
 * inspectors was found; the 2017 reform's model is one inspector per mahalla. The defaults are set so that a flag
 * means a territory far beyond that model, not a big mahalla; set them to a local order where one exists.
 */
export const NORM_DEFAULTS = {
  /**
   * Residents in the territory. 15,000 ≈ three average Tashkent mahallas (3.04 M residents in 585 mahallas ≈ 5,200
   * each) and about five times the ≈ 3,000 residents a Russian district officer serves on average (MVD of Russia,
   * 2018), the closest published comparison.
   */
  normResidents: 15_000,
  /**
   * Incidents in the territory per 30 days, scaled to the period's length: 60 is about two a day, more than one
   * inspector can follow up beside prevention work (≈ the top 5 % of demo territories).
   */
  normIncidents: 60,
  /**
   * Farthest mahalla centre from the inspector's base point, km: within 5 km a city inspector reaches any part of the
   * territory in about a quarter of an hour.
   */
  normDistanceKm: 5,
} as const;
export type Norms = { -readonly [K in keyof typeof NORM_DEFAULTS]: number };
export type NormKey = keyof Norms;
export const NORM_KEYS = Object.keys(NORM_DEFAULTS) as NormKey[];

/** Bounds of each norm a person, a link or a query may set. */
export const NORM_RANGE: Record<NormKey, { min: number; max: number }> = {
  normResidents: { min: 1, max: 1_000_000 },
  normIncidents: { min: 1, max: 100_000 },
  normDistanceKm: { min: 0.1, max: 1000 },
};

/** A norm as written in a query or link: up to 7 digits and 2 decimals. */
export const NORM_VALUE = /^\d{1,7}(\.\d{1,2})?$/;

const norm = (key: NormKey, what: string) =>
  z
    .string()
    .regex(NORM_VALUE, `must be a number (${what}), e.g. 12000 or 4.5`)
    .transform(Number)
    .refine(
      (n) => n >= NORM_RANGE[key].min && n <= NORM_RANGE[key].max,
      coded('out_of_range', `must be between ${NORM_RANGE[key].min} and ${NORM_RANGE[key].max}`, NORM_RANGE[key]),
    )
    .default(NORM_DEFAULTS[key]);

const NormFields = z.object({
  normResidents: norm('normResidents', 'residents'),
  normIncidents: norm('normIncidents', 'incidents per 30 days'),
  normDistanceKm: norm('normDistanceKm', 'km'),
});

/** Workload of every inspector (of the districts asked) for a period, judged against the norms. */
export const CoverageQuery = PeriodFields.extend(NormFields.shape).superRefine(checkRange);
export type CoverageFilter = z.output<typeof CoverageQuery>;

/** One inspector's card: the period and the norms (so the card shows the same flags as the table). */
export const InspectorQuery = PeriodFields.omit({ district: true }).extend(NormFields.shape).superRefine(checkRange);
export type InspectorFilter = z.output<typeof InspectorQuery>;

export const InspectorParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be an inspector id (a positive integer)')
    .transform(Number),
});

/** Territory outlines of the plan in force on `to` (the last day of the period shown; absent: the data's "today"). */
export const OutlinesQuery = PeriodFields.pick({ district: true }).extend({ to: Day.optional() });

/** The norms of a validated query. */
export const normsOf = (q: Norms): Norms => ({
  normResidents: q.normResidents,
  normIncidents: q.normIncidents,
  normDistanceKm: q.normDistanceKm,
});
