// The records behind a mahalla's numbers, newest first: one page for the screen, or all of them as CSV (with names
// and codes, in the asker's language).
// Incidents list their category and status; applications the registry they were written in and who received them.
import type { Db } from '../../db/database.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import type { SqlPart } from '../../selection/window.ts';
import { csv } from '../../shared/csv.ts';
import { csvStyle, exportWord } from '../export/text.ts';
import { displayName } from '../../shared/uz-names.ts';
import type { Locale } from '../../../web/i18n/locales.ts';
import type { MessageId } from '../../../web/i18n/messages.ts';

export interface RecordRow {
  id: number;
  /** local time, 'YYYY-MM-DD HH:MM' */
  time: string;
  /** incident category code, or an application's registry code */
  category: string;
  /** incident status, or who received the application */
  status: string;
  lon: number;
  lat: number;
}

export interface RecordPage {
  mahalla: number;
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  rows: RecordRow[];
}

/** Largest CSV export, so one click cannot tie the server up; the UI says when a list is longer. */
export const CSV_LIMIT = 100_000;

function query(sel: Selection, extra = ''): { select: string; where: SqlPart } {
  const [kind, state] = sel.source === 'incidents' ? ['category', 'status'] : ['registry', 'received_by'];
  return {
    select: `SELECT id, strftime(ts, '%Y-%m-%d %H:%M') AS time, ${kind}::VARCHAR AS category, ${state}::VARCHAR AS status, lon, lat${extra} FROM ${sel.table}`,
    where: recordsWhere(sel),
  };
}

/** One page of the selection's records (of its one mahalla), newest first. */
export async function listRecords(
  db: Db,
  sel: Selection & { mahalla: number },
  page: { page: number; pageSize: number },
): Promise<RecordPage> {
  const q = query(sel);
  const [count] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM ${sel.table} WHERE ${q.where.sql}`,
    q.where.params,
  );
  const total = count?.n ?? 0;
  const rows = await db.all<RecordRow>(
    `${q.select} WHERE ${q.where.sql} ORDER BY ts DESC, id DESC LIMIT $limit OFFSET $offset`,
    {
      ...q.where.params,
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    },
  );
  return {
    mahalla: sel.mahalla,
    total,
    page: page.page,
    pageSize: page.pageSize,
    pages: Math.max(1, Math.ceil(total / page.pageSize)),
    rows,
  };
}

/** One exported record: the record, then where it happened and who covers that mahalla, by name and by code. */
interface ExportRow extends RecordRow {
  code: string | null;
  mahalla: string | null;
  districtCode: string | null;
  district: string | null;
  districtRu: string | null;
  districtCyrl: string | null;
  inspectorId: number | null;
  inspector: string | null;
}

/**
 * All the selection's records (up to CSV_LIMIT) as CSV in the asker's language: translated headers and labels, the
 * mahalla's code and name, its district and inspector (names in the script of the language), that language's list
 * separator and a BOM, so Excel set to Russian or Uzbek opens it in columns.
 */
export async function recordsCsv(db: Db, sel: Selection, locale: Locale = 'en'): Promise<string> {
  const q = query(sel, ', mahalla_id, ts');
  // The records first (their predicate names bare columns), then the names joined to that short list.
  const rows = await db.all<ExportRow>(
    `WITH r AS (${q.select} WHERE ${q.where.sql} ORDER BY ts DESC, id DESC LIMIT ${CSV_LIMIT})
     SELECT r.id, r.time, r.category, r.status, r.lon, r.lat, m.code, m.name AS mahalla, d.soato AS "districtCode",
            d.name_uz AS district, d.name_ru AS "districtRu",
            d.name_uz_cyrl AS "districtCyrl", i.id AS "inspectorId", i.name AS inspector
     FROM r LEFT JOIN mahallas m ON m.id = r.mahalla_id LEFT JOIN districts d ON d.soato = m.district_soato
       LEFT JOIN territory_assignment ta ON ta.mahalla_id = r.mahalla_id LEFT JOIN inspectors i ON i.id = ta.inspector_id
     ORDER BY r.ts DESC, r.id DESC`,
    q.where.params,
  );
  const w = (id: string): string => exportWord(locale, id as MessageId);
  const name = (n: string | null, ru?: string | null, cyrl?: string | null): string | null =>
    n === null ? null : displayName(n, locale, ru, cyrl);
  const incidents = sel.source === 'incidents';
  const header = [
    'id',
    w('export.col.time'),
    w('export.col.mahallaCode'),
    w('export.col.mahalla'),
    w('export.col.districtCode'),
    w('export.col.district'),
    w('export.col.inspectorId'),
    w('export.col.inspector'),
    w(incidents ? 'export.col.category' : 'export.col.registry'),
    w(incidents ? 'export.col.status' : 'export.col.receivedBy'),
    w('export.col.lon'),
    w('export.col.lat'),
  ];
  const [kind, state] = incidents ? ['category', 'status'] : ['registry', 'receiver'];
  return csv(
    header,
    rows.map((r) => [
      r.id,
      r.time,
      r.code,
      name(r.mahalla),
      r.districtCode,
      name(r.district, r.districtRu, r.districtCyrl),
      r.inspectorId,
      name(r.inspector),
      w(`catalog.${kind}.${r.category}`),
      w(`catalog.${state}.${r.status}`),
      r.lon,
      r.lat,
    ]),
    csvStyle(locale),
  );
}
