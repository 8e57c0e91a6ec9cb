// The signed-in person in the top bar: name and role, and a menu to sign out here or everywhere and to change the
// password (a new one is at least 10 characters; the server says why when it refuses).
import { useState, type FormEvent } from 'react';
import { ROLE_ACCESS } from '../../../server/contract/access.ts';
import { useChangePassword, useSignOut, type Session } from '../../queries/session.ts';

const roleLabel = (s: Session): string => (s.role === 'kiosk' ? 'Wall screen' : ROLE_ACCESS[s.role].label);

export function UserMenu({ session }: { session: Session }) {
  const signOut = useSignOut();
  const change = useChangePassword();
  const [changing, setChanging] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setChanging(false);
          setCurrent('');
          setNext('');
        },
      },
    );
  };
  return (
    <details className="user-menu" data-testid="user-menu">
      <summary>
        <span className="user-name">{session.displayName}</span>
        <span className="user-role">{roleLabel(session)}</span>
      </summary>
      <div className="user-menu-body">
        <p className="muted">
          Signed in as <strong>{session.username}</strong>
        </p>
        {change.isSuccess && !changing && <p role="status">Password changed.</p>}
        {session.kind === 'account' && !changing && (
          <button type="button" className="link" onClick={() => setChanging(true)}>
            Change password…
          </button>
        )}
        {changing && (
          <form onSubmit={submit} className="user-password">
            <label>
              Current password
              <input
                type="password"
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
            </label>
            <label>
              New password (10 characters or more)
              <input
                type="password"
                autoComplete="new-password"
                minLength={10}
                required
                value={next}
                onChange={(e) => setNext(e.target.value)}
              />
            </label>
            {change.error && (
              <p className="signin-error" role="alert">
                {change.error.message.replace(/^\d{3} (\w+: )?/, '')}
              </p>
            )}
            <button type="submit" disabled={change.isPending}>
              Change
            </button>
            <button type="button" className="link" onClick={() => setChanging(false)}>
              Cancel
            </button>
          </form>
        )}
        <button type="button" onClick={() => signOut.mutate(false)} data-testid="sign-out">
          Sign out
        </button>
        <button
          type="button"
          className="link"
          onClick={() => signOut.mutate(true)}
          title="Ends every session of this account, on every computer"
        >
          Sign out everywhere
        </button>
      </div>
    </details>
  );
}
