// The sign-in page: user name and password, in the chosen language. A refusal shows the server's reason (wrong
// password, locked, throttled); the password field is emptied, the user name kept.
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../../queries/session.ts';
import { initialLang, LANG_NAMES, LANGS, rememberLang, SIGN_IN, type Lang } from './messages.ts';
import './signin.css';

/** The server's reason, without the status and field it starts with ("401 password: wrong user name or password"). */
const reasonOf = (err: Error): string => err.message.replace(/^\d{3} (\w+: )?/, '');

export function SignInPage({ demo }: { demo?: boolean }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const t = SIGN_IN[lang];
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
          <h1>{t.title}</h1>
        </div>
        <p className="signin-lead">{t.lead}</p>
        <label>
          {t.username}
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
          {t.password}
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
            {t.failed}: {reasonOf(signIn.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending} data-testid="sign-in-submit">
          {signIn.isPending ? t.busy : t.submit}
        </button>
        <label className="signin-lang">
          {t.language}
          <select
            value={lang}
            onChange={(e) => {
              const next = LANGS.find((l) => l === e.target.value) ?? lang;
              setLang(next);
              rememberLang(next);
            }}
            data-testid="sign-in-lang"
          >
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        {demo && <p className="signin-demo">{t.demo}</p>}
      </form>
    </main>
  );
}
