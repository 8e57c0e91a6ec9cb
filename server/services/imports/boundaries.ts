// Boundary files on the import page: the preview (the file's fields with samples, the field Hamkor proposes for each
// role) and the run (read, check every feature, report overlaps and gaps, snap slivers, write a new boundary version
// in one transaction) through the boundary importer's own functions (data/import/boundaries/).
import { area } from '@turf/turf';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from '../../db/database.ts';
import type { BoundaryKind, ImportMapping } from '../../contract/imports.ts';
import {
  DEFAULT_FIELDS,
  listFields,
  resolveFields,
  ROLES,
  type FieldInfo,
  type FieldMapping,
  type Role,
} from '../../../data/import/boundaries/fields.ts';
import { ImportError } from '../../../data/import/boundaries/problems.ts';
import { readBoundaryFile, type BoundaryFile } from '../../../data/import/boundaries/read.ts';
import { checkTopology, SLIVER_M2, type TopologyFinding } from '../../../data/import/boundaries/topology.ts';
import { LEVELS, validateBoundaries, type BoundaryItem } from '../../../data/import/boundaries/validate.ts';
import { replaceMahallas, type ReplaceReport } from '../../../data/import/boundaries/versions.ts';
import { replaceAreas, type AreaReport } from '../../../data/import/boundaries/areas.ts';
import { UnreadableFile, type RowProblem } from '../../../data/import/report.ts';
import type { Coded } from '../../contract/issues.ts';
import type { BoundaryRecord } from '../../../data/import/commit.ts';
import { prepareOffThread } from './boundary-thread.ts';
import { UploadRefused, type Upload } from './uploads.ts';

export interface BoundaryPreview {
  shape: 'boundary';
  file: {
    id: string;
    name: string;
    bytes: number;
    kind: BoundaryKind;
    format: BoundaryFile['format'];
    /** the coordinate system read from the file (or given), e.g. 'UTM zone 42N (EPSG:32642)' */
    crs: string;
    encoding: string | null;
    features: number;
  };
  /** every field of the file with how many features fill it and a few values */
  fields: FieldInfo[];
  /** what Hamkor reads (code, name, parent, counts) and the field it proposes for each */
  roles: Array<{ name: Role; required: boolean; proposed: string | null }>;
}

/** What a boundary run found and wrote (or would write). */
export interface BoundaryOutcome {
  features: number;
  /** overlaps and gaps above the tolerance, left as they are */
  findings: TopologyFinding[];
  /** slivers at or below the tolerance, snapped, and their area in all */
  snapped: number;
  snappedM2: number;
  sliverM2: number;
  /** the new boundary version (null when refused) */
  version: number | null;
  mahallas: ReplaceReport | null;
  areas: AreaReport | null;
}

/** The roles a level's file fills (regions have no parent). */
const rolesOf = (kind: BoundaryKind): readonly Role[] =>
  LEVELS[kind].parent ? ROLES : ROLES.filter((r) => r !== 'parent');
const defaultsOf = (kind: BoundaryKind): Record<Role, string> => ({
  ...DEFAULT_FIELDS,
  parent: LEVELS[kind].parent ?? 'parent',
});

/**
 * The code of a file that cannot be read: the reader's own (no .prj, an unsupported system, not GeoJSON …), else the
 * general "cannot be read" (a damaged file, whose parser words the reason in English).
 */
function unreadable(err: unknown, file: string): Coded {
  const first = err instanceof ImportError ? err.problems[0] : undefined;
  if (first?.code) return { code: first.code, params: first.params };
  if (err instanceof UnreadableFile && err.why.issue) return err.why.issue;
  return { code: 'file_unreadable', params: { file } };
}

async function read(upload: Pick<Upload, 'path' | 'name' | 'crs'>): Promise<BoundaryFile> {
  try {
    return await readBoundaryFile(upload.path, upload.crs);
  } catch (err) {
    const message =
      err instanceof ImportError ? err.problems.map((p) => p.reason).join('; ') : (err as Error).message.split('\n')[0];
    const why = (message ?? '').replace('with --crs', 'in “Coordinate system” (an EPSG code)');
    throw new UploadRefused('file', `${upload.name}: ${why}`, 400, unreadable(err, upload.name));
  }
}

/** The preview of an uploaded boundary file; a file that cannot be read is refused naming why. */
export async function previewBoundary(upload: Omit<Upload, 'headers'>): Promise<BoundaryPreview> {
  const kind = upload.kind as BoundaryKind;
  const bf = await read(upload);
  const fields = listFields(bf.features);
  if (bf.features.length === 0)
    throw new UploadRefused('file', `${upload.name}: the file holds no features`, 400, {
      code: 'no_features',
      params: { file: upload.name },
    });
  const { fields: proposed } = resolveFields(
    fields.map((f) => f.field),
    {},
    defaultsOf(kind),
  );
  return {
    shape: 'boundary',
    file: {
      id: upload.id,
      name: upload.name,
      bytes: upload.bytes,
      kind,
      format: bf.format,
      crs: `${bf.crs.name} (EPSG:${bf.crs.code})`,
      encoding: bf.encoding ?? null,
      features: bf.features.length,
    },
    fields,
    roles: rolesOf(kind).map((name) => ({
      name,
      required: name === 'code' || name === 'name' || name === 'parent',
      proposed: proposed[name] ?? null,
    })),
  };
}

/** A page's role → field choices as the importer's field mapping; an unknown role or field is refused by name. */
export function fieldMapping(kind: BoundaryKind, fields: readonly string[], m: ImportMapping): FieldMapping {
  const out: FieldMapping = {};
  for (const [role, field] of Object.entries(m.columns)) {
    if (!(rolesOf(kind) as readonly string[]).includes(role))
      throw new UploadRefused('mapping', `"${role}" is not something Hamkor reads from ${kind} files`, 400, {
        code: 'mapping_unknown_column',
        params: { column: role },
      });
    if (!fields.includes(field))
      throw new UploadRefused('mapping', `the field "${field}" chosen for ${role} is not in the file`, 400, {
        code: 'mapping_field_missing',
        params: { field },
      });
    out[role as Role] = field;
  }
  return out;
}

const sha256Of = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/** The value a problem names, read back from the feature it is about ('' for the file or the geometry). */
function valueOf(bf: BoundaryFile, row: number, column: string): string {
  const v: unknown = bf.features[row - 1]?.props[column];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export interface BoundaryRun {
  problems: RowProblem[];
  outcome: BoundaryOutcome;
  sha256: string;
  committed: boolean;
}

/** What the checks of a boundary file found: its problems, or its features ready to write with the topology found. */
export interface Prepared {
  problems: RowProblem[];
  items: BoundaryItem[];
  outcome: BoundaryOutcome;
}

/** The worker's input (boundary-worker.ts): everything the checks need, none of it the database. */
export interface PrepareInput {
  upload: Pick<Upload, 'path' | 'name' | 'crs' | 'kind'>;
  mapping: FieldMapping;
  parents: string[];
  sliverM2: number;
}

/**
 * Reads an uploaded boundary file and checks every feature and the topology between neighbours, snapping slivers:
 * the seconds of CPU of a national file, run on a worker thread (boundary-worker.ts) so the server keeps answering.
 */
export async function prepareBoundary(
  input: PrepareInput,
  step: (percent: number, features: number) => void,
): Promise<Prepared> {
  const { upload, mapping, sliverM2 } = input;
  const kind = upload.kind as BoundaryKind;
  const bf = await read(upload);
  step(20, bf.features.length);
  const checked = validateBoundaries(bf, LEVELS[kind], mapping, new Set(input.parents));
  const outcome: BoundaryOutcome = {
    features: bf.features.length,
    findings: [],
    snapped: 0,
    snappedM2: 0,
    sliverM2,
    version: null,
    mahallas: null,
    areas: null,
  };
  const problems = checked.problems.map((p) => ({ ...p, value: valueOf(bf, p.row, p.column) }));
  if (problems.length > 0) return { problems, items: [], outcome };
  step(40, bf.features.length);
  const t = checkTopology(
    checked.items.map((m) => m.geometry),
    sliverM2,
  );
  outcome.findings = t.issues;
  outcome.snapped = t.snapped.length;
  outcome.snappedM2 = t.snapped.reduce((a, f) => a + f.areaM2, 0);
  const items: BoundaryItem[] = checked.items.map((m, i) => {
    const g = t.geometries[i] ?? m.geometry;
    return g === m.geometry ? m : { ...m, geometry: g, areaKm2: area(g) / 1e6 };
  });
  return { problems, items, outcome };
}

/**
 * Checks an uploaded boundary file (on a worker thread) and, unless a feature has a problem, writes it as a new
 * boundary version (a dry run rolls back the same transaction); `step` is told each phase (0–100).
 */
export async function runBoundary(
  db: Db,
  upload: Upload,
  mapping: FieldMapping,
  opts: {
    dryRun: boolean;
    sliverM2?: number | undefined;
    record?: BoundaryRecord;
    step: (percent: number, features: number) => void;
  },
): Promise<BoundaryRun> {
  const kind = upload.kind as BoundaryKind;
  const sha256 = await sha256Of(upload.path);
  const parentTable = kind === 'mahallas' ? 'districts' : 'regions';
  const parents = (await db.all<{ s: string }>(`SELECT soato AS s FROM ${parentTable}`)).map((r) => r.s);
  const input: PrepareInput = {
    upload: { path: upload.path, name: upload.name, crs: upload.crs, kind: upload.kind },
    mapping,
    parents,
    sliverM2: opts.sliverM2 ?? SLIVER_M2,
  };
  const { problems, items, outcome } = await prepareOffThread(input, opts.step);
  if (problems.length > 0) return { problems, outcome, sha256, committed: false };
  opts.step(70, outcome.features);
  const info = { file: upload.name, sha256, dryRun: opts.dryRun, record: opts.record };
  if (kind === 'mahallas') {
    outcome.mahallas = await replaceMahallas(db, items, info);
    outcome.version = outcome.mahallas.version;
  } else {
    outcome.areas = await replaceAreas(db, kind, items, info);
    outcome.version = outcome.areas.version;
  }
  return { problems, outcome, sha256, committed: !opts.dryRun };
}
