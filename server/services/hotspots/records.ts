// The records behind a mahalla's numbers, newest first: one page for the screen, or all of them as CSV.
// Incidents list their category and status; applications the registry they were written in and who received them.
import type { Db } from '../../db/database.ts';
import { CATEGORY_LABELS, RECEIVER_LABELS, REGISTRY_LABELS } from '../../contract/catalog.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import type { SqlPart } from '../../selection/window.ts';
import { csv } from '../csv.ts';

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

function query(sel: Selection): { select: string; where: SqlPart } {
  const [kind, state] = sel.source === 'incidents' ? ['category', 'status'] : ['registry', 'received_by'];
  return {
    select: `SELECT id, strftime(ts, '%Y-%m-%d %H:%M') AS time, ${kind}::VARCHAR AS category, ${state}::VARCHAR AS status, lon, lat FROM ${sel.table}`,
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

const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

/** All the selection's records (up to CSV_LIMIT) as CSV with a header row; codes also as readable labels. */
export async function recordsCsv(db: Db, sel: Selection): Promise<string> {
  const q = query(sel);
  const rows = await db.all<RecordRow>(
    `${q.select} WHERE ${q.where.sql} ORDER BY ts DESC, id DESC LIMIT ${CSV_LIMIT}`,
    q.where.params,
  );
  if (sel.source === 'incidents') {
    return csv(
      ['id', 'time', 'category', 'category_label', 'status', 'lon', 'lat'],
      rows.map((r) => [r.id, r.time, r.category, label(CATEGORY_LABELS, r.category), r.status, r.lon, r.lat]),
    );
  }
  return csv(
    ['id', 'time', 'registry', 'registry_label', 'received_by', 'received_by_label', 'lon', 'lat'],
    rows.map((r) => [
      r.id,
      r.time,
      r.category,
      label(REGISTRY_LABELS, r.category),
      r.status,
      label(RECEIVER_LABELS, r.status),
      r.lon,
      r.lat,
    ]),
  );
}
