// The audit log: who did what, where and when, newest first, 100 rows a page; filtered by days, user and the start of
// the action's name, and exported as CSV with the same filters. Times are shown at the browser's clock; the day
// filters are UTC days, as the server stores them.
import { useState, type FormEvent } from 'react';
import { useFmt, useLocale, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { ROLES, type Role } from '../../../server/contract/access.ts';
import { auditCsvUrl, issuesOf, useAudit, type AuditFilter } from '../../queries/admin.ts';
import { Field, OtherIssues } from './Fields.tsx';
import { TableDownload } from '../common/TableDownload.tsx';
import { DateField } from '../common/DateField.tsx';

const NONE: AuditFilter = { from: '', to: '', username: '', action: '' };
/** Longer parameter texts are cut in the table; the whole text is on hover and one click away. */
const SHORT = 70;
/** Action prefixes offered while typing (any prefix works). */
const ACTIONS = [
  'auth.',
  'auth.login',
  'auth.login_failed',
  'admin.',
  'admin.users.',
  'plans.',
  'playlists.',
  'records.',
  'inspectors.view',
];

export function AuditTab() {
  const [typed, setTyped] = useState<AuditFilter>(NONE);
  const [applied, setApplied] = useState<AuditFilter>(NONE);
  const [page, setPage] = useState(1);
  const [actionIssue, setActionIssue] = useState<string | undefined>();
  const audit = useAudit(applied, page);
  const t = useT();
  const locale = useLocale();
  const said = useApiErrors();
  const f = useFmt();
  const d = audit.data;
  const serverIssues = audit.error ? issuesOf(audit.error, said.issue) : {};

  const apply = (e: FormEvent): void => {
    e.preventDefault();
    // The server takes action names of lower-case letters, digits, dots and underscores: say so before asking.
    const bad = !/^[a-z0-9._]*$/.test(typed.action.trim());
    setActionIssue(bad ? t('admin.audit.actionIssue') : undefined);
    if (bad) return;
    setApplied(typed);
    setPage(1);
  };
  // A role as the header names it (a role no longer known, from an old row, as it is stored).
  const roleLabel = (role: string): string =>
    (ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`) : role;
  const set = (patch: Partial<AuditFilter>): void => setTyped((f) => ({ ...f, ...patch }));

  return (
    <section className="admin-audit" aria-labelledby="audit-title">
      {d && d.total > 0 && (
        <TableDownload
          title={t('admin.audit.title')}
          what={['audit', `p${d.page}`]}
          table="[data-testid=audit-table]"
        />
      )}
      <h2 id="audit-title">
        {t('admin.audit.title')}{' '}
        {d && <span className="muted">{t('admin.audit.rows', { count: d.total, n: f.int(d.total) })}</span>}
      </h2>
      <form className="admin-filters" data-testid="audit-filters" onSubmit={apply} noValidate>
        <DateField
          label={t('admin.audit.from')}
          testId="audit-from"
          value={typed.from}
          optional
          onChange={(from) => set({ from })}
        />
        <DateField
          label={t('admin.audit.to')}
          testId="audit-to"
          value={typed.to}
          optional
          onChange={(to) => set({ to })}
        />
        <Field
          id="audit-user"
          label={t('admin.audit.user')}
          issue={serverIssues.username}
          control={(a) => (
            <input
              {...a}
              data-testid="audit-user"
              value={typed.username}
              maxLength={80}
              spellCheck={false}
              onChange={(e) => set({ username: e.target.value })}
            />
          )}
        />
        <Field
          id="audit-action"
          label={t('admin.audit.action')}
          issue={actionIssue ?? serverIssues.action}
          control={(a) => (
            <input
              {...a}
              data-testid="audit-action"
              list="audit-actions"
              value={typed.action}
              maxLength={80}
              spellCheck={false}
              placeholder={t('admin.audit.example')}
              onChange={(e) => set({ action: e.target.value })}
            />
          )}
        />
        <datalist id="audit-actions">
          {ACTIONS.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
        <div className="admin-filter-actions">
          <button type="submit" className="admin-btn primary" data-testid="audit-apply">
            {t('admin.audit.show')}
          </button>
          <button
            type="button"
            className="admin-btn"
            onClick={() => {
              setTyped(NONE);
              setApplied(NONE);
              setPage(1);
              setActionIssue(undefined);
            }}
          >
            {t('admin.audit.clear')}
          </button>
          <a className="admin-btn" href={auditCsvUrl(applied, locale)} download data-testid="audit-csv">
            {t('admin.audit.csv')}
          </a>
        </div>
      </form>
      <OtherIssues issues={serverIssues} shown={['username', 'action']} />
      {d && d.total === 0 && <p className="admin-empty">{t('admin.audit.none')}</p>}
      {d && d.total > 0 && (
        <>
          <div className="admin-scroll">
            <table
              className="admin-table audit"
              data-testid="audit-table"
              data-loading={audit.isFetching ? 'true' : 'false'}
            >
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.col.time')}</th>
                  <th scope="col">{t('admin.audit.col.user')}</th>
                  <th scope="col">{t('admin.audit.col.role')}</th>
                  <th scope="col">{t('admin.audit.col.action')}</th>
                  <th scope="col" className="num">
                    {t('admin.audit.col.status')}
                  </th>
                  <th scope="col">{t('admin.audit.col.area')}</th>
                  <th scope="col">{t('admin.audit.col.params')}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.id} data-testid="audit-row" data-action={r.action} data-username={r.username}>
                    <td className="nowrap">
                      <time dateTime={r.at}>{f.moment(r.at)}</time>
                    </td>
                    <td className="mono">{r.username || '—'}</td>
                    <td>{r.role ? roleLabel(r.role) : '—'}</td>
                    <td className="mono">{r.action}</td>
                    <td className={r.status >= 400 ? 'num refused' : 'num'}>{r.status}</td>
                    <td data-testid="audit-area">
                      {/* 'all': the request was not narrowed to an area (server/http/audit.ts) */}
                      {r.area === 'all' ? t('admin.area.country') : <Long text={r.area} />}
                    </td>
                    <td data-testid="audit-params">
                      <Long text={r.params} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="admin-pager">
            <button
              type="button"
              className="admin-btn small"
              disabled={page <= 1}
              onClick={() => setPage((p) => p - 1)}
            >
              {t('admin.audit.newer')}
            </button>
            <span data-testid="audit-page">
              {t('admin.audit.page', { page: f.int(d.page), pages: f.int(d.pages) })}
            </span>
            <button
              type="button"
              className="admin-btn small"
              disabled={page >= d.pages}
              onClick={() => setPage((p) => p + 1)}
            >
              {t('admin.audit.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** A text cut to SHORT characters, whole on hover and in a disclosure; shorter texts as they are. */
function Long({ text }: { text: string }) {
  if (text.length <= SHORT) return <span className="mono">{text}</span>;
  return (
    <details className="admin-long">
      <summary className="mono" title={text}>
        {text.slice(0, SHORT)}…
      </summary>
      <pre>{text}</pre>
    </details>
  );
}
