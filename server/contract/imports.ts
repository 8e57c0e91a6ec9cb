// The import page's requests: which kind of data a file holds, the uploaded file's name, and the mapping and options
// of a dry run or a commit. Isomorphic: zod only, shared by the server's routes and the web's import page.
import { z } from 'zod';
import { coded } from './issues.ts';

/** Records whose bad rows may be left out (data/import/record-kinds.ts RECORD_KINDS). */
export const RECORD_IMPORT_KINDS = ['incidents', 'applications'] as const;
/** Tables read row by row, with a column mapping (records and the reference lists). */
export const TABLE_KINDS = [
  ...RECORD_IMPORT_KINDS,
  'joint_actions',
  'inspectors',
  'base_points',
  'territories',
] as const;
/** Boundary files (data/import/boundaries/): each import is a new boundary version. */
export const BOUNDARY_KINDS = ['mahallas', 'districts', 'regions'] as const;
export const IMPORT_KINDS = [...TABLE_KINDS, ...BOUNDARY_KINDS] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

export const isBoundaryKind = (k: string): k is BoundaryKind => (BOUNDARY_KINDS as readonly string[]).includes(k);
export const isRecordImportKind = (k: string): k is (typeof RECORD_IMPORT_KINDS)[number] =>
  (RECORD_IMPORT_KINDS as readonly string[]).includes(k);

/** The file types the table importer reads, by the end of their name. */
export const IMPORT_EXTENSIONS = ['.csv', '.txt', '.tsv', '.xlsx', '.parquet'] as const;
/** The boundary file types one upload can carry (a shapefile comes zipped with its .dbf and .prj). */
export const BOUNDARY_EXTENSIONS = ['.geojson', '.json', '.zip', '.kml', '.kmz'] as const;

/** The extensions a kind's file may have. @example extensionsOf('mahallas').includes('.kmz') // true */
export const extensionsOf = (kind: ImportKind): readonly string[] =>
  isBoundaryKind(kind) ? BOUNDARY_EXTENSIONS : IMPORT_EXTENSIONS;

export const UploadQuery = z
  .strictObject({
    kind: z.enum(IMPORT_KINDS, { error: `must be one of ${IMPORT_KINDS.join(', ')}` }),
    name: z
      .string({ error: 'is required (the file name)' })
      .trim()
      .min(1, 'is required (the file name)')
      .max(200, 'must be at most 200 characters'),
    /** boundary files only: the EPSG code of a file that does not state its coordinate system */
    crs: z
      .string()
      .regex(/^\d{4,5}$/, 'must be an EPSG code of 4 or 5 digits, such as 32642')
      .optional(),
  })
  .superRefine((q, ctx) => {
    const ext = extensionsOf(q.kind);
    if (!ext.some((e) => q.name.toLowerCase().endsWith(e)))
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        ...coded('wrong_extension', `must end in ${ext.join(', ')} for ${q.kind}`, { allowed: ext.join(', ') }),
      });
    if (q.crs !== undefined && !isBoundaryKind(q.kind))
      ctx.addIssue({ code: 'custom', path: ['crs'], ...coded('boundary_only', 'is only for boundary files') });
  });

/**
 * Which header of the file holds each of our columns, and which of the file's labels means which of our codes. For a
 * boundary file, `columns` maps the roles code, name, parent (district or region), population, households to fields.
 */
export const ImportMapping = z.strictObject({
  columns: z.record(z.string().max(100), z.string().max(200)).default({}),
  values: z.record(z.string().max(100), z.record(z.string().max(200), z.string().max(100))).default({}),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

export const JobRequest = z.strictObject({
  /** the upload's id, as POST /imports/files answered */
  file: z.string().regex(/^[a-f0-9]{16}$/, 'must be the id of an uploaded file'),
  mapping: ImportMapping.default({ columns: {}, values: {} }),
  /** check and count only, change nothing */
  dryRun: z.boolean().default(true),
  /** import the good rows and reject the rest, instead of refusing the whole file for one bad row */
  keepGood: z.boolean().default(false),
  /** boundary files: overlaps and gaps up to this many m² are snapped, larger ones reported */
  sliverM2: z
    .number({ error: 'must be a number of square metres' })
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'must be at most 1,000,000 m²')
    .optional(),
});
export type JobRequest = z.infer<typeof JobRequest>;

export const IdParam = z.strictObject({ id: z.string().regex(/^[a-f0-9]{16}$/, 'must be an id of 16 hex digits') });
