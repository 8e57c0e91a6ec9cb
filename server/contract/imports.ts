// The import page's requests: which kind of records a file holds, the uploaded file's name, and the mapping and options
// of a dry run or a commit. Isomorphic: zod only, shared by the server's routes and the web's import page.
import { z } from 'zod';

/** The record kinds the import page loads (data/import/record-kinds.ts RECORD_KINDS). */
export const IMPORT_KINDS = ['incidents', 'applications'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The file types the importer reads, by the end of their name. */
export const IMPORT_EXTENSIONS = ['.csv', '.txt', '.tsv', '.xlsx', '.parquet'] as const;

export const UploadQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS, { error: `must be one of ${IMPORT_KINDS.join(', ')}` }),
  name: z
    .string({ error: 'is required (the file name)' })
    .trim()
    .min(1, 'is required (the file name)')
    .max(200, 'must be at most 200 characters')
    .refine(
      (n) => IMPORT_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)),
      `must end in ${IMPORT_EXTENSIONS.join(', ')}`,
    ),
});

/** Which header of the file holds each of our columns, and which of the file's labels means which of our codes. */
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
});
export type JobRequest = z.infer<typeof JobRequest>;

export const IdParam = z.strictObject({ id: z.string().regex(/^[a-f0-9]{16}$/, 'must be an id of 16 hex digits') });
