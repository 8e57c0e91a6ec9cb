// What the import page shows before anything runs: the file's headers and first rows, our columns with the header
// Hamkor proposes for each (data/import/mapping.ts planColumns), and each header's distinct values (for the value table
// of coded columns) with the labels Hamkor already knows.
import type { Db } from '../../db/database.ts';
import { CsvFormatError, type CsvFormat, type CsvRow } from '../../../data/import/csv.ts';
import { labelTable, planColumns, type Mapping } from '../../../data/import/mapping.ts';
import { readSource } from '../../../data/import/source.ts';
import { XlsxFormatError } from '../../../data/import/xlsx.ts';
import {
  APPLICATIONS,
  BASE_POINTS,
  INCIDENTS,
  INSPECTORS,
  TERRITORIES,
  type RecordKind,
} from '../../../data/import/record-kinds.ts';
import { JOINT_ACTIONS } from '../../../data/import/joint-actions.ts';
import type { ImportKind, TABLE_KINDS } from '../../contract/imports.ts';
import { UploadRefused, type Upload } from './uploads.ts';

/** Rows shown in the preview table. */
const SHOWN = 20;
/** Rows read for the distinct values of each header (the dry run lists every unmapped value of the whole file). */
const SCANNED = 5000;
/** Distinct values listed per header, most frequent first. */
const VALUES = 60;

export interface Preview {
  shape: 'table';
  file: { id: string; name: string; bytes: number; kind: ImportKind; format: CsvFormat | null };
  headers: string[];
  rows: string[][];
  /** rows read for `values` (the whole file if it is shorter) */
  scanned: number;
  columns: Array<{
    name: string;
    type: string;
    required: boolean;
    codes: string[] | null;
    /** the file's header Hamkor would read this column from, or null */
    proposed: string | null;
    /** the labels Hamkor knows for a coded column (lower case) → code */
    known: Record<string, string> | null;
  }>;
  /** per header: its distinct values among the scanned rows, most frequent first */
  values: Record<string, Array<{ value: string; rows: number }>>;
}

const EMPTY: Mapping = { columns: {}, values: {} };

const TABLES: Record<(typeof TABLE_KINDS)[number], RecordKind> = {
  incidents: INCIDENTS,
  applications: APPLICATIONS,
  joint_actions: JOINT_ACTIONS,
  inspectors: INSPECTORS,
  base_points: BASE_POINTS,
  territories: TERRITORIES,
};

/** The column schema of a table kind (a boundary kind has none: it is refused here). */
export function kindOf(kind: ImportKind): RecordKind {
  if (!Object.hasOwn(TABLES, kind))
    throw new UploadRefused('kind', `${kind} files are not tables`, 400, { code: 'not_a_table' });
  return TABLES[kind as keyof typeof TABLES];
}

/** Reads the header and up to SCANNED rows; a file the reader cannot read is refused naming why. */
async function head(
  db: Db,
  upload: Pick<Upload, 'path' | 'name'>,
): Promise<{ rows: CsvRow[]; format: CsvFormat | null }> {
  let format: CsvFormat | null = null;
  const rows: CsvRow[] = [];
  try {
    const source = readSource(db, upload.path, { chunk: () => undefined, format: (f) => (format = f) });
    for await (const chunk of source) {
      rows.push(...chunk.rows);
      if (rows.length > SCANNED) break;
    }
  } catch (err) {
    const why =
      err instanceof CsvFormatError || err instanceof XlsxFormatError
        ? err.message
        : `cannot be read (${(err as Error).message.split('\n')[0]})`;
    throw new UploadRefused('file', `${upload.name}: ${why}`, 400, {
      code: 'file_unreadable',
      params: { file: upload.name },
    });
  }
  if (rows.length === 0 || (rows[0]?.fields.length ?? 0) === 0)
    throw new UploadRefused('file', `${upload.name}: the file has no header row`, 400, {
      code: 'no_header_row',
      params: { file: upload.name },
    });
  return { rows: rows.slice(0, SCANNED + 1), format };
}

/** The preview of an upload (its headers are kept on it, to check mappings against). */
export async function previewUpload(db: Db, upload: Omit<Upload, 'headers'>): Promise<Preview> {
  const { rows, format } = await head(db, upload);
  const headers = rows[0]!.fields;
  const data = rows.slice(1);
  const kind = kindOf(upload.kind);
  // Proposal only: no column is required here, so a file that lacks one still gets the rest proposed.
  const plan = planColumns({ ...kind, columns: kind.columns.map((c) => ({ ...c, required: false })) }, headers, EMPTY);
  const values: Preview['values'] = {};
  headers.forEach((h, i) => {
    const counts = new Map<string, number>();
    for (const r of data) {
      const v = (r.fields[i] ?? '').trim();
      if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    values[h] = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, VALUES)
      .map(([value, n]) => ({ value, rows: n }));
  });
  return {
    shape: 'table',
    file: { id: upload.id, name: upload.name, bytes: upload.bytes, kind: upload.kind, format },
    headers,
    rows: data.slice(0, SHOWN).map((r) => r.fields),
    scanned: data.length,
    columns: kind.columns.map((c) => {
      const at = plan.index.get(c.name);
      return {
        name: c.name,
        type: c.type,
        required: c.required,
        codes: c.codes ? [...c.codes] : null,
        proposed: at === undefined ? null : (headers[at] ?? null),
        known: c.codes ? Object.fromEntries(labelTable(c, EMPTY)) : null,
      };
    }),
    values,
  };
}
