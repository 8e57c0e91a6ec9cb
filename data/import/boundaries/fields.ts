// Which of a file's fields holds the code, name, parent (district or region) and population: CLI flags, a saved mapping
// file, or the default names; and the list of a file's fields with sample values to choose from.
import { readFileSync } from 'node:fs';
import type { RawFeature } from './shapefile.ts';
import { said, type Said } from '../report.ts';

/** The roles a boundary field can play. */
export const ROLES = ['code', 'name', 'parent', 'population', 'households'] as const;
export type Role = (typeof ROLES)[number];
/** role → the file's field name. */
export type FieldMapping = Partial<Record<Role, string>>;

/** The field names used when nothing else is said: our own export's, so our files import as they are. */
export const DEFAULT_FIELDS: Record<Role, string> = {
  code: 'code',
  name: 'name',
  parent: 'district',
  population: 'population',
  households: 'households',
};

export interface FieldInfo {
  field: string;
  /** Features with a non-empty value. */
  filled: number;
  /** Up to `n` distinct values, in file order. */
  samples: string[];
}

/**
 * Every field of the file with how many features fill it and a few sample values, for `--list-fields` and the UI.
 * @example listFields([{ props: { KOD: 1726287001 }, geometry: null }]) // [{ field: 'KOD', filled: 1, samples: ['1726287001'] }]
 */
export function listFields(features: readonly RawFeature[], n = 3): FieldInfo[] {
  const out = new Map<string, FieldInfo>();
  for (const f of features) {
    for (const [field, v] of Object.entries(f.props)) {
      const info = out.get(field) ?? { field, filled: 0, samples: [] };
      out.set(field, info);
      if (v === null || v === undefined || v === '') continue;
      info.filled++;
      const s =
        typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      if (info.samples.length < n && !info.samples.includes(s)) info.samples.push(s);
    }
  }
  return [...out.values()];
}

/**
 * A saved mapping file: JSON `{ "code": "KOD_MFY", "name": "NOMI", "parent": "TUMAN", "population": "AHOLI" }`
 * (`district` or `region` may stand for `parent`). Throws naming an unknown key or a value that is not a string.
 */
export function readMappingFile(path: string): FieldMapping {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${path}: a mapping file is a JSON object such as {"code": "KOD", "name": "NOMI"}`);
  const out: FieldMapping = {};
  for (const [k, v] of Object.entries(raw)) {
    const role = k === 'district' || k === 'region' ? 'parent' : k;
    if (!(ROLES as readonly string[]).includes(role))
      throw new Error(`${path}: "${k}" is not a field role (use ${[...ROLES, 'district', 'region'].join(', ')})`);
    if (typeof v !== 'string' || v === '') throw new Error(`${path}: "${k}" must name a field of the file`);
    out[role as Role] = v;
  }
  return out;
}

/**
 * The field each role reads: the mapping's, else the default name (matched ignoring case). Returns the problems of a
 * mapping that names a field the file does not have, listing the fields it does have.
 * @example resolveFields(['KOD', 'Name'], { code: 'KOD' }) // { fields: { code: 'KOD', name: 'Name', … }, problems: [] }
 */
export function resolveFields(
  present: readonly string[],
  mapping: FieldMapping,
  defaults: Record<Role, string> = DEFAULT_FIELDS,
): { fields: Partial<Record<Role, string>>; problems: Said[] } {
  const fields: Partial<Record<Role, string>> = {};
  const problems: Said[] = [];
  for (const role of ROLES) {
    const given = mapping[role];
    if (given !== undefined) {
      if (present.includes(given)) fields[role] = given;
      else
        problems.push(
          said(
            `the field "${given}" given for ${role} is not in the file (its fields: ${present.join(', ')})`,
            'mapping_field_missing',
            { field: given },
          ),
        );
    } else {
      fields[role] = present.find((p) => p.toLowerCase() === defaults[role]);
    }
  }
  return { fields, problems };
}
