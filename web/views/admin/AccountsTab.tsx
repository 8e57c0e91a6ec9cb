// The accounts tab: every account in a table (who, role, area, state, last change) with its actions, and beside it
// the form for a new account, or the editor or password form of the account chosen in the table.
import { useState } from 'react';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { useAccounts, useEndSessions, type Account } from '../../queries/admin.ts';
import { useMeta } from '../../queries/meta.ts';
import { useRegionNames } from '../../queries/mahallas.ts';
import { AccountEditor, PasswordReset } from './AccountEditor.tsx';
import { areaLabel } from './accounts.ts';
import { NewAccountForm } from './NewAccountForm.tsx';
import { TableDownload } from '../common/TableDownload.tsx';
import { useSayName } from '../../i18n/system-names.ts';

type Open = { id: number; mode: 'edit' | 'password' } | null;

export function AccountsTab() {
  const accounts = useAccounts();
  const districts = useMeta().data?.districts ?? [];
  const regions = useRegionNames();
  const endSessions = useEndSessions();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  const nameOf = useNameOf();
  const say = useSayName();
  const chosen = open ? accounts.data?.find((a) => a.id === open.id) : undefined;

  const signOut = (a: Account): void => {
    setNotice('');
    endSessions.mutate(a.id, {
      onSuccess: (r) =>
        setNotice(t('admin.accounts.ended', { user: a.username, count: r.signedOut, n: f.int(r.signedOut) })),
      onError: (err) => setNotice(t('admin.accounts.notSignedOut', { user: a.username, reason: said.error(err) })),
    });
  };

  return (
    <div className="admin-split">
      <section className="admin-main" aria-labelledby="accounts-title">
        <TableDownload title={t('admin.accounts.title')} what={['accounts']} table="[data-testid=accounts-table]" />
        <h2 id="accounts-title">
          {t('admin.accounts.title')} {accounts.data && <span className="muted">({accounts.data.length})</span>}
        </h2>
        {accounts.error && (
          <p className="admin-issues" role="alert">
            {t('admin.accounts.failed', { reason: said.error(accounts.error) })}
          </p>
        )}
        <p role="status" className="admin-status" data-testid="accounts-notice">
          {notice}
        </p>
        <table className="admin-table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.col.username')}</th>
              <th scope="col">{t('admin.col.name')}</th>
              <th scope="col">{t('admin.col.role')}</th>
              <th scope="col">{t('admin.col.area')}</th>
              <th scope="col">{t('admin.col.state')}</th>
              <th scope="col">{t('admin.col.lastChange')}</th>
              <th scope="col" data-export-skip>
                <span className="sr-only">{t('admin.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.data?.map((a) => (
              <tr
                key={a.id}
                data-testid="account-row"
                data-username={a.username}
                className={open?.id === a.id ? 'chosen' : undefined}
              >
                <th scope="row" className="mono">
                  {a.username}
                </th>
                <td>{say(a.displayName)}</td>
                <td>{t(`role.${a.role}`)}</td>
                <td data-testid="account-area">{areaLabel(a, districts, regions, t, f.locale, nameOf)}</td>
                <td data-testid="account-state">
                  <State account={a} />
                </td>
                <td className="small">
                  {a.updatedBy}
                  <br />
                  <span className="nowrap">{f.moment(a.updatedAt)}</span>
                </td>
                <td>
                  <div className="admin-row-actions">
                    <button
                      type="button"
                      className="admin-btn small"
                      data-testid="account-edit"
                      aria-label={t('admin.edit.aria', { user: a.username })}
                      onClick={() => setOpen({ id: a.id, mode: 'edit' })}
                    >
                      {t('admin.edit')}
                    </button>
                    <button
                      type="button"
                      className="admin-btn small"
                      data-testid="account-reset"
                      aria-label={t('admin.password.aria', { user: a.username })}
                      onClick={() => setOpen({ id: a.id, mode: 'password' })}
                    >
                      {t('admin.password')}
                    </button>
                    <button
                      type="button"
                      className="admin-btn small"
                      data-testid="account-signout"
                      title={t('admin.signOut.title')}
                      disabled={endSessions.isPending}
                      onClick={() => signOut(a)}
                    >
                      {t('admin.signOut')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <aside
        className="admin-side"
        aria-label={chosen ? t('admin.side.account', { user: chosen.username }) : t('admin.side.new')}
      >
        {chosen && open?.mode === 'edit' && (
          <AccountEditor key={chosen.id} account={chosen} districts={districts} onClose={() => setOpen(null)} />
        )}
        {chosen && open?.mode === 'password' && (
          <PasswordReset key={chosen.id} account={chosen} onClose={() => setOpen(null)} />
        )}
        {!chosen && (
          <NewAccountForm
            districts={districts}
            onCreated={(a) => setNotice(t('admin.accounts.created', { user: a.username }))}
          />
        )}
      </aside>
    </div>
  );
}

/** Active, disabled, or locked for a while after repeated failed sign-ins. */
function State({ account: a }: { account: Account }) {
  const t = useT();
  const f = useFmt();
  if (a.disabled) return <span className="admin-badge off">{t('admin.state.disabled')}</span>;
  if (a.lockedUntil && Date.parse(a.lockedUntil) > Date.now())
    return (
      <span
        className="admin-badge warn"
        title={t('admin.state.lockedTitle', { count: a.failedLogins, n: f.int(a.failedLogins) })}
      >
        {t('admin.state.locked', { when: f.moment(a.lockedUntil) })}
      </span>
    );
  return <span className="admin-badge on">{t('admin.state.active')}</span>;
}
