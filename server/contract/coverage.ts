// Request schemas for inspector coverage and the applications flow (issue 4, parts 2 and 3), with the overload norms'
// defaults. Isomorphic: zod only, so the server validates and the norms panel shows the very same defaults.
import { z } from 'zod';
import { Day, DistrictCode, checkRange } from './api.ts';

/**
 * Overload norms for one inspector's territory; each can be overridden in the query string (the names in brackets).
 * No published per-resident staffing norm for Uzbekistan's prevention inspectors was found; the 2017 reform's model is
 * one inspector per mahalla. The defaults are set so that a flag means a territory far beyond that model, not a big
 * mahalla; set them to a local order where one exists.
 */
export const NORM_DEFAULTS = {
  /**
   * Residents in the territory (`normResidents`). 15,000 ≈ three average Tashkent mahallas (3.04 M residents in 585
   * mahallas ≈ 5,200 each) and about five times the ≈ 3,000 residents a Russian district officer serves on average
   * (MVD of Russia, 2018), the closest published comparison.
   */
  residents: 15_000,
  /**
   * Incidents in the territory per 30 days (`normIncidents`), scaled to the period's length: 60 is about two a day,
   * more than one inspector can follow up beside prevention work (≈ the top 5 % of demo territories).
   */
  incidentsPer30Days: 60,
  /**
   * Farthest mahalla centre from the inspector's base point, km (`normDistanceKm`): within 5 km a city inspector
   * reaches any part of the territory in about a quarter of an hour.
   */
  maxDistanceKm: 5,
} as const;
export type Norms = { -readonly [K in keyof typeof NORM_DEFAULTS]: number };
export const NORM_KEYS = Object.keys(NORM_DEFAULTS) as Array<keyof Norms>;

/** A positive number from the query string with up to 2 decimals, within [min, max]. */
const positive = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, `must be a number (${what}), e.g. 12000 or 4.5`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const Period = z.object({ from: Day, to: Day });

const NormFields = z.object({
  normResidents: positive('residents', 1, 1_000_000).default(NORM_DEFAULTS.residents),
  normIncidents: positive('incidents per 30 days', 1, 100_000).default(NORM_DEFAULTS.incidentsPer30Days),
  normDistanceKm: positive('km', 0.1, 1000).default(NORM_DEFAULTS.maxDistanceKm),
});

/** Workload of every inspector (optionally of one district) for a period, judged against the norms. */
export const CoverageQuery = Period.extend({ district: DistrictCode.optional() }).extend(NormFields.shape).superRefine(checkRange);
export type CoverageFilter = z.output<typeof CoverageQuery>;

/** One inspector's card: the period and the norms (so the card shows the same flags as the table). */
export const InspectorQuery = Period.extend(NormFields.shape).superRefine(checkRange);
export type InspectorFilter = z.output<typeof InspectorQuery>;

export const InspectorParam = z.object({
  id: z.string().regex(/^[1-9]\d{0,8}$/, 'must be an inspector id (a positive integer)').transform(Number),
});

export const OutlinesQuery = z.object({ district: DistrictCode.optional() });

const MahallaId = z.string().regex(/^[1-9]\d{0,8}$/, 'must be a mahalla id (a positive integer)').transform(Number);

/** Applications flow: a period, optionally one district and/or one mahalla. */
export const FlowQuery = Period.extend({ district: DistrictCode.optional(), mahalla: MahallaId.optional() }).superRefine(checkRange);
export type FlowFilter = z.output<typeof FlowQuery>;

/** Applications per mahalla for the map: a period and optionally a district. */
export const FlowMahallasQuery = Period.extend({ district: DistrictCode.optional() }).superRefine(checkRange);
export type FlowMahallasFilter = z.output<typeof FlowMahallasQuery>;

/** Norms from a validated query (the `norm*` fields) in the shape of NORM_DEFAULTS. */
export const normsOf = (q: { normResidents: number; normIncidents: number; normDistanceKm: number }): Norms => ({
  residents: q.normResidents,
  incidentsPer30Days: q.normIncidents,
  maxDistanceKm: q.normDistanceKm,
});
