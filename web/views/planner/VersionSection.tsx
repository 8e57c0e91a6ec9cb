// The version being edited and its workflow: choose a version or make a draft from the plan in force, save (a 409
// names who saved first; the edits stay), submit for approval, and approve as the district head's order.
import { useState } from 'react';
import { update } from '../../state/store.ts';
import { navigate } from '../../state/route.ts';
import { useFmt, useLocale, useT } from '../../i18n/I18n.tsx';
import { errorText, issuesOfError, issueText } from '../../i18n/api-error.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/translate.ts';
import { ApiError } from '../../queries/client.ts';
import {
  useApproveVersion,
  useCreateDraft,
  useSaveDraft,
  useSubmitVersion,
  type VersionDetail,
  type VersionSummary,
} from '../../queries/territories.ts';
import { saveBody } from './plan-model.ts';
import { DateField } from '../common/DateField.tsx';
import type { Editor } from './usePlanState.ts';
import { useSayName } from '../../i18n/system-names.ts';

const phase = (p: VersionSummary['phase'], t: Translate): string => t(`planner.phase.${p}`);

/** The reason of a 409 on `field`, if that is what the error is. */
const conflictOn = (e: unknown, field: string, locale: Locale): string | null => {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const issue = issuesOfError(e)[0];
  return issue?.field === field ? issueText(issue, locale) : null;
};

const message = (e: unknown, t: Translate, locale: Locale): string =>
  e instanceof ApiError && e.status === 409
    ? t('planner.notSaved', { reason: errorText(e, locale) })
    : errorText(e, locale);

export interface VersionSectionProps {
  district: string;
  versions: readonly VersionSummary[];
  detail: VersionDetail | undefined;
  editor: Editor | null;
  canWrite: boolean;
  /** the day approvals take effect from unless changed: the last day of data */
  today: string;
}

export function VersionSection({ district, versions, detail, editor, canWrite, today }: VersionSectionProps) {
  const create = useCreateDraft();
  const t = useT();
  const say = useSayName();
  const locale = useLocale();
  const f = useFmt();
  const save = useSaveDraft();
  const submit = useSubmitVersion();
  const approve = useApproveVersion();
  const [order, setOrder] = useState({ number: '', date: today, from: today, replaces: false });
  // An approval that would undo a version approved since this one was drawn: said in the form, confirmed there.
  const undoes = conflictOn(approve.error, 'replaces', locale);
  const error = [create.error, save.error, submit.error, undoes ? null : approve.error].find((e) => e);
  const newDraft = (): void =>
    create.mutate(
      { district, name: t('planner.draftOf', { day: f.day(today) }), reason: t('planner.draftReason') },
      { onSuccess: (v) => update({ territoryVersion: v.id }) },
    );
  const doSave = (): void => {
    if (!editor || !detail) return;
    save.mutate(
      {
        id: detail.id,
        body: saveBody(editor.model, { ...detail, posts: editor.posts }, editor.state.plan, editor.base),
      },
      { onSuccess: (v) => editor.saved(v.version) },
    );
  };
  return (
    <section aria-label={t('planner.versionAria')}>
      <h2>{t('planner.plan')}</h2>
      <select
        data-testid="version"
        value={detail?.id ?? ''}
        onChange={(e) => update({ territoryVersion: Number(e.target.value) || null })}
        aria-label={t('planner.version')}
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {t('tdiff.version', { number: v.number, name: say(v.name), phase: phase(v.phase, t).toLowerCase() })}
          </option>
        ))}
      </select>
      {canWrite && (
        <button type="button" className="link" onClick={newDraft} disabled={create.isPending} data-testid="new-draft">
          {t('planner.newDraft')}
        </button>
      )}
      {detail && (
        <p className="summary" data-testid="version-status">
          <strong>{phase(detail.phase, t)}</strong>
          {detail.orderNumber && t('planner.orderNo', { number: detail.orderNumber })}
          <br />
          {t('planner.savedBy', { who: detail.updatedBy, when: f.moment(detail.updatedAt) })}
        </p>
      )}
      {detail && (
        <p className="planner-links">
          <a
            href="/territories/diff"
            data-testid="compare-link"
            title={t('planner.compareTitle')}
            onClick={(e) => {
              e.preventDefault();
              const inForce = versions.find((v) => v.phase === 'in_force')?.id ?? null;
              const mine = detail.id !== inForce;
              update({ diffBefore: mine ? inForce : null, diffAfter: mine ? detail.id : null });
              navigate('/territories/diff');
            }}
          >
            {t('planner.compareLink')}
          </a>
          {' · '}
          <a
            href="/territories/print"
            data-testid="print-link"
            title={t('planner.printTitle')}
            onClick={(e) => {
              e.preventDefault();
              update({ territoryVersion: detail.id });
              navigate('/territories/print');
            }}
          >
            {t('planner.printLink')}
          </a>
        </p>
      )}
      {detail?.editable && editor && (
        <div className="planner-actions">
          <button
            type="button"
            className="primary"
            onClick={doSave}
            disabled={!editor.dirty || save.isPending}
            data-testid="save"
          >
            {save.isPending ? t('planner.saving') : editor.dirty ? t('planner.save') : t('planner.saved')}
          </button>
          {editor.dirty && (
            <button type="button" onClick={editor.discard} title={t('planner.discardTitle')}>
              {t('planner.discard')}
            </button>
          )}
          {detail.actions.includes('submit') && (
            <button
              type="button"
              disabled={editor.dirty || submit.isPending}
              title={editor.dirty ? t('planner.saveFirst') : t('planner.submitTitle')}
              onClick={() => submit.mutate({ id: detail.id, version: detail.version })}
              data-testid="submit"
            >
              {t('planner.submit')}
            </button>
          )}
        </div>
      )}
      {detail?.actions.includes('approve') && (
        <form
          className="planner-approve"
          onSubmit={(e) => {
            e.preventDefault();
            approve.mutate({
              id: detail.id,
              body: {
                version: detail.version,
                orderNumber: order.number,
                orderDate: order.date,
                effectiveFrom: order.from,
                ...(order.replaces ? { replaces: true } : {}),
              },
            });
          }}
        >
          <label>
            {t('planner.orderNumber')}
            <input
              required
              value={order.number}
              onChange={(e) => setOrder({ ...order, number: e.target.value })}
              data-testid="order-number"
            />
          </label>
          <DateField
            label={t('planner.signedOn')}
            value={order.date}
            onChange={(day) => setOrder({ ...order, date: day })}
          />
          <DateField
            label={t('planner.inForceFrom')}
            value={order.from}
            onChange={(day) => setOrder({ ...order, from: day })}
          />
          {undoes && (
            <div className="planner-replaces" role="alert" data-testid="approve-replaces">
              <p>{undoes}.</p>
              <label>
                <input
                  type="checkbox"
                  checked={order.replaces}
                  onChange={(e) => setOrder({ ...order, replaces: e.target.checked })}
                />
                {t('planner.replaces')}
              </label>
            </div>
          )}
          <button type="submit" className="primary" disabled={approve.isPending} data-testid="approve">
            {t('planner.approve')}
          </button>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="planner-error">
          {message(error, t, locale)}
        </p>
      )}
    </section>
  );
}
