// Imports a territory assignment (mahalla code → inspector) as a NEW territory version of each district it touches,
// through the versions service: a draft copied from the plan in force with the file's assignments applied, or, with
// an order (number, date, effective day), submitted and approved so it comes into force. Versions people drew are
// never overwritten; a file that changes nothing against the district's latest version makes no version at all.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../../server/db/database.ts';
import type { Actor, UserStore } from '../../server/store/types.ts';
import { referenceDay } from '../../server/services/territories/in-force.ts';
import { checkContent, plansInForce, type PlanContent } from '../../server/services/territories/content.ts';
import { saveDraft, takeStep, createDraft } from '../../server/services/territories/versions.ts';
import { readCell, readMapping } from './mapping.ts';
import { normalizeLabel, TERRITORIES } from './record-kinds.ts';
import { NO_SUCH_MAHALLA, ProblemLog, said, writeReport, type RowProblem, type Said } from './report.ts';
import { mappedRows } from './source.ts';

export interface TerritoryImportOptions {
  file: string;
  mapping?: string | undefined;
  sheet?: string | undefined;
  dryRun?: boolean;
  report?: string | undefined;
  /** the approving order: the new versions are submitted and approved, in force from `effectiveFrom` */
  order?: { orderNumber: string; orderDate: string; effectiveFrom: string } | undefined;
  by: Actor;
}

export interface DistrictOutcome {
  district: string;
  /** the new version's number; unchanged: the latest version's (null if none); a dry run: null */
  version: number | null;
  status: 'draft' | 'approved' | 'unchanged' | 'dry run';
  /** mahallas whose inspector differs from the plan in force */
  changed: number;
}

export interface TerritoryImportResult {
  committed: boolean;
  file: string;
  sha256: string;
  rowsRead: number;
  problems: RowProblem[];
  problemCount: number;
  districts: DistrictOutcome[];
  report: string;
}

/** One good row: the mahalla (database id) and the inspector who is to cover it. */
export interface Assignment {
  mahalla: number;
  inspector: number;
}

/**
 * A version's content with some mahallas given to inspectors: each goes to the post that inspector holds, or to a new
 * post (numbered after the highest) when they hold none; every other mahalla keeps its post.
 * @example applyAssignments({ posts: [{ id: 1, inspector: 7, label: null }], assignments: [{ mahalla: 3, post: 1 }] }, [{ mahalla: 3, inspector: 8 }])
 * // { posts: [{ id: 1, inspector: 7, label: null }, { id: 2, inspector: 8, label: null }], assignments: [{ mahalla: 3, post: 2 }] }
 */
export function applyAssignments(base: PlanContent, rows: readonly Assignment[]): PlanContent {
  const posts = base.posts.map((p) => ({ ...p }));
  const postOf = new Map(posts.flatMap((p) => (p.inspector === null ? [] : [[p.inspector, p.id] as const])));
  let next = posts.reduce((m, p) => Math.max(m, p.id), 0);
  const by = new Map(base.assignments.map((a) => [a.mahalla, a.post]));
  for (const r of rows) {
    let post = postOf.get(r.inspector);
    if (post === undefined) {
      post = ++next;
      posts.push({ id: post, inspector: r.inspector, label: null });
      postOf.set(r.inspector, post);
    }
    by.set(r.mahalla, post);
  }
  const assignments = [...by].map(([mahalla, post]) => ({ mahalla, post })).sort((a, b) => a.mahalla - b.mahalla);
  return { posts, assignments };
}

/** Who covers each mahalla in a content (inspector id, 0 for a vacant post). */
const holders = (c: PlanContent): Map<number, number> => {
  const inspector = new Map(c.posts.map((p) => [p.id, p.inspector ?? 0]));
  return new Map(c.assignments.map((a) => [a.mahalla, inspector.get(a.post) ?? 0]));
};

/** How many mahallas change hands between two contents (a mahalla in only one of them counts). */
export function changedMahallas(a: PlanContent, b: PlanContent): number {
  const [x, y] = [holders(a), holders(b)];
  let n = 0;
  for (const m of new Set([...x.keys(), ...y.keys()])) if (x.get(m) !== y.get(m)) n++;
  return n;
}

interface Lookups {
  mahalla: Map<string, { id: number; district: string }>;
  inspector: Map<number, { district: string; name: string }>;
}

async function lookups(db: Db): Promise<Lookups> {
  const [ms, is] = await Promise.all([
    db.all<{ id: number; code: string; district: string }>('SELECT id, code, district_soato AS district FROM mahallas'),
    db.all<{ id: number; district: string; name: string }>(
      'SELECT id, district_soato AS district, name FROM inspectors',
    ),
  ]);
  return {
    mahalla: new Map(ms.map((m) => [m.code, { id: m.id, district: m.district }])),
    inspector: new Map(is.map((i) => [i.id, { district: i.district, name: i.name }])),
  };
}

/** The inspector a cell names in a district: their Hamkor id, or their full name (one inspector of that name there). */
function findInspector(l: Lookups, text: string, district: string): number | Said {
  const id = /^\d+$/.test(text) ? Number(text) : NaN;
  const byId = l.inspector.get(id);
  if (byId)
    return byId.district === district
      ? id
      : said(`works in district ${byId.district}, not in ${district}`, 'wrong_district', {
          what: 'inspector',
          id: text,
          district: byId.district,
          expected: district,
        });
  const named = [...l.inspector].filter(
    ([, i]) => i.district === district && normalizeLabel(i.name) === normalizeLabel(text),
  );
  if (named.length === 1) return named[0]![0];
  return named.length > 1
    ? said(`names ${named.length} inspectors of district ${district}: give their id instead`, 'unknown_inspector', {
        how: 'many',
      })
    : said(`is neither the id nor the name of an inspector of district ${district}`, 'unknown_inspector', {
        how: 'none',
      });
}

/** Reads, checks and (unless refused or a dry run) records the file's assignment as new versions. */
export async function importTerritories(
  db: Db,
  store: UserStore,
  opts: TerritoryImportOptions,
): Promise<TerritoryImportResult> {
  const { file } = opts;
  const mapping = readMapping(opts.mapping, TERRITORIES);
  const report = opts.report ?? `${file}.import-report.json`;
  const problems = new ProblemLog(file);
  const l = await lookups(db);
  const hash = createHash('sha256');
  const rows = new Map<string, Assignment[]>();
  const seen = new Map<number, number>();
  let rowsRead = 0;
  const source = mappedRows(db, file, TERRITORIES, mapping, { sheet: opts.sheet, chunk: (b) => void hash.update(b) });
  for await (const { row, cell } of source) {
    rowsRead++;
    const bad = (column: string, why: Said): void =>
      problems.reject([problems.add(row.line, column, cell(column), why)], row.fields);
    const [code, who] = TERRITORIES.columns.map((c) => readCell(c, cell(c.name), new Map()));
    if (!code?.ok || !who?.ok) {
      if (code && !code.ok) bad('mahalla_code', code);
      if (who && !who.ok) bad('inspector', who);
      continue;
    }
    const m = l.mahalla.get(String(code.value));
    if (!m) {
      bad('mahalla_code', NO_SUCH_MAHALLA);
      continue;
    }
    const first = seen.get(m.id);
    if (first !== undefined) {
      bad('mahalla_code', said(`repeats the mahalla of row ${first}`, 'duplicate_mahalla', { row: first }));
      continue;
    }
    seen.set(m.id, row.line);
    const inspector = findInspector(l, String(who.value), m.district);
    if (typeof inspector !== 'number') {
      bad('inspector', inspector);
      continue;
    }
    rows.set(m.district, [...(rows.get(m.district) ?? []), { mahalla: m.id, inspector }]);
  }
  const base = { file, sha256: hash.digest('hex'), rowsRead, report };
  const finish = (committed: boolean, districts: DistrictOutcome[]): TerritoryImportResult => {
    const result = { ...base, committed, problems: problems.kept, problemCount: problems.count, districts };
    writeReport(report, result);
    return result;
  };
  if (problems.count > 0) return finish(false, []);
  const today = await referenceDay(db);
  const inForce = await plansInForce(db, store, [...rows.keys()].sort(), today);
  const outcomes: DistrictOutcome[] = [];
  const name = `Imported from ${basename(file)}`;
  const reason = `imported from ${basename(file)} (SHA-256 ${base.sha256.slice(0, 12)}…)`;
  for (const { district, version, content } of inForce) {
    const next = applyAssignments(content, rows.get(district) ?? []);
    const issues = await checkContent(db, district, next);
    for (const i of issues)
      problems.add(0, i.field, district, { reason: i.reason, issue: { code: i.code, params: i.params } });
    const [latest] = await store.territories.list(district);
    const last = latest ? await store.territories.get(latest.id) : null;
    const changed = changedMahallas(content, next);
    const status = changedMahallas(last ?? content, next) === 0 ? 'unchanged' : 'dry run';
    outcomes.push({
      district,
      version: status === 'unchanged' ? (last?.number ?? version?.number ?? null) : null,
      status,
      changed,
    });
  }
  if (problems.count > 0 || opts.dryRun) return finish(false, outcomes);
  for (const o of outcomes) {
    if (o.status === 'unchanged') continue;
    const made = await createDraft(db, store, { district: o.district, name, reason }, opts.by);
    if (made.status !== 'ok') throw new Error(`district ${o.district}: the draft could not be made (${made.status})`);
    const next = applyAssignments(made.value, rows.get(o.district) ?? []);
    const saved = await saveDraft(
      store,
      made.value.id,
      { version: made.value.version, name, reason, ...next },
      opts.by,
    );
    if (saved.status !== 'ok')
      throw new Error(`district ${o.district}: the draft could not be saved (${saved.status})`);
    let v = saved.value;
    if (opts.order) {
      for (const action of ['submit', 'approve'] as const) {
        const step = await takeStep(db, store, v.id, action, { version: v.version, order: opts.order }, true, opts.by);
        if (step.status !== 'ok')
          throw new Error(
            `district ${o.district}: version ${v.number} was made as a draft but not approved: ${step.status === 'refused' ? `${step.field} ${step.reason}` : step.status}`,
          );
        v = step.value;
      }
    }
    o.version = v.number;
    o.status = v.status === 'approved' ? 'approved' : 'draft';
  }
  return finish(true, outcomes);
}
