// A new account: user name, full name, role, the area the role needs and an initial password. Checked with the
// contract the server applies before it is sent; what the server refuses besides (a taken user name, a district or
// inspector that does not exist) is shown next to the field it names.
import { useState, type FormEvent } from 'react';
import { AccountCreateBody } from '../../../server/contract/access.ts';
import { issuesOf, useCreateAccount, type Account } from '../../queries/admin.ts';
import { areaOf, BLANK, issuesByField, type Draft } from './accounts.ts';
import { Field, OtherIssues, PersonFields, personFields, type Issues } from './Fields.tsx';
import { useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';

export function NewAccountForm({
  districts,
  onCreated,
}: {
  districts: ReadonlyArray<{ soato: string; name: string }>;
  onCreated: (a: Account) => void;
}) {
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [issues, setIssues] = useState<Issues>({});
  const create = useCreateAccount();
  const t = useT();
  const said = useApiErrors();
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const input = {
      username: draft.username,
      displayName: draft.displayName,
      role: draft.role,
      ...areaOf(draft),
      password: draft.password,
    };
    const parsed = AccountCreateBody.safeParse(input);
    if (!parsed.success) {
      setIssues(issuesByField(parsed.error.issues, (i) => said.zod(i, input)));
      return;
    }
    setIssues({});
    try {
      const made = await create.mutateAsync(parsed.data);
      setDraft(BLANK);
      onCreated(made);
    } catch (err) {
      setIssues(issuesOf(err, said.issue));
    }
  };

  return (
    <form
      className="admin-form"
      data-testid="account-form"
      aria-labelledby="new-account-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="new-account-title">{t('admin.new.title')}</h2>
      <Field
        id="new-username"
        label={t('admin.new.username')}
        issue={issues.username}
        control={(a) => (
          <input
            {...a}
            data-testid="account-username"
            value={draft.username}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set({ username: e.target.value })}
          />
        )}
      />
      <PersonFields prefix="new" draft={draft} set={set} issues={issues} districts={districts} />
      <Field
        id="new-password"
        label={t('admin.new.password')}
        issue={issues.password}
        control={(a) => (
          <input
            {...a}
            data-testid="account-password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set({ password: e.target.value })}
          />
        )}
      />
      <p className="admin-hint">{t('admin.new.hint')}</p>
      <OtherIssues issues={issues} shown={['username', 'password', ...personFields(draft.role)]} />
      <div className="admin-actions">
        <button type="submit" className="admin-btn primary" data-testid="account-submit" disabled={create.isPending}>
          {create.isPending ? t('admin.new.creating') : t('admin.new.create')}
        </button>
      </div>
    </form>
  );
}
