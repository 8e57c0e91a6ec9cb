// The mapping file (which header holds which of our columns, which label means which code) and the per-cell readers
// that turn a row's text into checked values, each failure a reason a person can act on.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Coded } from '../../server/contract/issues.ts';
import { normalizeLabel, type RecordColumn, type RecordKind } from './record-kinds.ts';
import { said, type Said } from './report.ts';

/** A mapping that cannot work, with the code that says why in the reader's language (the import page's). */
export class MappingRefused extends Error {
  constructor(
    message: string,
    readonly issue: Coded,
  ) {
    super(message);
  }
}

/** `{ "columns": { "ts": "Дата регистрации" }, "values": { "category": { "Кража": "property" } } }` */
export const Mapping = z.strictObject({
  columns: z.record(z.string(), z.string()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
export type Mapping = z.infer<typeof Mapping>;

/** Reads and checks a mapping file against a kind: unknown column names and codes are refused, naming them. */
export function readMapping(path: string | undefined, kind: RecordKind): Mapping {
  if (!path) return { columns: {}, values: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`mapping file ${path}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = Mapping.safeParse(raw);
  if (!parsed.success) throw new Error(`mapping file ${path}: ${parsed.error.issues.map(issueText).join('; ')}`);
  const names = new Map(kind.columns.map((c) => [c.name, c]));
  for (const key of [...Object.keys(parsed.data.columns), ...Object.keys(parsed.data.values)]) {
    if (!names.has(key))
      throw new MappingRefused(
        `mapping file ${path}: "${key}" is not a column of ${kind.name} (${[...names.keys()].join(', ')})`,
        { code: 'mapping_unknown_column', params: { column: key } },
      );
  }
  for (const [col, labels] of Object.entries(parsed.data.values)) {
    const codes = names.get(col)?.codes;
    if (!codes)
      throw new MappingRefused(`mapping file ${path}: values.${col}: ${col} is not a column with codes`, {
        code: 'mapping_no_codes',
        params: { column: col },
      });
    for (const [label, code] of Object.entries(labels))
      if (!codes.includes(code))
        throw new MappingRefused(
          `mapping file ${path}: values.${col}."${label}": "${code}" is not one of ${codes.join(', ')}`,
          { code: 'mapping_unknown_code', params: { code, allowed: codes.join(', ') } },
        );
  }
  return parsed.data;
}

const issueText = (i: z.core.$ZodIssue): string => `${i.path.join('.') || 'file'}: ${i.message}`;

/** Where each of our columns is in the file (-1: absent, optional), and the headers nobody reads. */
export interface ColumnPlan {
  index: Map<string, number>;
  ignored: string[];
}

/**
 * Finds our columns among the file's headers: a mapping's explicit header first, else our name or a known alias.
 * Throws naming every required column that is missing and the headers the file has.
 * @example planColumns(INCIDENTS, ['Номер', 'Дата', 'Долгота', 'Широта', 'Вид', 'Статус'], { columns: {}, values: {} })
 */
export function planColumns(kind: RecordKind, headers: readonly string[], mapping: Mapping): ColumnPlan {
  const norm = headers.map(normalizeLabel);
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const col of kind.columns) {
    const explicit = mapping.columns[col.name];
    const wanted = explicit !== undefined ? [explicit] : [col.name, ...col.headers];
    const i = norm.findIndex((h) => wanted.some((w) => normalizeLabel(w) === h));
    if (i >= 0) index.set(col.name, i);
    else if (explicit !== undefined)
      missing.push(`${col.name} (the mapping names header "${explicit}", which the file lacks)`);
    else if (col.required) missing.push(col.name);
  }
  if (missing.length > 0)
    throw new MappingRefused(
      `missing column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}. The file's headers are: ${headers.join(', ')}. ` +
        'Name them in a mapping file (--mapping), e.g. {"columns": {"ts": "Дата регистрации"}}',
      { code: 'columns_missing', params: { columns: missing.join(', '), headers: headers.join(', ') } },
    );
  const used = new Set(index.values());
  return { index, ignored: headers.filter((_, i) => !used.has(i)) };
}

/** A cell's value once read, or why it cannot be. */
export type CellResult = { ok: true; value: string | number | null } | ({ ok: false } & Said);

const refused = (...why: Parameters<typeof said>): CellResult => ({ ok: false, ...said(...why) });

const TIME_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const TIME_DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A local date-time as `YYYY-MM-DD HH:MM:SS`: accepts `2024-03-05 14:30[:15]`, `2024-03-05T14:30`, `05.03.2024
 * 14:30` and dates alone (midnight); fractions of a second (Parquet timestamps) are dropped; refuses impossible dates
 * such as 31.02.
 * @example readTime('05.03.2024 9:05') // '2024-03-05 09:05:00'
 */
export function readTime(text: string): string | null {
  const iso = TIME_ISO.exec(text);
  const m = iso ?? TIME_DMY.exec(text);
  if (!m) return null;
  const [y, mo, d] = iso ? [m[1]!, Number(m[2]), Number(m[3])] : [m[3]!, Number(m[2]), Number(m[1])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(Number(y), mo) || h > 23 || mi > 59 || s > 59) return null;
  return `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`;
}

/** Days in a month of the Gregorian calendar (string building instead of Date: this runs once a row). */
const daysIn = (y: number, mo: number): number =>
  mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A decimal number with a point or a decimal comma (Russian exports), nothing else. */
const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * Reads one cell of a column; `labels` is the column's label → code table (defaults and mapping merged). With
 * `projected`, lon and lat are a projected x and y (metres, reprojected later), so no range in degrees applies.
 */
export function readCell(
  col: RecordColumn,
  text: string,
  labels: ReadonlyMap<string, string>,
  projected = false,
): CellResult {
  const t = text.trim();
  if (t === '') return col.required ? refused('is empty', 'required') : { ok: true, value: null };
  switch (col.type) {
    case 'id':
    case 'mahalla':
      return t.length > 100
        ? refused('is longer than 100 characters', 'too_long', { max: 100 })
        : { ok: true, value: t };
    case 'time': {
      const v = readTime(t);
      return v
        ? { ok: true, value: v }
        : refused('is not a date-time (YYYY-MM-DD HH:MM[:SS] or DD.MM.YYYY HH:MM[:SS])', 'not_date_time');
    }
    case 'lon':
    case 'lat': {
      const limit = col.type === 'lon' ? 180 : 90;
      if (!NUMBER.test(t)) return refused('is not a number', 'not_number');
      const v = Number(t.replace(',', '.'));
      return projected || Math.abs(v) <= limit
        ? { ok: true, value: v }
        : refused(`is outside ±${limit} degrees`, 'outside_degrees', { limit });
    }
    case 'enum': {
      const code = labels.get(normalizeLabel(t));
      return code
        ? { ok: true, value: code }
        : refused(`is not a known ${col.name}: map it in the mapping file's values.${col.name}`, 'unknown_label');
    }
  }
}

/** The label → code table of an enum column: its codes, its built-in labels, then the mapping's (which win). */
export function labelTable(col: RecordColumn, mapping: Mapping): Map<string, string> {
  const table = new Map<string, string>();
  for (const c of col.codes ?? []) table.set(normalizeLabel(c), c);
  for (const [label, code] of Object.entries(col.labels ?? {})) table.set(normalizeLabel(label), code);
  for (const [label, code] of Object.entries(mapping.values[col.name] ?? {})) table.set(normalizeLabel(label), code);
  return table;
}
