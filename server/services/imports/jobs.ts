// Dry runs and commits of uploaded files inside the running server, one at a time, each a job whose progress the page
// polls. The commit is one DuckDB transaction on the server's own database (data/import/commit.ts): open requests keep
// reading the previous data and see the new only once it is committed; then the data generation is bumped so every
// cache of the data reloads (server/db/per-db.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMapping } from '../../../data/import/mapping.ts';
import { qualityLines } from '../../../data/import/quality-report.ts';
import { importRecords, type RecordImportResult } from '../../../data/import/records.ts';
import { querySignal, type Db } from '../../db/database.ts';
import { bumpDataEpoch } from '../../db/per-db.ts';
import type { ImportMapping } from '../../contract/imports.ts';
import { planColumns } from '../../../data/import/mapping.ts';
import { kindOf } from './preview.ts';
import { newId, UploadRefused, type Upload } from './uploads.ts';

export type JobState = 'queued' | 'reading' | 'writing' | 'done' | 'failed' | 'cancelled';

/** What the page shows of a finished run (the problems capped: all are counted, the report file has them all). */
export type JobResult = Omit<RecordImportResult, 'file' | 'report' | 'rejects'> & {
  /** the geocoding quality report in sentences (data/import/quality-report.ts qualityLines) */
  qualityNotes: string[];
};

export interface Job {
  id: string;
  kind: Upload['kind'];
  file: { id: string; name: string; bytes: number };
  dryRun: boolean;
  keepGood: boolean;
  state: JobState;
  /** data rows read so far, and bytes of the file consumed */
  rows: number;
  bytes: number;
  percent: number;
  startedAt: string;
  finishedAt: string | null;
  by: string;
  error: string | null;
  result: JobResult | null;
}

/** Problems sent to the page (the rest are counted in `problemCount`). */
const PROBLEMS_SHOWN = 500;
/** Finished jobs remembered for the page to read (the imports table keeps every commit). */
const KEPT = 50;

class Cancelled extends Error {}

export interface JobHooks {
  /** after a commit: the data changed (audit it, tell the caches) */
  committed?: (job: Job) => Promise<void> | void;
  /** after any run that ended (done, failed, cancelled) */
  finished?: (job: Job) => Promise<void> | void;
}

/** Checks a mapping against the kind and the file's headers; writes it beside the upload for the importer. */
export async function mappingFile(upload: Upload, mapping: ImportMapping, name: string): Promise<string> {
  const path = join(upload.dir, `${name}.mapping.json`);
  await writeFile(path, JSON.stringify(mapping), { mode: 0o600 });
  const kind = kindOf(upload.kind);
  try {
    planColumns(kind, upload.headers, readMapping(path, kind));
  } catch (err) {
    const why = (err as Error).message
      .replace(`mapping file ${path}: `, '')
      .replace(/ Name them in a mapping file.*$/s, ' Choose the file column for each.');
    throw new UploadRefused('mapping', why);
  }
  return path;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly cancels = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly hooks: JobHooks = {},
  ) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Queues a run of `upload` with `mapping`; returns the job at once (the run goes on after the request). */
  async start(upload: Upload, mapping: ImportMapping, opts: { dryRun: boolean; keepGood: boolean; by: string }) {
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
      by: opts.by,
      error: null,
      result: null,
    };
    this.jobs.set(id, job);
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEPT))) this.jobs.delete(old);
    // Outside the request's abort signal: the run outlives the request that started it.
    this.tail = querySignal.exit(() => this.tail.then(() => this.run(job, upload, mappingPath)));
    return job;
  }

  /** Asks a run to stop: a queued or reading run stops and changes nothing; a run already writing finishes. */
  cancel(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (job && (job.state === 'queued' || job.state === 'reading')) this.cancels.add(id);
    if (job?.state === 'queued') this.end(job, 'cancelled');
    return job;
  }

  /** Resolves when every queued run has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private end(job: Job, state: JobState, error: string | null = null): void {
    job.state = state;
    job.error = error;
    job.finishedAt = new Date().toISOString();
  }

  private async run(job: Job, upload: Upload, mapping: string): Promise<void> {
    if (job.state !== 'queued') return;
    job.state = 'reading';
    try {
      const r = await importRecords(this.db, {
        kind: kindOf(upload.kind),
        file: upload.path,
        mapping,
        dryRun: job.dryRun,
        keepGood: job.keepGood,
        report: join(upload.dir, `${job.id}.report.json`),
        by: job.by,
        progress: (rows, bytes, last) => {
          if (this.cancels.has(job.id)) throw new Cancelled('cancelled');
          job.rows = rows;
          job.bytes = bytes;
          job.percent = upload.bytes > 0 ? Math.min(100, Math.round((100 * bytes) / upload.bytes)) : 100;
          if (last) job.state = 'writing';
        },
      });
      const { file: _file, report: _report, rejects: _rejects, ...rest } = r;
      job.result = {
        ...rest,
        problems: r.problems.slice(0, PROBLEMS_SHOWN).map((p) => ({ ...p, file: upload.name })),
        qualityNotes: r.quality ? qualityLines(r.quality) : [],
      };
      this.end(job, 'done');
      if (r.committed) {
        bumpDataEpoch(this.db);
        await this.hooks.committed?.(job);
      }
    } catch (err) {
      if (err instanceof Cancelled) this.end(job, 'cancelled');
      else this.end(job, 'failed', plain((err as Error).message, upload));
    } finally {
      this.cancels.delete(job.id);
      await Promise.resolve(this.hooks.finished?.(job)).catch(() => undefined);
    }
  }
}

/** An importer's error as the page shows it: the upload's name instead of its temporary path. */
const plain = (message: string, upload: Upload): string =>
  message.split(upload.path).join(upload.name).split(upload.dir).join('');
