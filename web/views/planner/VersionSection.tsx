// The version being edited and its workflow: choose a version or make a draft from the plan in force, save (a 409
// names who saved first; the edits stay), submit for approval, and approve as the district head's order.
import { useState } from 'react';
import { update } from '../../state/store.ts';
import { navigate } from '../../state/route.ts';
import { formatMoment } from '../../format.ts';
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
import type { Editor } from './usePlanState.ts';

const PHASE: Record<VersionSummary['phase'], string> = {
  draft: 'Draft',
  submitted: 'Submitted for approval',
  scheduled: 'Approved, in force later',
  in_force: 'In force',
  superseded: 'No longer in force',
};

const message = (e: unknown): string =>
  e instanceof ApiError && e.status === 409
    ? `Not saved: ${e.message.replace(/^version: /, '')}`
    : e instanceof Error
      ? e.message
      : String(e);

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
  const save = useSaveDraft();
  const submit = useSubmitVersion();
  const approve = useApproveVersion();
  const [order, setOrder] = useState({ number: '', date: today, from: today });
  const error = [create.error, save.error, submit.error, approve.error].find((e) => e);
  const newDraft = (): void =>
    create.mutate(
      { district, name: `Draft of ${today}`, reason: 'Rebalance the inspectors’ workload' },
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
    <section aria-label="Plan version">
      <h2>Territory plan</h2>
      <select
        data-testid="version"
        value={detail?.id ?? ''}
        onChange={(e) => update({ territoryVersion: Number(e.target.value) || null })}
        aria-label="Version"
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            No. {v.number} · {v.name} ({PHASE[v.phase].toLowerCase()})
          </option>
        ))}
      </select>
      {canWrite && (
        <button type="button" className="link" onClick={newDraft} disabled={create.isPending} data-testid="new-draft">
          + New draft from the plan in force
        </button>
      )}
      {detail && (
        <p className="summary" data-testid="version-status">
          <strong>{PHASE[detail.phase]}</strong>
          {detail.orderNumber && ` · order No. ${detail.orderNumber}`}
          <br />
          Saved by {detail.updatedBy} {formatMoment(detail.updatedAt)}
        </p>
      )}
      {detail && (
        <p className="planner-links">
          <a
            href="/territories/diff"
            data-testid="compare-link"
            title="Compare any two versions: mahallas that change inspector, workload before and after"
            onClick={(e) => {
              e.preventDefault();
              const inForce = versions.find((v) => v.phase === 'in_force')?.id ?? null;
              const mine = detail.id !== inForce;
              update({ diffBefore: mine ? inForce : null, diffAfter: mine ? detail.id : null });
              navigate('/territories/diff');
            }}
          >
            Compare…
          </a>
          {' · '}
          <a
            href="/territories/print"
            data-testid="print-link"
            title="The order's annex: one A4 page per territory with its map and mahallas, and the table as CSV or Excel"
            onClick={(e) => {
              e.preventDefault();
              update({ territoryVersion: detail.id });
              navigate('/territories/print');
            }}
          >
            Print the annex (A4)
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
            {save.isPending ? 'Saving…' : editor.dirty ? 'Save draft' : 'Saved'}
          </button>
          {editor.dirty && (
            <button type="button" onClick={editor.discard} title="Drop the edits not saved and reload the saved draft">
              Discard edits
            </button>
          )}
          {detail.actions.includes('submit') && (
            <button
              type="button"
              disabled={editor.dirty || submit.isPending}
              title={editor.dirty ? 'Save the draft first' : 'Send to the district head for approval'}
              onClick={() => submit.mutate({ id: detail.id, version: detail.version })}
              data-testid="submit"
            >
              Submit for approval
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
              },
            });
          }}
        >
          <label>
            Order No.
            <input
              required
              value={order.number}
              onChange={(e) => setOrder({ ...order, number: e.target.value })}
              data-testid="order-number"
            />
          </label>
          <label>
            Signed on
            <input
              type="date"
              required
              value={order.date}
              onChange={(e) => setOrder({ ...order, date: e.target.value })}
            />
          </label>
          <label>
            In force from
            <input
              type="date"
              required
              value={order.from}
              onChange={(e) => setOrder({ ...order, from: e.target.value })}
            />
          </label>
          <button type="submit" className="primary" disabled={approve.isPending} data-testid="approve">
            Approve as the order
          </button>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="planner-error">
          {message(error)}
        </p>
      )}
    </section>
  );
}
