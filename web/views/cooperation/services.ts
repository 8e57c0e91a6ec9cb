// How services look in the cooperation views: one colour each (distinct, stable across pages) and a short label
// for narrow table headers (the full name goes in the title).
import type { Rgb } from '../../map/colors.ts';
import { SERVICES, type ServiceCode } from '../../../server/contract/catalog.ts';

export const SERVICE_COLORS: Record<ServiceCode, Rgb> = {
  duty_unit: [107, 123, 140],
  criminal_investigation: [192, 57, 43],
  investigation: [142, 68, 173],
  inquiry: [196, 116, 170],
  operational_search: [211, 84, 0],
  forensics: [22, 160, 133],
  migration: [46, 134, 193],
  traffic_safety: [212, 160, 0],
  juvenile: [39, 174, 96],
  patrol: [31, 58, 147],
};

export const SERVICE_SHORT: Record<ServiceCode, string> = {
  duty_unit: 'Duty unit',
  criminal_investigation: 'Criminal inv.',
  investigation: 'Investigation',
  inquiry: 'Inquiry',
  operational_search: 'Op. search',
  forensics: 'Forensics',
  migration: 'Migration',
  traffic_safety: 'Traffic safety',
  juvenile: 'Juvenile',
  patrol: 'Patrol',
};

export const cssOf = (c: Rgb): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** The services whose bits are set in a mask (bit i = SERVICES[i]). @example servicesIn(0b11) // ['duty_unit', 'criminal_investigation'] */
export function servicesIn(mask: number): ServiceCode[] {
  return SERVICES.filter((_, i) => (mask >> i) & 1);
}

/** 12.3 % */
export const pct = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)} %`;
