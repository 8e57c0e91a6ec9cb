// The records behind a mahalla's numbers, newest first: one page for the screen, or all of them as CSV.
// Incidents list their category and status; applications the registry they were written in and who received them.
import type { Db } from '../db/database.ts';
import type { IncidentListFilter } from '../contract/api.ts';
import { CATEGORY_LABELS, RECEIVER_LABELS, REGISTRY_LABELS } from '../contract/catalog.ts';
import { recordFilter } from './incident-filter.ts';
import { nextDay } from './period.ts';

export interface IncidentRow {
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

export interface IncidentPage {
  mahalla: number;
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  rows: IncidentRow[];
}

/** Largest CSV export, so one click cannot tie the server up; the UI says when a list is longer. */
export const CSV_LIMIT = 100_000;

function query(f: Omit<IncidentListFilter, 'page' | 'pageSize'>): { select: string; from: string; where: string; params: Record<string, string | number> } {
  const r = recordFilter(f);
  const [kind, state] = f.source === 'incidents' ? ['category', 'status'] : ['registry', 'received_by'];
  return {
    select: `SELECT id, strftime(ts, '%Y-%m-%d %H:%M') AS time, ${kind}::VARCHAR AS category, ${state}::VARCHAR AS status, lon, lat`,
    from: r.table,
    where: `mahalla_id = $mahalla AND ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP AND ${r.sql}`,
    params: { mahalla: f.mahalla, from: f.from, end: nextDay(f.to), ...r.params },
  };
}

export async function listIncidents(db: Db, f: IncidentListFilter): Promise<IncidentPage> {
  const q = query(f);
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q.from} WHERE ${q.where}`, q.params);
  const total = count?.n ?? 0;
  const rows = await db.all<IncidentRow>(`${q.select} FROM ${q.from} WHERE ${q.where} ORDER BY ts DESC, id DESC LIMIT $limit OFFSET $offset`, {
    ...q.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize,
  });
  return { mahalla: f.mahalla, total, page: f.page, pageSize: f.pageSize, pages: Math.max(1, Math.ceil(total / f.pageSize)), rows };
}

const csvCell = (v: string | number): string => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

/** All matching records (up to CSV_LIMIT) as CSV with a header row; codes also as readable labels. */
export async function incidentsCsv(db: Db, f: IncidentListFilter): Promise<string> {
  const q = query(f);
  const rows = await db.all<IncidentRow>(`${q.select} FROM ${q.from} WHERE ${q.where} ORDER BY ts DESC, id DESC LIMIT ${CSV_LIMIT}`, q.params);
  const incidents = f.source === 'incidents';
  const lines = [incidents ? 'id,time,category,category_label,status,lon,lat' : 'id,time,registry,registry_label,received_by,received_by_label,lon,lat'];
  for (const r of rows) {
    const cells = incidents
      ? [r.id, r.time, r.category, label(CATEGORY_LABELS, r.category), r.status, r.lon, r.lat]
      : [r.id, r.time, r.category, label(REGISTRY_LABELS, r.category), r.status, label(RECEIVER_LABELS, r.status), r.lon, r.lat];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
