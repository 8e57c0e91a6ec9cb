// Pure helpers of the accounts tab: which area field a role needs, how an account's area reads, and the form's draft
// turned into the request body (the same contract the server validates, server/contract/access.ts).
import { ROLE_ACCESS, type Role } from '../../../server/contract/access.ts';
import { inspectorLabel } from '../../format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { activeLocale, activeT, type Translate } from '../../i18n/translate.ts';

/** The area field a role is bound by, or null for roles that see the whole country. */
export type AreaField = 'region' | 'district' | 'inspector';

/**
 * @example areaFieldOf('district_head') // 'district'; areaFieldOf('ministry') // null
 */
export function areaFieldOf(role: Role): AreaField | null {
  const scope = ROLE_ACCESS[role].scope;
  return scope === 'region' ? 'region' : scope === 'district' ? 'district' : scope === 'territory' ? 'inspector' : null;
}

/** The label of an area field in the language of `t`. @example areaFieldLabel('district', translator('ru')) // 'Район' */
export const areaFieldLabel = (field: AreaField, t: Translate = activeT()): string => t(`admin.area.${field}`);

interface District {
  soato: string;
  name: string;
}

/**
 * The regions of the listed districts: a district's SOATO code starts with its region's 4 digits (1726294 → 1726).
 * @example regionsOf([{ soato: '1726294', name: 'Chilonzor' }, { soato: '1726287', name: 'Yakkasaroy' }]) // ['1726']
 */
export function regionsOf(districts: readonly District[]): string[] {
  return [...new Set(districts.map((d) => d.soato.slice(0, 4)))].sort();
}

/** A region by its name (`nameOf` puts it in the script of the language), or by its code while the names have not arrived. */
export function regionLabel(
  code: string,
  regions: ReadonlyMap<string, string>,
  t: Translate = activeT(),
  nameOf: (name: string) => string = (n) => n,
): string {
  const name = regions.get(code);
  return name ? nameOf(name) : t('admin.area.regionCode', { code });
}

/**
 * An account's area as the table shows it: a district's or region's name, an inspector, or the whole country, in the
 * language of `t` (`locale` numbers the inspector, `nameOf` writes names in its script).
 * @example areaLabel({ region: null, district: null, inspector: null }, [], new Map(), translator('ru')) // 'Вся страна'
 */
export function areaLabel(
  a: { region: string | null; district: string | null; inspector: number | null },
  districts: readonly District[],
  regions: ReadonlyMap<string, string>,
  t: Translate = activeT(),
  locale: Locale = activeLocale(),
  nameOf: (name: string) => string = (n) => n,
): string {
  if (a.district !== null) {
    const name = districts.find((d) => d.soato === a.district)?.name;
    return name ? nameOf(name) : t('admin.area.districtCode', { code: a.district });
  }
  if (a.region !== null) return regionLabel(a.region, regions, t, nameOf);
  if (a.inspector !== null) return inspectorLabel(null, a.inspector, locale);
  return t('admin.area.country');
}

/** The account form as typed: every field a string, the area fields kept while the role changes. */
export interface Draft {
  username: string;
  displayName: string;
  role: Role;
  region: string;
  district: string;
  inspector: string;
  password: string;
  disabled: boolean;
}

export const BLANK: Draft = {
  username: '',
  displayName: '',
  role: 'district_head',
  region: '',
  district: '',
  inspector: '',
  password: '',
  disabled: false,
};

/** The draft of an existing account (no user name or password: those are not edited here). */
export function draftOf(a: {
  displayName: string;
  role: Role;
  region: string | null;
  district: string | null;
  inspector: number | null;
  disabled: boolean;
}): Draft {
  return {
    ...BLANK,
    displayName: a.displayName,
    role: a.role,
    region: a.region ?? '',
    district: a.district ?? '',
    inspector: a.inspector === null ? '' : String(a.inspector),
    disabled: a.disabled,
  };
}

/**
 * The area fields of the body: only the one the role needs is sent (the others are null, as the contract demands).
 * @example areaOf({ ...BLANK, role: 'inspector', inspector: '12', district: '1726294' }) // { region: null, district: null, inspector: 12 }
 */
export function areaOf(d: Draft): { region: string | null; district: string | null; inspector: number | null } {
  const field = areaFieldOf(d.role);
  const value = field ? d[field].trim() : '';
  return {
    region: field === 'region' && value ? value : null,
    district: field === 'district' && value ? value : null,
    inspector: field === 'inspector' && value ? Number(value) : null,
  };
}

/**
 * The issues of a zod parse, each said by `say` (in the reader's language: web/i18n/api-error.ts), by the first
 * segment of their path (the form field they belong to).
 */
export function issuesByField<I extends { path: ReadonlyArray<PropertyKey> }>(
  issues: readonly I[],
  say: (i: I) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = String(i.path[0] ?? 'form');
    out[field] = out[field] ? `${out[field]}; ${say(i)}` : say(i);
  }
  return out;
}
