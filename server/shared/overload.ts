// The overload rule: which norms an inspector's territory exceeds for a period, each flag with its reason.
import type { NormKey, Norms } from '../contract/coverage.ts';

export interface OverloadFlag {
  norm: NormKey;
  value: number;
  /** the norm as applied to this period (incidents scaled to the period's length) */
  limit: number;
  reason: string;
}

export interface Workload {
  residents: number;
  incidents: number;
  maxDistanceKm: number;
}

// One formatter: toLocaleString builds a new Intl.NumberFormat per call (≈ 0.1 ms; thousands of flags nationally).
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const fmt = (n: number): string => NUMBER.format(n);

/** The incidents norm for a period of `days` days: the 30-day norm scaled, rounded to one decimal. */
export const incidentLimit = (norms: Norms, days: number): number =>
  Math.round(((norms.normIncidents * days) / 30) * 10) / 10;

/**
 * The norms a territory exceeds (strictly: a value equal to its norm is within it), in the order residents, incidents,
 * distance.
 *
 * @example
 * overloadFlags({ residents: 16000, incidents: 20, maxDistanceKm: 2 }, NORM_DEFAULTS, 30);
 * // [{ norm: 'normResidents', value: 16000, limit: 15000, reason: '16,000 residents, norm 15,000' }]
 */
export function overloadFlags(w: Workload, norms: Norms, days: number): OverloadFlag[] {
  const flags: OverloadFlag[] = [];
  if (w.residents > norms.normResidents) {
    flags.push({
      norm: 'normResidents',
      value: w.residents,
      limit: norms.normResidents,
      reason: `${fmt(w.residents)} residents, norm ${fmt(norms.normResidents)}`,
    });
  }
  const incidents = incidentLimit(norms, days);
  if (w.incidents > incidents) {
    flags.push({
      norm: 'normIncidents',
      value: w.incidents,
      limit: incidents,
      reason: `${fmt(w.incidents)} incidents in ${days} days, norm ${fmt(incidents)} (${fmt(norms.normIncidents)} per 30 days)`,
    });
  }
  if (w.maxDistanceKm > norms.normDistanceKm) {
    flags.push({
      norm: 'normDistanceKm',
      value: w.maxDistanceKm,
      limit: norms.normDistanceKm,
      reason: `farthest mahalla ${fmt(w.maxDistanceKm)} km from the base point, norm ${fmt(norms.normDistanceKm)} km`,
    });
  }
  return flags;
}
