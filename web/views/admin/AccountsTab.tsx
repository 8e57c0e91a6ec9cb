// The accounts tab: every account in a table (who, role, area, state, last change) with its actions, and beside it
// the form for a new account, or the editor or password form of the account chosen in the table.
import { useState } from 'react';
import { ROLE_ACCESS } from '../../../server/contract/access.ts';
import { formatMoment } from '../../format.ts';
import { useAccounts, useEndSessions, type Account } from '../../queries/admin.ts';
import { useMeta } from '../../queries/meta.ts';
import { useRegionNames } from '../../queries/mahallas.ts';
import { AccountEditor, PasswordReset } from './AccountEditor.tsx';
import { areaLabel } from './accounts.ts';
import { NewAccountForm } from './NewAccountForm.tsx';

type Open = { id: number; mode: 'edit' | 'password' } | null;

export function AccountsTab() {
  const accounts = useAccounts();
  const districts = useMeta().data?.districts ?? [];
  const regions = useRegionNames();
  const endSessions = useEndSessions();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const chosen = open ? accounts.data?.find((a) => a.id === open.id) : undefined;

  const signOut = (a: Account): void => {
    setNotice('');
    endSessions.mutate(a.id, {
      onSuccess: (r) =>
        setNotice(`${a.username}: ${r.signedOut === 1 ? '1 session' : `${r.signedOut} sessions`} ended.`),
      onError: (err) => setNotice(`${a.username}: not signed out (${err.message}).`),
    });
  };

  return (
    <div className="admin-split">
      <section className="admin-main" aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts {accounts.data && <span className="muted">({accounts.data.length})</span>}</h2>
        {accounts.error && (
          <p className="admin-issues" role="alert">
            Could not load the accounts: {accounts.error.message}
          </p>
        )}
        <p role="status" className="admin-status" data-testid="accounts-notice">
          {notice}
        </p>
        <table className="admin-table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Area</th>
              <th scope="col">State</th>
              <th scope="col">Last change</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
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
                <td>{a.displayName}</td>
                <td>{ROLE_ACCESS[a.role].label}</td>
                <td data-testid="account-area">{areaLabel(a, districts, regions)}</td>
                <td data-testid="account-state">
                  <State account={a} />
                </td>
                <td className="small">
                  {a.updatedBy}
                  <br />
                  <span className="nowrap">{formatMoment(a.updatedAt)}</span>
                </td>
                <td>
                  <div className="admin-row-actions">
                    <button
                      type="button"
                      className="admin-btn small"
                      data-testid="account-edit"
                      aria-label={`Edit ${a.username}`}
                      onClick={() => setOpen({ id: a.id, mode: 'edit' })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="admin-btn small"
                      data-testid="account-reset"
                      aria-label={`New password for ${a.username}`}
                      onClick={() => setOpen({ id: a.id, mode: 'password' })}
                    >
                      Password…
                    </button>
                    <button
                      type="button"
                      className="admin-btn small"
                      data-testid="account-signout"
                      title="Ends every session of this account, on every computer"
                      disabled={endSessions.isPending}
                      onClick={() => signOut(a)}
                    >
                      Sign out everywhere
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <aside className="admin-side" aria-label={chosen ? `Account ${chosen.username}` : 'New account'}>
        {chosen && open?.mode === 'edit' && (
          <AccountEditor key={chosen.id} account={chosen} districts={districts} onClose={() => setOpen(null)} />
        )}
        {chosen && open?.mode === 'password' && (
          <PasswordReset key={chosen.id} account={chosen} onClose={() => setOpen(null)} />
        )}
        {!chosen && (
          <NewAccountForm districts={districts} onCreated={(a) => setNotice(`Account ${a.username} created.`)} />
        )}
      </aside>
    </div>
  );
}

/** Active, disabled, or locked for a while after repeated failed sign-ins. */
function State({ account: a }: { account: Account }) {
  if (a.disabled) return <span className="admin-badge off">Disabled</span>;
  if (a.lockedUntil && Date.parse(a.lockedUntil) > Date.now())
    return (
      <span className="admin-badge warn" title={`After ${a.failedLogins} failed sign-ins`}>
        Locked until {formatMoment(a.lockedUntil)}
      </span>
    );
  return <span className="admin-badge on">Active</span>;
}
