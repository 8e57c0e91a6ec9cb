// Dry runs and commits of uploaded files inside the running server, one at a time, each a job whose progress the page
// polls. The commit is one DuckDB transaction on the server's own database (data/import/commit.ts): open requests keep
// reading the previous data and see the new only once it is committed; then the data generation is bumped so every
// cache of the data reloads (server/db/per-db.ts).
import { writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MappingRefused, readMapping, planColumns } from '../../../data/import/mapping.ts';
import { querySignal, type Db } from '../../db/database.ts';
import { bumpDataEpoch } from '../../db/per-db.ts';
import { isBoundaryKind, isRecordImportKind, type ImportMapping } from '../../contract/imports.ts';
import type { UserStore } from '../../store/types.ts';
import type { Actor } from '../../store/versioned.ts';
import { fieldMapping } from './boundaries.ts';
import { kindOf } from './preview.ts';
import { runUpload, type JobResult } from './runners.ts';
import { newId, UploadRefused, type Upload } from './uploads.ts';
import { UnreadableFile } from '../../../data/import/report.ts';
import type { CodedIssue } from '../../contract/issues.ts';

export type { JobResult } from './runners.ts';
export type JobState = 'queued' | 'reading' | 'writing' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: Upload['kind'];
  file: { id: string; name: string; bytes: number };
  dryRun: boolean;
  keepGood: boolean;
  state: JobState;
  /** data rows (or features) read so far, and bytes of the file consumed */
  rows: number;
  bytes: number;
  percent: number;
  startedAt: string;
  finishedAt: string | null;
  by: string;
  error: string | null;
  /** the error's code and params where it has one, for the page to say it in the reader's language */
  issue: CodedIssue | null;
  result: JobResult | null;
  /** what can be downloaded once it has ended: the full JSON report, the rejected rows' CSV */
  downloads: { report: boolean; rejects: boolean };
}

/** Finished jobs remembered for the page to read (the imports table keeps every commit). */
const KEPT = 50;

class Cancelled extends Error {}

export interface JobHooks {
  /** after a commit: the data changed (audit it, tell the caches) */
  committed?: (job: Job) => Promise<void> | void;
  /** after any run that ended (done, failed, cancelled) */
  finished?: (job: Job) => Promise<void> | void;
}

/** What a run is asked to do. */
export interface RunOptions {
  dryRun: boolean;
  keepGood: boolean;
  sliverM2?: number | undefined;
  by: Actor;
}

/**
 * Checks a mapping against the kind and the file's headers (fields of a boundary file); writes a table kind's beside
 * the upload for the importer. A mapping that names what is not there is refused naming it.
 */
export async function mappingFile(upload: Upload, mapping: ImportMapping, name: string): Promise<string> {
  if (isBoundaryKind(upload.kind)) {
    fieldMapping(upload.kind, upload.headers, mapping);
    return '';
  }
  const path = join(upload.dir, `${name}.mapping.json`);
  await writeFile(path, JSON.stringify(mapping), { mode: 0o600 });
  const kind = kindOf(upload.kind);
  try {
    planColumns(kind, upload.headers, readMapping(path, kind));
  } catch (err) {
    const why = (err as Error).message
      .replace(`mapping file ${path}: `, '')
      .replace(/ Name them in a mapping file.*$/s, ' Choose the file column for each.');
    throw new UploadRefused('mapping', why, 400, err instanceof MappingRefused ? err.issue : undefined);
  }
  return path;
}

/** A run's files, kept beside (not in) the upload's folder so they outlive it: the report and the rejects. */
interface JobFiles {
  report: string;
  rejects: string | null;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly cancels = new Set<string>();
  /** the running job's abort: a cancel interrupts DuckDB mid-query instead of waiting for the next progress call */
  private readonly aborts = new Map<string, AbortController>();
  private tail: Promise<unknown> = Promise.resolve();

  private readonly files = new Map<string, JobFiles>();

  constructor(
    private readonly db: Db,
    private readonly store: UserStore,
    private readonly hooks: JobHooks = {},
  ) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** The path of a finished run's report or rejects CSV, or null when there is none (yet). */
  download(id: string, what: keyof Job['downloads']): string | null {
    const job = this.jobs.get(id);
    return job?.downloads[what] ? (this.files.get(id)?.[what] ?? null) : null;
  }

  /** Queues a run of `upload` with `mapping`; returns the job at once (the run goes on after the request). */
  async start(upload: Upload, mapping: ImportMapping, opts: RunOptions) {
    if (opts.keepGood && !isRecordImportKind(upload.kind))
      throw new UploadRefused(
        'keepGood',
        'only incidents and applications can be imported without their bad rows: correct or remove those rows',
        400,
        { code: 'records_only' },
      );
    if (opts.sliverM2 !== undefined && !isBoundaryKind(upload.kind))
      throw new UploadRefused('sliverM2', 'is only for boundary files', 400, { code: 'boundary_only' });
    const id = newId();
    const mappingPath = await mappingFile(upload, mapping, id);
    const job: Job = {
      id,
      kind: upload.kind,
      file: { id: upload.id, name: upload.name, bytes: upload.bytes },
      dryRun: opts.dryRun,
      keepGood: opts.keepGood,
      state: 'queued',
      rows: 0,
      bytes: 0,
      percent: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      by: opts.by.username,
      error: null,
      issue: null,
      result: null,
      downloads: { report: false, rejects: false },
    };
    this.jobs.set(id, job);
    this.files.set(id, { report: join(dirname(upload.dir), `${id}.report.json`), rejects: null });
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEPT))) this.forget(old);
    // Outside the request's abort signal: the run outlives the request that started it.
    this.tail = querySignal.exit(() =>
      this.tail.then(() => this.run(job, upload, { path: mappingPath, choices: mapping }, opts)),
    );
    return job;
  }

  /** Asks a run to stop: a queued or reading run stops and changes nothing; a run already writing finishes. */
  cancel(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (job && (job.state === 'queued' || job.state === 'reading')) {
      this.cancels.add(id);
      this.aborts.get(id)?.abort(new Cancelled('cancelled'));
    }
    if (job?.state === 'queued') this.end(job, 'cancelled');
    return job;
  }

  /** Resolves when every queued run has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private forget(id: string): void {
    const f = this.files.get(id);
    this.jobs.delete(id);
    this.files.delete(id);
    for (const path of [f?.report, f?.rejects]) if (path) void rm(path, { force: true });
  }

  private end(job: Job, state: JobState, error: string | null = null, issue: CodedIssue | null = null): void {
    job.state = state;
    job.error = error;
    job.issue = issue;
    job.finishedAt = new Date().toISOString();
  }

  private async run(
    job: Job,
    upload: Upload,
    mapping: { path: string; choices: ImportMapping },
    opts: RunOptions,
  ): Promise<void> {
    if (job.state !== 'queued') return;
    job.state = 'reading';
    const files = this.files.get(job.id) ?? {
      report: join(dirname(upload.dir), `${job.id}.report.json`),
      rejects: null,
    };
    const abort = new AbortController();
    this.aborts.set(job.id, abort);
    try {
      const out = await runUpload(this.db, this.store, upload, mapping, {
        ...opts,
        report: files.report,
        signal: abort.signal,
        progress: (rows, bytes, last) => {
          if (this.cancels.has(job.id)) throw new Cancelled('cancelled');
          job.rows = rows;
          job.bytes = bytes;
          job.percent = upload.bytes > 0 ? Math.min(100, Math.round((100 * bytes) / upload.bytes)) : 100;
          if (last) job.state = 'writing';
        },
      });
      files.rejects = out.rejects;
      job.result = out.result;
      job.percent = 100;
      job.downloads = { report: true, rejects: out.rejects !== null && out.result.rejected > 0 };
      this.end(job, 'done');
      if (out.result.committed) {
        bumpDataEpoch(this.db);
        await this.hooks.committed?.(job);
      }
    } catch (err) {
      if (err instanceof Cancelled || abort.signal.aborted) this.end(job, 'cancelled');
      else this.end(job, 'failed', plain((err as Error).message, upload), failure(err));
    } finally {
      this.cancels.delete(job.id);
      this.aborts.delete(job.id);
      await Promise.resolve(this.hooks.finished?.(job)).catch(() => undefined);
    }
  }
}

/** The coded issue of a run's failure (a file refused by its reader), or null for an error worded only in English. */
function failure(err: unknown): CodedIssue | null {
  if (err instanceof UploadRefused && err.issue?.code)
    return { field: err.field, reason: err.reason, ...err.issue, code: err.issue.code };
  if (err instanceof UnreadableFile && err.why.issue?.code)
    return { field: 'file', reason: err.why.reason, ...err.why.issue, code: err.why.issue.code };
  return null;
}

/** An importer's error as the page shows it: the upload's name instead of its temporary path. */
const plain = (message: string, upload: Upload): string =>
  message.split(upload.path).join(upload.name).split(upload.dir).join('');
