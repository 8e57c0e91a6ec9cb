// The import page's server side in one object per app: the uploads of this server run, their previews and the jobs
// that dry-run or commit them. Every commit is written to the audit log with who, the file, its checksum and counts.
import type { Db } from '../../db/database.ts';
import { isBoundaryKind, type ImportKind, type JobRequest } from '../../contract/imports.ts';
import type { AuditEntry, UserStore } from '../../store/types.ts';
import { ImportJobs, type Job } from './jobs.ts';
import { previewBoundary, type BoundaryPreview } from './boundaries.ts';
import { previewUpload, type Preview } from './preview.ts';
import { UploadRefused, UploadSpace, type Upload } from './uploads.ts';

export interface ImportConfig {
  /** largest upload, bytes: a national export of 10 M incidents is about 1 GB */
  maxBytes: number;
  /** where the private folder of uploads is made (default the system's temporary folder) */
  tmpDir?: string;
}

export const IMPORT_DEFAULTS: ImportConfig = { maxBytes: 2 * 2 ** 30 };

export interface Who {
  accountId: number | null;
  username: string;
  role: string;
}

export function createImportService(db: Db, store: UserStore, config: ImportConfig) {
  const space = new UploadSpace(config.tmpDir);
  const uploads = new Map<string, Upload>();
  const audit = (who: Who, action: string, params: object, status: number): Promise<void> =>
    store.audit.append({
      at: new Date().toISOString(),
      ...who,
      action,
      area: 'all',
      params: JSON.stringify(params),
      status,
      ip: '',
    } satisfies AuditEntry);
  const owners = new Map<string, Who>();
  const jobs = new ImportJobs(db, store, {
    finished: async (job: Job) => {
      const who = owners.get(job.id);
      owners.delete(job.id);
      if (!who || job.dryRun) return;
      const r = job.result;
      await audit(
        who,
        'imports.commit',
        {
          kind: job.kind,
          file: job.file.name,
          sha256: r?.sha256,
          state: job.state,
          committed: r?.committed ?? false,
          added: r?.added,
          updated: r?.updated,
          unchanged: r?.unchanged,
          rejected: r?.rejected,
          boundaryVersion: r?.boundary?.version ?? undefined,
          movedRecords: r?.boundary?.mahallas?.moved,
          error: job.error,
        },
        r?.committed ? 200 : 422,
      );
      const upload = uploads.get(job.file.id);
      if (upload && r?.committed) {
        uploads.delete(upload.id);
        await space.drop(upload);
      }
    },
  });

  return {
    jobs,
    /** Saves an upload and previews it; a file that cannot be read is refused (and deleted). */
    async upload(
      body: ReadableStream<Uint8Array> | null,
      q: { kind: ImportKind; name: string; crs?: string | undefined },
      by: string,
    ): Promise<Preview | BoundaryPreview> {
      const saved = await space.save(body, { ...q, by }, config.maxBytes);
      try {
        const preview = isBoundaryKind(q.kind) ? await previewBoundary(saved) : await previewUpload(db, saved);
        const headers = preview.shape === 'table' ? preview.headers : preview.fields.map((f) => f.field);
        uploads.set(saved.id, { ...saved, headers });
        return preview;
      } catch (err) {
        await space.drop(saved);
        throw err;
      }
    },
    /** Starts a dry run or a commit of an upload. */
    async start(req: JobRequest, who: Who): Promise<Job> {
      const upload = uploads.get(req.file);
      if (!upload)
        throw new UploadRefused('file', 'no such upload on this server (upload the file again)', 400, {
          code: 'upload_missing',
        });
      const job = await jobs.start(upload, req.mapping, {
        dryRun: req.dryRun,
        keepGood: req.keepGood,
        sliverM2: req.sliverM2,
        by: { accountId: who.accountId, username: who.username },
      });
      owners.set(job.id, who);
      return job;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
