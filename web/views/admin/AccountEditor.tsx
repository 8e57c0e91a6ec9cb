// Changes one account (name, role, area, disabled) naming the version it was read at: if another administrator saved
// it in between, the server's reason (who, when) is shown and the edits stay here until the person chooses to start
// again from the other version. Also: a new password for the account.
import { useRef, useState, type FormEvent } from 'react';
import { AccountUpdateBody, Password } from '../../../server/contract/access.ts';
import { useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { ApiError } from '../../queries/client.ts';
import { issuesOf, useResetPassword, useUpdateAccount, type Account } from '../../queries/admin.ts';
import { areaOf, draftOf, issuesByField, type Draft } from './accounts.ts';
import { Field, OtherIssues, PersonFields, personFields, type Issues } from './Fields.tsx';
import { usePanelFocus } from '../common/panel-focus.ts';
import { useSayName } from '../../i18n/system-names.ts';

interface Props {
  /** the account as the list now holds it (after a refused save, the other person's version) */
  account: Account;
  districts: ReadonlyArray<{ soato: string; name: string }>;
  onClose: () => void;
}

export function AccountEditor({ account, districts, onClose }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(account));
  const [version, setVersion] = useState(account.version);
  const [issues, setIssues] = useState<Issues>({});
  const [stale, setStale] = useState(false);
  const [status, setStatus] = useState('');
  const save = useUpdateAccount();
  const t = useT();
  const said = useApiErrors();
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));
  const panel = useRef<HTMLFormElement>(null);
  usePanelFocus(panel, onClose);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setStatus('');
    const input = {
      displayName: draft.displayName,
      role: draft.role,
      ...areaOf(draft),
      disabled: draft.disabled,
      version,
    };
    const parsed = AccountUpdateBody.safeParse(input);
    if (!parsed.success) {
      setIssues(issuesByField(parsed.error.issues, (i) => said.zod(i, input)));
      return;
    }
    setIssues({});
    try {
      const saved = await save.mutateAsync({ id: account.id, input: parsed.data });
      setDraft(draftOf(saved));
      setVersion(saved.version);
      setStale(false);
      setStatus(saved.disabled ? t('admin.editor.savedDisabled') : t('admin.editor.saved'));
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setStale(conflict);
      // The other change's time is said at the browser's clock (web/i18n/api-error.ts).
      const found = issuesOf(err, said.issue);
      const reason = found.version ?? found.form ?? '';
      setIssues(conflict ? { form: t('admin.editor.notSaved', { reason }) } : found);
    }
  };
  const startAgain = (): void => {
    setDraft(draftOf(account));
    setVersion(account.version);
    setStale(false);
    setIssues({});
  };

  return (
    <form
      ref={panel}
      tabIndex={-1}
      className="admin-form"
      data-testid="account-editor"
      aria-labelledby="edit-account-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="edit-account-title">{t('admin.editor.title', { user: account.username })}</h2>
      <PersonFields prefix="edit" draft={draft} set={set} issues={issues} districts={districts} />
      <label className="admin-check">
        <input
          type="checkbox"
          data-testid="account-disabled"
          checked={draft.disabled}
          onChange={(e) => set({ disabled: e.target.checked })}
        />
        {t('admin.editor.disabled')}
      </label>
      {issues.disabled !== undefined && <span className="field-issue">{issues.disabled}</span>}
      <OtherIssues issues={issues} shown={[...personFields(draft.role), 'disabled']} />
      {stale && (
        <button
          type="button"
          className="admin-btn small start-again"
          data-testid="account-start-again"
          onClick={startAgain}
        >
          {t('admin.editor.discard')}
        </button>
      )}
      <div className="admin-actions">
        <button type="button" className="admin-btn" onClick={onClose}>
          {t('admin.close')}
        </button>
        <button type="submit" className="admin-btn primary" data-testid="account-save" disabled={save.isPending}>
          {save.isPending ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
      <p role="status" className="admin-status" data-testid="account-status">
        {status}
      </p>
    </form>
  );
}

/** A new password for an account: the person's sessions end, and they sign in with it from now on. */
export function PasswordReset({ account, onClose }: { account: Account; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [issue, setIssue] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const reset = useResetPassword();
  const t = useT();
  const say = useSayName();
  const said = useApiErrors();
  const panel = useRef<HTMLFormElement>(null);
  usePanelFocus(panel, onClose);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = Password.safeParse(password);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      setIssue(first && said.zod(first, password));
      return;
    }
    try {
      await reset.mutateAsync({ id: account.id, password: parsed.data });
      setIssue(undefined);
      setPassword('');
      setDone(true);
    } catch (err) {
      const found = issuesOf(err, said.issue);
      setIssue(found.password ?? Object.values(found).join('; '));
    }
  };
  return (
    <form
      ref={panel}
      tabIndex={-1}
      className="admin-form"
      data-testid="password-reset"
      aria-labelledby="reset-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="reset-title">{t('admin.reset.title', { user: account.username })}</h2>
      <Field
        id="reset-password"
        label={t('admin.reset.label')}
        issue={issue}
        control={(a) => (
          <input
            {...a}
            data-testid="reset-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setDone(false);
            }}
          />
        )}
      />
      <p className="admin-hint">{t('admin.reset.hint', { name: say(account.displayName) })}</p>
      <div className="admin-actions">
        <button type="button" className="admin-btn" onClick={onClose}>
          {t('admin.close')}
        </button>
        <button type="submit" className="admin-btn primary" data-testid="reset-submit" disabled={reset.isPending}>
          {t('admin.reset.submit')}
        </button>
      </div>
      <p role="status" className="admin-status" data-testid="reset-status">
        {done ? t('admin.reset.done') : ''}
      </p>
    </form>
  );
}
