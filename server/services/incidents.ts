// The incidents behind a mahalla's numbers, newest first: one page for the screen, or all of them as CSV.
import type { Db } from '../db/database.ts';
import type { IncidentListFilter } from '../contract/api.ts';
import { CATEGORY_LABELS, type IncidentCategory } from '../contract/catalog.ts';
import { incidentFilter } from './incident-filter.ts';
import { nextDay } from './period.ts';

export interface IncidentRow {
  id: number;
  /** local time, 'YYYY-MM-DD HH:MM' */
  time: string;
  category: IncidentCategory;
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

function where(f: Omit<IncidentListFilter, 'page' | 'pageSize'>): { sql: string; params: Record<string, string | number> } {
  const filter = incidentFilter(f);
  return {
    sql: `mahalla_id = $mahalla AND ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP AND ${filter.sql}`,
    params: { mahalla: f.mahalla, from: f.from, end: nextDay(f.to), ...filter.params },
  };
}

const SELECT = `SELECT id, strftime(ts, '%Y-%m-%d %H:%M') AS time, category::VARCHAR AS category, status::VARCHAR AS status, lon, lat FROM incidents`;

export async function listIncidents(db: Db, f: IncidentListFilter): Promise<IncidentPage> {
  const w = where(f);
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM incidents WHERE ${w.sql}`, w.params);
  const total = count?.n ?? 0;
  const rows = await db.all<IncidentRow>(`${SELECT} WHERE ${w.sql} ORDER BY ts DESC, id DESC LIMIT $limit OFFSET $offset`, {
    ...w.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize,
  });
  return { mahalla: f.mahalla, total, page: f.page, pageSize: f.pageSize, pages: Math.max(1, Math.ceil(total / f.pageSize)), rows };
}

const csvCell = (v: string | number): string => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** All matching incidents (up to CSV_LIMIT) as CSV with a header row; categories also as readable labels. */
export async function incidentsCsv(db: Db, f: IncidentListFilter): Promise<string> {
  const w = where(f);
  const rows = await db.all<IncidentRow>(`${SELECT} WHERE ${w.sql} ORDER BY ts DESC, id DESC LIMIT ${CSV_LIMIT}`, w.params);
  const lines = ['id,time,category,category_label,status,lon,lat'];
  for (const r of rows) {
    lines.push([r.id, r.time, r.category, CATEGORY_LABELS[r.category], r.status, r.lon, r.lat].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
