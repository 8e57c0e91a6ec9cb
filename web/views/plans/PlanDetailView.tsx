// One plan with its fulfilment: overall progress, per territory (inspector), per service and per item; copying it to
// the next period and deleting it (a plan with recorded fulfilment asks first and is archived).
import { useState, type ReactNode } from 'react';
import {
  JOINT_ACTION_LABELS,
  PLAN_STATE_LABELS,
  SERVICE_LABELS,
  type PlanState,
} from '../../../server/contract/catalog.ts';
import { useCopyPlan, useDeletePlan, type PlanDetail } from '../../queries/plans.ts';
import { can, useSession } from '../../queries/session.ts';
import { update, useUi } from '../../state/store.ts';
import { PLAN_TABS, type PlanTab } from '../../state/url.ts';
import { formatDay, fmtInt, inspectorLabel } from '../../format.ts';
import { cssOf } from '../cooperation/services.ts';
import { STATE_COLORS } from './plan-view.ts';
import { nextPeriod } from '../../../server/shared/period.ts';

const TAB_LABELS: Record<PlanTab, string> = { territory: 'By territory', service: 'By service', items: 'Items' };

export function StateBadge({ state }: { state: PlanState }) {
  return (
    <span className={`state state-${state}`} data-state={state}>
      {PLAN_STATE_LABELS[state]}
    </span>
  );
}

export function Progress({ pct, state }: { pct: number; state: PlanState }) {
  return (
    <span className="progress" role="img" aria-label={`${pct} %`}>
      <span
        className="progress-fill"
        style={{ width: `${Math.min(100, pct)}%`, background: cssOf(STATE_COLORS[state]) }}
      />
    </span>
  );
}

export interface PlanDetailProps {
  plan: PlanDetail;
  /** a plan was created from this one (a copy): show it */
  onChanged: (selectId: number) => void;
  onDeleted: (id: number) => void;
  onHighlight: (mahallas: number[]) => void;
}

export function PlanDetailView({ plan, onChanged, onDeleted, onHighlight }: PlanDetailProps) {
  const canWrite = can(useSession().data, 'plans.write');
  // The tab is in the UI store (a link reopens it) and stays as it is when another plan is chosen.
  const tab = useUi((s) => s.planTab);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const copy = useCopyPlan();
  const del = useDeletePlan();
  const next = nextPeriod(plan);
  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  // The plan in hand already says whether fulfilment was recorded: ask first instead of provoking the server's 409
  // (which still guards a stale page).
  const recorded = plan.items.reduce((sum, i) => sum + i.done, 0);
  const remove = (confirmed: boolean) =>
    run(async () => {
      if (recorded > 0 && !confirmed) {
        setConfirm(`${fmtInt(recorded)} recorded joint action${recorded === 1 ? '' : 's'} count towards this plan.`);
        return;
      }
      const r = await del.mutateAsync({ id: plan.id, confirm: confirmed });
      if (r.deleted) onDeleted(plan.id);
      else setConfirm(r.reason.replace(/; repeat with .*$/, '.'));
    });
  const s = plan.schedule;
  return (
    <div className="plan-detail" data-testid="plan-detail">
      <header className="plan-head">
        <div>
          <h2 data-testid="plan-title">{plan.name}</h2>
          <p className="muted">
            {plan.districtName} · {formatDay(plan.from)} – {formatDay(plan.to)} ·{' '}
            {s.ended ? 'ended' : `day ${s.elapsed} of ${s.total}`} (as of {formatDay(plan.asOf)})
          </p>
        </div>
        <div className="plan-total">
          <strong data-testid="plan-pct">{plan.totals.pct} %</strong>
          <StateBadge state={plan.totals.state} />
          <span className="muted small">
            {fmtInt(plan.totals.done)} of {fmtInt(plan.totals.required)} actions
          </span>
        </div>
      </header>
      {canWrite && (
        <div className="plan-actions">
          <button
            type="button"
            className="btn"
            data-testid="plan-copy"
            onClick={() => void run(async () => onChanged((await copy.mutateAsync({ id: plan.id, to: next })).id))}
          >
            Copy to {formatDay(next.from)} – {formatDay(next.to)}
          </button>
          <button type="button" className="btn danger" data-testid="plan-delete" onClick={() => void remove(false)}>
            Delete…
          </button>
        </div>
      )}
      {confirm && (
        <div className="confirm" role="alertdialog" data-testid="plan-confirm">
          <p>{confirm} Deleting keeps an archived copy of the plan with its fulfilment.</p>
          <button type="button" className="btn" onClick={() => setConfirm(null)}>
            Keep the plan
          </button>
          <button
            type="button"
            className="btn danger"
            data-testid="plan-confirm-delete"
            onClick={() => void remove(true)}
          >
            Archive and delete
          </button>
        </div>
      )}
      {error && (
        <p className="form-issues" role="alert">
          {error}
        </p>
      )}
      <nav className="report-tabs inner" role="tablist">
        {PLAN_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? 'report-tab active' : 'report-tab'}
            data-testid={`plan-tab-${t}`}
            onClick={() => update({ planTab: t })}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </nav>
      {tab === 'territory' && (
        <Table
          head={['Territory (inspector)', 'Mahallas', 'Done / required', '% done', 'State']}
          testId="plan-territories"
        >
          {plan.byInspector.map((t) => (
            <tr
              key={t.inspector}
              data-inspector={t.inspector}
              onMouseEnter={() => onHighlight(t.mahallas)}
              onMouseLeave={() => onHighlight([])}
            >
              <td>{inspectorLabel(t.name, t.inspector)}</td>
              <td className="num">{t.mahallas.length}</td>
              <td className="num">
                {fmtInt(t.done)} / {fmtInt(t.required)}
              </td>
              <td className="pct-cell">
                <Progress pct={t.pct} state={t.state} />
                <span className="num">{t.pct} %</span>
              </td>
              <td>
                <StateBadge state={t.state} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      {tab === 'service' && (
        <Table head={['Service', 'Done / required', '% done', 'State']} testId="plan-services">
          {plan.byService.map((r) => (
            <tr key={r.service}>
              <td>{r.label}</td>
              <td className="num">
                {fmtInt(r.done)} / {fmtInt(r.required)}
              </td>
              <td className="pct-cell">
                <Progress pct={r.pct} state={r.state} />
                <span className="num">{r.pct} %</span>
              </td>
              <td>
                <StateBadge state={r.state} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      {tab === 'items' && (
        <Table
          head={['Inspector', 'Service', 'Joint action', 'Done / required', 'Expected by now', 'State']}
          testId="plan-items"
        >
          {plan.items.map((i) => (
            <tr key={`${i.inspector}|${i.service}|${i.type}`}>
              <td>{inspectorLabel(i.inspectorName, i.inspector)}</td>
              <td>{SERVICE_LABELS[i.service]}</td>
              <td>{JOINT_ACTION_LABELS[i.type]}</td>
              <td className="num">
                {fmtInt(i.done)} / {fmtInt(i.required)}
              </td>
              <td className="num">{i.expected}</td>
              <td>
                <StateBadge state={i.state} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <p className="hint">
        Done counts the recorded joint actions of the inspector, of that type, with that service, within the plan
        period. Behind: more than 20 % (and more than one action) below the count expected if the work were spread
        evenly over the period. Totals count each item at most up to its requirement; a territory takes the state of its
        latest item.
      </p>
    </div>
  );
}

function Table({ head, testId, children }: { head: string[]; testId: string; children: ReactNode }) {
  return (
    <table className="coop-table plan-table" data-testid={testId}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
