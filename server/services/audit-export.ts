// The audit log as CSV, newest first, as the admin page's export.
import type { AuditEntry } from '../store/types.ts';
import { csv } from '../shared/csv.ts';

export function auditCsv(rows: ReadonlyArray<AuditEntry & { id: number }>): string {
  return csv(
    ['id', 'at', 'username', 'role', 'action', 'status', 'area', 'params', 'ip'],
    rows.map((r) => [r.id, r.at, r.username, r.role, r.action, r.status, r.area, r.params, r.ip]),
  );
}
