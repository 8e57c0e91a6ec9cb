// The audit log as CSV, newest first, as the admin page's export: in the administrator's language (the page's headers
// and role names, that language's list separator and a UTF-8 BOM); actions, statuses and parameters as stored, since
// they are what an inquiry searches for. The area reads as on the page: a request narrowed to no area is the whole
// country ('all' is how it is stored).
import type { AuditEntry } from '../store/types.ts';
import { csv, csvStyle } from '../shared/csv.ts';
import { ROLES, type Role } from '../contract/access.ts';
import { translator } from '../../web/i18n/translate.ts';
import type { Locale } from '../../web/i18n/locales.ts';

/**
 * The rows as CSV in `locale` (English, with commas, when the link names no language).
 * @example auditCsv(rows, 'ru').split('\n')[0] // '\uFEFF№;Время;Пользователь;Роль;…'
 */
export function auditCsv(rows: ReadonlyArray<AuditEntry & { id: number }>, locale: Locale = 'en'): string {
  const t = translator(locale);
  // A role no longer known (an old row) as it is stored, as on the page.
  const role = (r: string | null): string | null =>
    r && (ROLES as readonly string[]).includes(r) ? t(`role.${r as Role}`) : r;
  return csv(
    [
      t('admin.audit.col.id'),
      t('admin.audit.col.time'),
      t('admin.audit.col.user'),
      t('admin.audit.col.role'),
      t('admin.audit.col.action'),
      t('admin.audit.col.status'),
      t('admin.audit.col.area'),
      t('admin.audit.col.params'),
      t('admin.audit.col.ip'),
    ],
    rows.map((r) => [
      r.id,
      r.at,
      r.username,
      role(r.role),
      r.action,
      r.status,
      r.area === 'all' ? t('admin.area.country') : r.area,
      r.params,
      r.ip,
    ]),
    csvStyle(locale),
  );
}
