// The sign-in page: user name and password, in the language in force (the switch here is the header's: the choice
// goes into the link and is remembered). A refusal shows the server's reason (wrong password, locked, throttled) in the
// chosen language; the password field is emptied, the user name kept.
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../../queries/session.ts';
import { useLocale, useT } from '../../i18n/I18n.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { errorText } from '../../i18n/api-error.ts';
import './signin.css';

export function SignInPage({ demo }: { demo?: boolean }) {
  const t = useT();
  const lang = useLocale();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    signIn.mutate({ username, password }, { onError: () => setPassword('') });
  };
  return (
    <main className="signin" lang={lang}>
      <form className="signin-card" onSubmit={submit} data-testid="sign-in">
        <div className="signin-brand">
          <span className="logo" aria-hidden="true">
            H
          </span>
          <h1>{t('signin.title')}</h1>
        </div>
        <p className="signin-lead">{t('signin.lead')}</p>
        <label>
          {t('signin.username')}
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="sign-in-user"
          />
        </label>
        <label>
          {t('signin.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </label>
        {signIn.error && (
          <p className="signin-error" role="alert" data-testid="sign-in-error">
            {t('signin.failed', { reason: errorText(signIn.error, lang) })}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending} data-testid="sign-in-submit">
          {signIn.isPending ? t('signin.busy') : t('signin.submit')}
        </button>
        <label className="signin-lang">
          {t('header.language')}
          <LanguageSwitch className="" testId="sign-in-lang" />
        </label>
        {demo && <p className="signin-demo">{t('signin.demo')}</p>}
      </form>
    </main>
  );
}
