// The signed-in person in the top bar: name and role, and a menu to sign out here or everywhere and to change the
// password (a new one is at least 10 characters; the server says why when it refuses).
import { useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { useChangePassword, useSignOut, type Session } from '../../queries/session.ts';
import { useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { useSayName } from '../../i18n/system-names.ts';

export function UserMenu({ session }: { session: Session }) {
  const signOut = useSignOut();
  const change = useChangePassword();
  const t = useT();
  const say = useSayName();
  const said = useApiErrors();
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
        <span className="user-name">{say(session.displayName)}</span>
        <span className="user-role">{t(`role.${session.role}`)}</span>
      </summary>
      <div className="user-menu-body">
        <p className="muted">
          <FormattedMessage id="user.signedInAs" values={{ name: <strong>{session.username}</strong> }} />
        </p>
        {change.isSuccess && !changing && <p role="status">{t('user.passwordChanged')}</p>}
        {session.kind === 'account' && !changing && (
          <button type="button" className="link" onClick={() => setChanging(true)}>
            {t('user.changePassword')}
          </button>
        )}
        {changing && (
          <form onSubmit={submit} className="user-password">
            <label>
              {t('user.currentPassword')}
              <input
                type="password"
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
            </label>
            <label>
              {t('user.newPassword')}
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
                {said.error(change.error)}
              </p>
            )}
            <button type="submit" disabled={change.isPending}>
              {t('user.change')}
            </button>
            <button type="button" className="link" onClick={() => setChanging(false)}>
              {t('user.cancel')}
            </button>
          </form>
        )}
        <button type="button" onClick={() => signOut.mutate(false)} data-testid="sign-out">
          {t('user.signOut')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => signOut.mutate(true)}
          title={t('user.signOutEverywhereHint')}
        >
          {t('user.signOutEverywhere')}
        </button>
      </div>
    </details>
  );
}
