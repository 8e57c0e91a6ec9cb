// How services look in the cooperation views: one colour each (distinct, stable across pages) and a short label
// for narrow table headers (the full name goes in the title).
import type { Rgb } from '../../map/colors.ts';
import {
  JOINT_ACTION_TYPES,
  SERVICES,
  type JointActionType,
  type ServiceCode,
} from '../../../server/contract/catalog.ts';
import { activeLocale, activeT, type Translate } from '../../i18n/translate.ts';
import type { Locale } from '../../i18n/locales.ts';
import { fmtDecimal } from '../../format.ts';

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

/**
 * A service's full name in the language of `t`.
 * @example serviceLabel('patrol', translator('ru')) // 'Патрульно-постовая служба'
 */
export const serviceLabel = (code: ServiceCode, t: Translate = activeT()): string =>
  SERVICES.includes(code) ? t(`cooperation.service.${code}`) : code;

/** A service's short name for narrow table headers and legend keys (the full name goes in the title). */
export const serviceShort = (code: ServiceCode, t: Translate = activeT()): string =>
  SERVICES.includes(code) ? t(`cooperation.serviceShort.${code}`) : code;

/**
 * A kind of joint action in the language of `t` (the code itself if unknown).
 * @example actionTypeLabel('joint_raid', translator('ru')) // 'Совместный рейд'
 */
export const actionTypeLabel = (code: string, t: Translate = activeT()): string =>
  (JOINT_ACTION_TYPES as readonly string[]).includes(code) ? t(`cooperation.type.${code as JointActionType}`) : code;

export const cssOf = (c: Rgb): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** The services whose bits are set in a mask (bit i = SERVICES[i]). @example servicesIn(0b11) // ['duty_unit', 'criminal_investigation'] */
export function servicesIn(mask: number): ServiceCode[] {
  return SERVICES.filter((_, i) => (mask >> i) & 1);
}

/**
 * A share as a percentage with `digits` decimals in the language's style: "12.3 %", "12,3 %", "12,3%".
 * @example pct(0.123, 1, 'ru') // '12,3 %'
 */
export const pct = (share: number, digits = 1, locale: Locale = activeLocale()): string => {
  const n = fmtDecimal(share * 100, digits, locale);
  return locale === 'uz-Latn' || locale === 'uz-Cyrl' ? `${n}%` : `${n} %`;
};
