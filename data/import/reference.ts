// Imports base points and inspectors, keyed by the source's own id: new ones are added (ids after the highest),
// changed ones updated, equal ones left alone, in one transaction; one bad row refuses the file. Rows already in the
// database that the file does not name (the demo's among them) stay: territory versions, accounts and joint actions
// refer to them by id.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Db } from '../../server/db/database.ts';
import { addProvenance, type ChangeCounts } from './commit.ts';
import { crsFromCode, implausible, toWgs84, WGS84 } from './crs.ts';
import { readCell, readMapping } from './mapping.ts';
import { loadPlaces } from './place.ts';
import { BASE_POINTS, type RecordKind } from './record-kinds.ts';
import { ProblemLog, said, writeReport, type RowProblem, type Said } from './report.ts';
import { mappedRows } from './source.ts';
import { normalizeUzName } from '../../server/shared/uz-names.ts';

export interface ReferenceImportOptions {
  file: string;
  mapping?: string | undefined;
  sheet?: string | undefined;
  dryRun?: boolean | undefined;
  report?: string | undefined;
  crs?: number | string | undefined;
  /** who imports, for the `imports` table (default: the operating-system user) */
  by?: string | undefined;
}

export interface ReferenceImportResult extends Partial<ChangeCounts> {
  committed: boolean;
  file: string;
  sha256: string;
  rowsRead: number;
  problems: RowProblem[];
  problemCount: number;
  report: string;
}

type Row = Record<string, string | number | null>;

/** The stored columns of each kind, in table order after `id` (and before `source_id`). */
const STORED: Record<'base_points' | 'inspectors', readonly string[]> = {
  base_points: ['name', 'district_soato', 'mahalla_id', 'lon', 'lat'],
  inspectors: ['name', 'rank', 'district_soato', 'base_point_id'],
};

export async function importReference(
  db: Db,
  kind: RecordKind,
  opts: ReferenceImportOptions,
): Promise<ReferenceImportResult> {
  if (kind.name !== 'base_points' && kind.name !== 'inspectors')
    throw new Error(`${kind.name} is not a reference kind`);
  const table = kind.name;
  const { file } = opts;
  const mapping = readMapping(opts.mapping, kind);
  const report = opts.report ?? `${file}.import-report.json`;
  const problems = new ProblemLog(file);
  const hash = createHash('sha256');
  const districts = new Set((await db.all<{ s: string }>('SELECT soato AS s FROM districts')).map((r) => r.s));
  // Inspectors name base points by the source's id, a column the first base point import adds.
  const [keyed] = await db.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'base_points' AND column_name = 'source_id'",
  );
  const bases = await db.all<{ id: number; source_id: string | null; district: string }>(
    `SELECT id, ${keyed?.n ? 'source_id' : 'NULL'} AS source_id, district_soato AS district FROM base_points`,
  );
  const places = kind === BASE_POINTS ? await loadPlaces(db) : null;
  const crs = opts.crs === undefined ? WGS84 : crsFromCode(opts.crs);
  const project = toWgs84(crs);
  const good: Row[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  const source = mappedRows(db, file, kind, mapping, { sheet: opts.sheet, chunk: (b) => void hash.update(b) });
  for await (const { row, cell } of source) {
    rowsRead++;
    const found: RowProblem[] = [];
    const bad = (column: string, why: Said, value = cell(column)): void =>
      void found.push(problems.add(row.line, column, value, why));
    const v: Row = {};
    for (const col of kind.columns) {
      const r = readCell(col, cell(col.name), new Map(), crs !== WGS84);
      if (r.ok) v[col.name] = r.value;
      else bad(col.name, r);
    }
    if (typeof v.name === 'string') v.name = normalizeUzName(v.name); // one apostrophe in stored names
    if (found.length === 0) {
      const id = String(v.source_id);
      const first = seen.get(id);
      if (first !== undefined)
        bad('source_id', said(`repeats the id of row ${first}`, 'duplicate_row_id', { row: first }));
      else seen.set(id, row.line);
      if (!districts.has(String(v.district_soato)))
        bad('district_soato', said('is not the SOATO code of a district in the database', 'unknown_district_code'));
      if (places) {
        const [lon, lat] = project(Number(v.lon), Number(v.lat));
        const why = implausible(lon, lat, crs);
        if (why) bad('lon/lat', why, `${v.lon}, ${v.lat}`);
        const m = places.index.locateMany(Float64Array.of(lon), Float64Array.of(lat))[0]!;
        Object.assign(v, { lon, lat, mahalla_id: m < 0 ? null : places.ids[m]! });
      } else {
        const ref = String(v.base_point);
        const b = bases.find((x) => x.source_id === ref) ?? bases.find((x) => String(x.id) === ref);
        const expected = String(v.district_soato);
        if (!b)
          bad(
            'base_point',
            said('is neither the id nor the Hamkor id of a base point in the database', 'unknown_reference', {
              what: 'base_point',
              id: ref,
            }),
          );
        else if (b.district !== expected)
          bad(
            'base_point',
            said(`lies in district ${b.district}, not in ${expected}`, 'wrong_district', {
              what: 'base_point',
              id: ref,
              district: b.district,
              expected,
            }),
          );
        else v.base_point_id = b.id;
      }
    }
    if (found.length > 0) problems.reject(found, row.fields);
    else good.push(v);
  }
  const base = { file, sha256: hash.digest('hex'), rowsRead, report };
  const finish = finisher(base, problems);
  if (problems.count > 0) return finish(false);
  const cols = STORED[table];
  const counts = await db
    .transaction(async (tx) => {
      await tx.run(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS source_id VARCHAR`);
      const old = new Map(
        (await tx.all<Row>(`SELECT id, source_id, ${cols.join(', ')} FROM ${table} WHERE source_id IS NOT NULL`)).map(
          (r) => [String(r.source_id), r],
        ),
      );
      const [top] = await tx.all<{ n: number }>(`SELECT coalesce(max(id), 0)::INTEGER AS n FROM ${table}`);
      let next = top?.n ?? 0;
      const c = { added: 0, updated: 0, unchanged: 0, removedDemo: 0 };
      for (const v of good) {
        const params = Object.fromEntries(cols.map((k) => [k, v[k] ?? null]));
        const was = old.get(String(v.source_id));
        if (!was) {
          c.added++;
          await tx.run(
            `INSERT INTO ${table} (id, source_id, ${cols.join(', ')}) VALUES ($id, $sid, ${cols.map((k) => `$${k}`).join(', ')})`,
            { id: ++next, sid: String(v.source_id), ...params },
          );
        } else if (cols.some((k) => (was[k] ?? null) !== (v[k] ?? null))) {
          c.updated++;
          await tx.run(`UPDATE ${table} SET ${cols.map((k) => `${k} = $${k}`).join(', ')} WHERE id = $id`, {
            id: Number(was.id),
            ...params,
          });
        } else c.unchanged++;
      }
      await addProvenance(tx, {
        kind: table,
        ...base,
        by: opts.by ?? userInfo().username,
        mapping: JSON.stringify(mapping),
        rejected: 0,
        ...c,
      });
      if (opts.dryRun) throw new DryRun(c);
      return c;
    })
    .catch((err: unknown) => {
      if (err instanceof DryRun) return err.counts;
      throw err;
    });
  return finish(!opts.dryRun, counts);
}

/** Rolls a dry run's transaction back, carrying what it would have changed. */
class DryRun extends Error {
  constructor(readonly counts: ChangeCounts) {
    super('dry run');
  }
}

/**
 * The end of a reference or joint-action import: its result (committed or not, counts, problems), written to the
 * report file as it is returned.
 * @example const finish = finisher(base, problems); return finish(true, counts);
 */
export function finisher(
  base: Pick<ReferenceImportResult, 'file' | 'sha256' | 'rowsRead'> & { report: string },
  problems: ProblemLog,
): (committed: boolean, counts?: ChangeCounts) => ReferenceImportResult {
  return (committed, counts) => {
    const result = { ...base, ...counts, committed, problems: problems.kept, problemCount: problems.count };
    writeReport(base.report, result);
    return result;
  };
}
