// Demo joint actions of prevention inspectors with the sectoral services (criminal investigation in ≈ 55 %).
import { JOINT_ACTION_TYPES, SERVICES, type JointActionType, type ServiceCode } from '../../server/contract/catalog.ts';
import { cumulative, type Rng } from './random.ts';
import { dayWeights } from './space-time.ts';

export const CI_SHARE_TARGET = 0.55;

// With criminal investigation present the action is mostly a raid, a search or a talk; without it, a service event.
const TYPES_WITH_CI: Partial<Record<JointActionType, number>> = {
  joint_raid: 0.35,
  wanted_search: 0.25,
  preventive_talk: 0.2,
  joint_patrol: 0.2,
};
const TYPES_WITHOUT_CI: Partial<Record<JointActionType, number>> = {
  joint_patrol: 0.2,
  preventive_talk: 0.2,
  migration_check: 0.2,
  traffic_event: 0.2,
  school_family_meeting: 0.2,
};
const PARTNERS: Record<JointActionType, ServiceCode[]> = {
  joint_raid: ['patrol', 'operational_search', 'migration', 'forensics'],
  joint_patrol: ['patrol', 'traffic_safety', 'duty_unit'],
  preventive_talk: ['juvenile', 'inquiry', 'investigation'],
  wanted_search: ['operational_search', 'duty_unit', 'patrol'],
  migration_check: ['migration', 'patrol'],
  traffic_event: ['traffic_safety', 'juvenile'],
  school_family_meeting: ['juvenile', 'inquiry'],
};
const CHECKED_MEAN: Record<JointActionType, number> = {
  joint_raid: 25,
  joint_patrol: 12,
  preventive_talk: 8,
  wanted_search: 6,
  migration_check: 30,
  traffic_event: 40,
  school_family_meeting: 35,
};

export interface JointAction {
  day: number;
  mahalla: number;
  inspector: number;
  type: number;
  services: number[];
  checked: number;
  offences: number;
  wanted: number;
}

function typeTable(weights: Partial<Record<JointActionType, number>>): { types: number[]; cum: Float64Array } {
  const types = Object.keys(weights).map((t) => JOINT_ACTION_TYPES.indexOf(t as JointActionType));
  return { types, cum: cumulative(Object.values(weights)) };
}

/** `total` joint actions, each in a mahalla of the acting inspector's own territory. */
export function generateJointActions(
  total: number,
  territories: readonly (readonly number[])[],
  rng: Rng,
): JointAction[] {
  const staffed = territories.map((t, k) => ({ k, t })).filter((x) => x.t.length > 0);
  const days = dayWeights([1.1, 1.1, 1.1, 1.1, 1.05, 0.8, 0.5]);
  const withCi = typeTable(TYPES_WITH_CI);
  const withoutCi = typeTable(TYPES_WITHOUT_CI);
  const ci = SERVICES.indexOf('criminal_investigation');
  const out: JointAction[] = [];
  // Some inspectors are far more active than others: activity is log-normal.
  const activity = cumulative(staffed.map(() => Math.exp(0.6 * rng.normal())));
  for (let i = 0; i < total; i++) {
    const s = staffed[rng.weighted(activity)];
    if (!s) break;
    const hasCi = rng.next() < CI_SHARE_TARGET;
    const table = hasCi ? withCi : withoutCi;
    const type = table.types[rng.weighted(table.cum)] ?? 0;
    const typeCode = JOINT_ACTION_TYPES[type] ?? 'joint_patrol';
    const services = new Set<number>();
    if (hasCi) services.add(ci);
    const partners = PARTNERS[typeCode];
    services.add(SERVICES.indexOf(rng.pick(partners)));
    if (rng.next() < 0.3) services.add(SERVICES.indexOf(rng.pick(partners)));
    const checked = rng.poisson(CHECKED_MEAN[typeCode]);
    out.push({
      day: rng.weighted(days),
      mahalla: rng.pick(s.t),
      inspector: s.k,
      type,
      services: [...services].sort((a, b) => a - b),
      checked,
      offences: rng.poisson(checked * 0.04),
      wanted: typeCode === 'joint_raid' || typeCode === 'wanted_search' ? rng.poisson(0.25) : 0,
    });
  }
  return out;
}
