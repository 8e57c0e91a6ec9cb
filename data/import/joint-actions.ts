// Imports joint actions with their services, keyed by the source's id, in one transaction: added, updated (services
// replaced), unchanged; the first import removes the generated demo actions (as records imports do). A row names its
// mahalla by code and its inspector by source id or Hamkor id; services are a list of codes or labels.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Db } from '../../server/db/database.ts';
import { JOINT_ACTION_TYPES, SERVICES } from '../../server/contract/catalog.ts';
import { addProvenance, type ChangeCounts } from './commit.ts';
import { labelTable, readCell, readMapping } from './mapping.ts';
import { normalizeLabel, type RecordColumn, type RecordKind } from './record-kinds.ts';
import { NO_SUCH_MAHALLA, ProblemLog, said, type RowProblem, type Said } from './report.ts';
import { finisher, type ReferenceImportOptions, type ReferenceImportResult } from './reference.ts';
import { mappedRows } from './source.ts';

const count = (name: string, headers: readonly string[]): RecordColumn => ({
  name,
  type: 'id',
  required: true,
  headers,
});

export const JOINT_ACTIONS: RecordKind = {
  name: 'joint_actions',
  table: 'joint_actions',
  time: 'day',
  columns: [
    { name: 'source_id', type: 'id', required: true, headers: ['id', 'номер', '№', 'raqam', 'рақам'] },
    { name: 'day', type: 'time', required: true, headers: ['date', 'day', 'дата', 'sana', 'сана'] },
    {
      name: 'mahalla_code',
      type: 'mahalla',
      required: true,
      headers: ['mahalla', 'mahalla code', 'mahalla kodi', 'маҳалла коди', 'код махалли', 'махалля', 'мфй'],
    },
    { name: 'inspector', type: 'id', required: true, headers: ['inspector', 'inspektor', 'инспектор'] },
    {
      name: 'type',
      type: 'enum',
      required: true,
      sqlEnum: 'joint_action_type',
      headers: ['type', 'turi', 'тури', 'вид мероприятия', 'мероприятие', 'tadbir turi'],
      codes: JOINT_ACTION_TYPES,
      labels: {
        'совместный рейд': 'joint_raid',
        'birgalikdagi reyd': 'joint_raid',
        'биргаликдаги рейд': 'joint_raid',
        'совместное патрулирование': 'joint_patrol',
        'профилактическая беседа': 'preventive_talk',
        'profilaktik suhbat': 'preventive_talk',
        розыск: 'wanted_search',
        'миграционная проверка': 'migration_check',
      },
    },
    count('persons_checked', ['persons checked', 'проверено лиц', 'tekshirilgan shaxslar']),
    count('offences_found', ['offences found', 'выявлено правонарушений', 'aniqlangan huquqbuzarliklar']),
    count('wanted_found', ['wanted found', 'задержано розыскиваемых', 'topilgan qidiruvdagilar']),
    { name: 'services', type: 'id', required: true, headers: ['services', 'службы', 'xizmatlar', 'хизматлар'] },
  ],
};

/** Service labels (besides the codes) in Russian and Uzbek. */
const SERVICE_LABELS: Record<string, string> = {
  'дежурная часть': 'duty_unit',
  'уголовный розыск': 'criminal_investigation',
  'jinoyat qidiruv': 'criminal_investigation',
  следствие: 'investigation',
  tergov: 'investigation',
  дознание: 'inquiry',
  surishtiruv: 'inquiry',
  миграция: 'migration',
  гаи: 'traffic_safety',
  дпс: 'traffic_safety',
  ппс: 'patrol',
  пдн: 'juvenile',
  'по делам несовершеннолетних': 'juvenile',
};
const SERVICE_TABLE = new Map<string, string>([
  ...SERVICES.map((s) => [s, s] as const),
  ...Object.entries(SERVICE_LABELS).map(([l, c]) => [normalizeLabel(l), c] as const),
]);

/**
 * A cell listing services (`;`, `,`, `/` or `+` between them) as codes, or the first name no code matches.
 * @example readServices('Уголовный розыск; ПДН') // { ok: true, codes: ['criminal_investigation', 'juvenile'] }
 */
export function readServices(text: string): { ok: true; codes: string[] } | { ok: false; unknown: string } {
  const codes: string[] = [];
  for (const part of text.split(/[;,/+]/)) {
    const name = part.trim();
    if (name === '') continue;
    const code = SERVICE_TABLE.get(normalizeLabel(name));
    if (!code) return { ok: false, unknown: name };
    if (!codes.includes(code)) codes.push(code);
  }
  return { ok: true, codes };
}

type Action = { source_id: string; day: string; mahalla_id: number; inspector_id: number; type: string } & Record<
  'persons_checked' | 'offences_found' | 'wanted_found',
  number
> & { services: string[] };
const FIELDS = [
  'day',
  'mahalla_id',
  'inspector_id',
  'type',
  'persons_checked',
  'offences_found',
  'wanted_found',
] as const;

export async function importJointActions(db: Db, opts: ReferenceImportOptions): Promise<ReferenceImportResult> {
  const kind = JOINT_ACTIONS;
  const { file } = opts;
  const mapping = readMapping(opts.mapping, kind);
  const report = opts.report ?? `${file}.import-report.json`;
  const problems = new ProblemLog(file);
  const hash = createHash('sha256');
  const mahallas = new Map(
    (await db.all<{ id: number; code: string }>('SELECT id, code FROM mahallas')).map((m) => [m.code, m.id]),
  );
  const [keyed] = await db.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'inspectors' AND column_name = 'source_id'",
  );
  const inspectors = await db.all<{ id: number; sid: string | null }>(
    `SELECT id, ${keyed?.n ? 'source_id' : 'NULL'} AS sid FROM inspectors`,
  );
  const labels = labelTable(
    kind.columns.find((c) => c.name === 'type')!,
    mapping,
  );
  const good: Action[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  const source = mappedRows(db, file, kind, mapping, { sheet: opts.sheet, chunk: (b) => void hash.update(b) });
  for await (const { row, cell } of source) {
    rowsRead++;
    const found: RowProblem[] = [];
    const bad = (column: string, why: Said): void => void found.push(problems.add(row.line, column, cell(column), why));
    const v: Record<string, string | number | null> = {};
    for (const col of kind.columns) {
      const r = readCell(col, cell(col.name), labels);
      if (r.ok) v[col.name] = r.value;
      else bad(col.name, r);
    }
    const a = { services: [] as string[] } as unknown as Action;
    if (found.length === 0) {
      a.source_id = String(v.source_id);
      a.day = String(v.day).slice(0, 10);
      a.type = String(v.type);
      const first = seen.get(a.source_id);
      if (first !== undefined)
        bad('source_id', said(`repeats the id of row ${first}`, 'duplicate_row_id', { row: first }));
      else seen.set(a.source_id, row.line);
      const m = mahallas.get(String(v.mahalla_code));
      if (m === undefined) bad('mahalla_code', NO_SUCH_MAHALLA);
      else a.mahalla_id = m;
      const ref = String(v.inspector);
      const i = inspectors.find((x) => x.sid === ref) ?? inspectors.find((x) => String(x.id) === ref);
      if (!i)
        bad(
          'inspector',
          said('is neither the id nor the Hamkor id of an inspector in the database', 'unknown_reference', {
            what: 'inspector',
            id: ref,
          }),
        );
      else a.inspector_id = i.id;
      for (const k of ['persons_checked', 'offences_found', 'wanted_found'] as const) {
        if (/^\d{1,6}$/.test(String(v[k]))) a[k] = Number(v[k]);
        else bad(k, said('is not a whole number of at most 6 digits', 'out_of_range', { min: 0, max: 999_999 }));
      }
      const s = readServices(String(v.services));
      if (!s.ok)
        bad(
          'services',
          said(`names "${s.unknown}", which is not a service (codes: ${SERVICES.join(', ')})`, 'not_one_of', {
            allowed: SERVICES.join(', '),
          }),
        );
      else if (s.codes.length === 0)
        bad('services', said('names no service: a joint action is held with at least one', 'empty'));
      else a.services = s.codes;
    }
    if (found.length > 0) problems.reject(found, row.fields);
    else good.push(a);
  }
  const base = { file, sha256: hash.digest('hex'), rowsRead, report };
  const finish = finisher(base, problems);
  if (problems.count > 0) return finish(false);
  const c: ChangeCounts = { added: 0, updated: 0, unchanged: 0, removedDemo: 0 };
  await db
    .transaction(async (tx) => {
      await tx.run('ALTER TABLE joint_actions ADD COLUMN IF NOT EXISTS source_id VARCHAR');
      const [demo] = await tx.all<{ n: number }>(
        'SELECT count(*)::INTEGER AS n FROM joint_actions WHERE source_id IS NULL',
      );
      c.removedDemo = demo?.n ?? 0;
      await tx.run(`DELETE FROM joint_action_services WHERE action_id IN (SELECT id FROM joint_actions WHERE source_id IS NULL);
      DELETE FROM joint_actions WHERE source_id IS NULL`);
      const old = new Map(
        (
          await tx.all<Record<string, string | number>>(
            `SELECT a.id, a.source_id, a.day::VARCHAR AS day, a.mahalla_id, a.inspector_id, a.type::VARCHAR AS type,
             a.persons_checked, a.offences_found, a.wanted_found,
             coalesce((SELECT string_agg(s.service::VARCHAR, ',' ORDER BY s.service::VARCHAR) FROM joint_action_services s WHERE s.action_id = a.id), '') AS services
           FROM joint_actions a`,
          )
        ).map((r) => [String(r.source_id), r]),
      );
      const [top] = await tx.all<{ n: number }>('SELECT coalesce(max(id), 0)::INTEGER AS n FROM joint_actions');
      let next = top?.n ?? 0;
      for (const a of good) {
        const was = old.get(a.source_id);
        const services = [...a.services].sort().join(',');
        if (was && FIELDS.every((k) => was[k] === a[k]) && was.services === services) {
          c.unchanged++;
          continue;
        }
        const id = was ? Number(was.id) : ++next;
        if (was) {
          c.updated++;
          await tx.run('DELETE FROM joint_actions WHERE id = $id; ', { id });
          await tx.run('DELETE FROM joint_action_services WHERE action_id = $id', { id });
        } else c.added++;
        await tx.run(
          `INSERT INTO joint_actions (id, ${FIELDS.join(', ')}, source_id) VALUES ($id, ${FIELDS.map((k) => `$${k}`).join(', ')}, $sid)`,
          { id, sid: a.source_id, ...Object.fromEntries(FIELDS.map((k) => [k, a[k]])) },
        );
        await tx.run('INSERT INTO joint_action_services SELECT $id, unnest($s::VARCHAR[])::service_code', {
          id,
          s: a.services,
        });
      }
      await addProvenance(tx, {
        kind: 'joint_actions',
        ...base,
        by: opts.by ?? userInfo().username,
        mapping: JSON.stringify(mapping),
        rejected: 0,
        ...c,
      });
      if (opts.dryRun) throw new DryRun();
    })
    .catch((err: unknown) => {
      if (!(err instanceof DryRun)) throw err;
    });
  return finish(!opts.dryRun, c);
}

class DryRun extends Error {}
