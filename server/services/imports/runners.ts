// One run of an upload, whatever it holds: records (incidents, applications), the reference lists (inspectors, base
// points, joint actions), a territory assignment (new versions in the user store) or boundaries (a new boundary
// version). Each calls the importer the command line calls and returns the same result shape for the page.
import { qualityLines } from '../../../data/import/quality-report.ts';
import { importRecords } from '../../../data/import/records.ts';
import { importReference } from '../../../data/import/reference.ts';
import { importJointActions } from '../../../data/import/joint-actions.ts';
import { importTerritories, type DistrictOutcome } from '../../../data/import/territory.ts';
import { BASE_POINTS, INSPECTORS } from '../../../data/import/record-kinds.ts';
import type { RowProblem } from '../../../data/import/report.ts';
import { writeReport } from '../../../data/import/report.ts';
import type { Db } from '../../db/database.ts';
import type { UserStore } from '../../store/types.ts';
import type { Actor } from '../../store/versioned.ts';
import type { BoundaryKind, ImportMapping } from '../../contract/imports.ts';
import { runBoundary, fieldMapping, type BoundaryOutcome } from './boundaries.ts';
import { kindOf } from './preview.ts';
import type { Upload } from './uploads.ts';

/** What the page shows of a finished run (the problems capped: all are counted, the report file has them all). */
export interface JobResult {
  committed: boolean;
  sha256: string;
  /** rows (or features) read, those without a problem, those refused */
  rowsRead: number;
  rowsGood: number;
  rejected: number;
  problemCount: number;
  problems: RowProblem[];
  /** per column: the file's words no code matched, with their counts */
  unmapped: Record<string, Array<{ value: string; rows: number }>>;
  /** the file's columns Hamkor does not read (records) */
  ignoredColumns: string[];
  added?: number | undefined;
  updated?: number | undefined;
  unchanged?: number | undefined;
  removedDemo?: number | undefined;
  /** the geocoding quality report in sentences (data/import/quality-report.ts qualityLines) */
  qualityNotes: string[];
  /** territory assignments: what each district the file touches got */
  districts: DistrictOutcome[] | null;
  /** boundary files: the version, moved records, overlaps and gaps */
  boundary: BoundaryOutcome | null;
}

export interface RunContext {
  dryRun: boolean;
  keepGood: boolean;
  sliverM2?: number | undefined;
  by: Actor;
  /** the JSON report's path; the rejects CSV (keepGood) goes beside it */
  report: string;
  /** aborted when the run is cancelled: a record import stops at once, even inside a DuckDB query */
  signal?: AbortSignal | undefined;
  /** rows read, bytes consumed, whether reading is over (throw to cancel) */
  progress: (rows: number, bytes: number, last: boolean) => void;
}

export interface RunOutput {
  result: JobResult;
  /** the rejected rows' CSV, when the good rows were imported */
  rejects: string | null;
}

/** Problems sent to the page (the rest are counted in `problemCount`). */
const PROBLEMS_SHOWN = 500;

const shown = (problems: readonly RowProblem[], name: string): RowProblem[] =>
  problems.slice(0, PROBLEMS_SHOWN).map((p) => ({ ...p, file: name }));
const rowsWith = (problems: readonly RowProblem[]): number => new Set(problems.map((p) => p.row)).size;
const EMPTY = { unmapped: {}, ignoredColumns: [], qualityNotes: [], districts: null, boundary: null };

/** The page's result of an all-or-nothing import (reference lists, territory assignments): rows with a problem are refused. */
function refused(
  r: { committed: boolean; sha256: string; rowsRead: number; problemCount: number; problems: readonly RowProblem[] },
  name: string,
): JobResult {
  const rejected = rowsWith(r.problems);
  return {
    ...EMPTY,
    committed: r.committed,
    sha256: r.sha256,
    rowsRead: r.rowsRead,
    rowsGood: r.rowsRead - rejected,
    rejected,
    problemCount: r.problemCount,
    problems: shown(r.problems, name),
  };
}

/** Runs `upload` with its mapping (a file for table kinds, the page's choices for boundaries). */
export async function runUpload(
  db: Db,
  store: UserStore,
  upload: Upload,
  mapping: { path: string; choices: ImportMapping },
  ctx: RunContext,
): Promise<RunOutput> {
  const base = { file: upload.path, mapping: mapping.path, dryRun: ctx.dryRun, report: ctx.report };
  const name = upload.name;
  switch (upload.kind) {
    case 'incidents':
    case 'applications': {
      const r = await importRecords(db, {
        ...base,
        kind: kindOf(upload.kind),
        keepGood: ctx.keepGood,
        by: ctx.by.username,
        progress: ctx.progress,
        signal: ctx.signal,
      });
      const { file: _f, report: _r, rejects, quality, format: _fmt, ...rest } = r;
      const result = { ...rest, problems: shown(r.problems, name), qualityNotes: quality ? qualityLines(quality) : [] };
      return { result: { ...result, districts: null, boundary: null }, rejects: rejects ?? null };
    }
    case 'inspectors':
    case 'base_points':
    case 'joint_actions': {
      const o = { ...base, by: ctx.by.username };
      const r =
        upload.kind === 'joint_actions'
          ? await importJointActions(db, o)
          : await importReference(db, upload.kind === 'inspectors' ? INSPECTORS : BASE_POINTS, o);
      ctx.progress(r.rowsRead, upload.bytes, true);
      const { added, updated, unchanged, removedDemo } = r;
      return { result: { ...refused(r, name), added, updated, unchanged, removedDemo }, rejects: null };
    }
    case 'territories': {
      const r = await importTerritories(db, store, { ...base, by: ctx.by });
      ctx.progress(r.rowsRead, upload.bytes, true);
      return { result: { ...refused(r, name), districts: r.districts }, rejects: null };
    }
    default:
      return { result: await boundary(db, upload, mapping.choices, ctx), rejects: null };
  }
}

async function boundary(db: Db, upload: Upload, choices: ImportMapping, ctx: RunContext): Promise<JobResult> {
  const kind = upload.kind as BoundaryKind;
  const fields = fieldMapping(kind, upload.headers, choices);
  const r = await runBoundary(db, upload, fields, {
    dryRun: ctx.dryRun,
    sliverM2: ctx.sliverM2,
    // Listed with the other imports (who, mapping), in the transaction that writes the version.
    record: { by: ctx.by.username, mapping: JSON.stringify(fields) },
    step: (percent, features) => ctx.progress(features, Math.round((percent / 100) * upload.bytes), percent >= 70),
  });
  const rejected = rowsWith(r.problems.filter((p) => p.row > 0));
  const result: JobResult = {
    ...EMPTY,
    committed: r.committed,
    sha256: r.sha256,
    rowsRead: r.outcome.features,
    rowsGood: r.problems.length > 0 ? r.outcome.features - rejected : r.outcome.features,
    rejected,
    problemCount: r.problems.length,
    problems: shown(r.problems, upload.name),
    boundary: r.outcome,
  };
  writeReport(ctx.report, { kind, file: upload.name, ...result, problems: r.problems });
  return result;
}
