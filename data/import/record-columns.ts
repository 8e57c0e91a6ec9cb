// The column schema shared by the importable record kinds: how a cell is read, the kind's shape, the columns every
// kind of record has (its id, a point, a mahalla code) and how headers and labels are compared.
import type { Said } from './report.ts';

/**
 * How a cell is read: an identifier, a local date-time, a longitude or latitude in degrees, a code of a list, or the
 * code of the mahalla (places a record that has no point; not stored as such, it gives mahalla_id).
 */
export type ColumnType = 'id' | 'time' | 'lon' | 'lat' | 'enum' | 'mahalla';

export interface RecordColumn {
  /** Our name (also the column of the target table, unless `sql` says otherwise). */
  name: string;
  type: ColumnType;
  required: boolean;
  /** Header names recognised without a mapping file (matched ignoring case, spaces and apostrophe variants). */
  headers: readonly string[];
  /** For enums: the codes, and labels (any case) that mean them; a code always means itself. */
  codes?: readonly string[];
  labels?: Readonly<Record<string, string>>;
  /** The ENUM type to cast to in SQL. */
  sqlEnum?: string;
}

export interface RecordKind {
  name: 'incidents' | 'applications' | 'territories' | 'base_points' | 'inspectors' | 'joint_actions';
  table: string;
  /** The column whose time orders the table (zone maps) and feeds the monthly counts. */
  time: string;
  columns: readonly RecordColumn[];
  /** The column that, with time and place, makes two records with different ids likely duplicates. */
  duplicateKey?: string;
  /** A rule across the columns of one good row (values by our column name): the column at fault and why, or null. */
  check?: (row: ReadonlyMap<string, string | number | null>) => ({ column: string } & Said) | null;
  /** `check` as a SQL condition over the checked values (bulk-check.ts): true only where `check` finds nothing. */
  checkSql?: string;
}

export const ID: RecordColumn = {
  name: 'source_id',
  type: 'id',
  required: true,
  headers: ['id', 'source id', 'номер', '№', 'рег. номер', 'регистрационный номер', 'raqam', 'рақам', 'рег №'],
};
// A record needs a point (lon and lat) or a mahalla code (records.ts checks the pair), so neither is required alone.
export const LON: RecordColumn = {
  name: 'lon',
  type: 'lon',
  required: false,
  headers: ['longitude', 'lng', 'x', 'долгота', 'uzunlik', 'узунлик'],
};
export const LAT: RecordColumn = {
  name: 'lat',
  type: 'lat',
  required: false,
  headers: ['latitude', 'y', 'широта', 'kenglik', 'кенглик'],
};
export const MAHALLA: RecordColumn = {
  name: 'mahalla_code',
  type: 'mahalla',
  required: false,
  headers: [
    'mahalla',
    'mahalla code',
    'mahalla kodi',
    'маҳалла',
    'маҳалла коди',
    'махалля',
    'махалла',
    'код махалли',
    'код махалля',
    'мфй',
    'мфй коди',
    'mfy',
    'mfy kodi',
  ],
};

/** A required enum column: its codes, the header names it goes by and the labels that mean each code. */
export function enumColumn(
  name: string,
  sqlEnum: string,
  codes: readonly string[],
  headers: readonly string[],
  labels: Record<string, string>,
): RecordColumn {
  return { name, type: 'enum', required: true, sqlEnum, headers, codes, labels };
}

/**
 * A header or label as compared: lower case, trimmed, inner spaces collapsed, the Uzbek letter signs ʻ ʼ ‘ ’ ` read
 * as an ASCII apostrophe (exports carry any of them).
 * @example normalizeLabel('  O‘g‘irlik ') // "o'g'irlik"
 */
export function normalizeLabel(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[ʻʼ‘’`]/g, "'")
    .replace(/\s+/g, ' ');
}
