// One plan with its fulfilment: overall progress, per territory (inspector), per service and per item; editing it,
// copying it to the next period and deleting it. Every delete asks first; a plan with recorded fulfilment says so and
// is archived as it stood before it goes.
import { useState } from 'react';
import { useCopyPlan, useDeletePlan, type PlanDetail } from '../../queries/plans.ts';
import { can, useSession } from '../../queries/session.ts';
import { update, useUi } from '../../state/store.ts';
import { PLAN_TABS, type PlanTab } from '../../state/url.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { actionLabel, serviceLabel } from './plan-labels.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { nextPeriod } from '../../../server/shared/period.ts';
import { planPct, PlanTable, Progress, StateBadge } from './PlanTable.tsx';
import { useSayName } from '../../i18n/system-names.ts';
import './PlanItemsView.css';

const TAB_LABELS: Record<PlanTab, MessageId> = {
  territory: 'plans.tab.territory',
  service: 'plans.tab.service',
  items: 'plans.tab.items',
};

export interface PlanDetailProps {
  plan: PlanDetail;
  /** a plan was created from this one (a copy): show it */
  onChanged: (selectId: number) => void;
  onDeleted: (id: number) => void;
  onEdit: () => void;
  onHighlight: (mahallas: number[]) => void;
}

export function PlanDetailView({ plan, onChanged, onDeleted, onEdit, onHighlight }: PlanDetailProps) {
  const said = useApiErrors();
  const t = useT();
  const say = useSayName();
  const f = useFmt();
  const nameOf = useNameOf();
  const canWrite = can(useSession().data, 'plans.write');
  // The tab is in the UI store (a link reopens it) and stays as it is when another plan is chosen.
  const tab = useUi((s) => s.planTab);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const copy = useCopyPlan();
  const del = useDeletePlan();
  const next = nextPeriod(plan);
  // Each tab's table downloads as "plan <name> <tab>", dated by the plan's period.
  const download = (k: PlanTab) => ({
    title: `${say(plan.name)} — ${t(TAB_LABELS[k])}`,
    what: ['plan', say(plan.name), k],
    period: { from: plan.from, to: plan.to },
  });
  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(said.error(err));
    }
  };
  // The plan in hand says whether fulfilment was recorded, so the question says what deleting keeps; the server's
  // 409 still guards a page that is out of date.
  const recorded = plan.items.reduce((sum, i) => sum + i.done, 0);
  const remove = () =>
    run(async () => {
      setAsking(false);
      const r = await del.mutateAsync({ id: plan.id, confirm: true });
      if (r.deleted) onDeleted(plan.id);
      else setError(r.reason);
    });
  const s = plan.schedule;
  const inspector = (name: string | null | undefined, id: number) => f.inspector(name ? nameOf(name) : name, id);
  return (
    <div className="plan-detail" data-testid="plan-detail">
      <header className="plan-head">
        <div>
          <h2 data-testid="plan-title">{say(plan.name)}</h2>
          <p className="muted">
            {nameOf(plan.districtName)} · {f.day(plan.from)} – {f.day(plan.to)} ·{' '}
            {s.ended ? t('plans.ended') : t('plans.dayOf', { day: s.elapsed, total: s.total })}{' '}
            {t('plans.asOf', { day: f.day(plan.asOf) })}
          </p>
        </div>
        <div className="plan-total">
          <strong data-testid="plan-pct">{planPct(plan.totals.pct, f)}</strong>
          <StateBadge state={plan.totals.state} />
          <span className="muted small">
            {t('plans.doneOf', {
              count: plan.totals.required,
              done: f.int(plan.totals.done),
              required: f.int(plan.totals.required),
            })}
          </span>
        </div>
      </header>
      {canWrite && (
        <div className="plan-actions">
          <button type="button" className="btn" data-testid="plan-edit" onClick={onEdit}>
            {t('plans.edit')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="plan-copy"
            onClick={() => void run(async () => onChanged((await copy.mutateAsync({ id: plan.id, to: next })).id))}
          >
            {t('plans.copyTo', { period: `${f.day(next.from)} – ${f.day(next.to)}` })}
          </button>
          <button type="button" className="btn danger" data-testid="plan-delete" onClick={() => setAsking(true)}>
            {t('plans.delete')}
          </button>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={t('plans.deleteDialog.title', { name: say(plan.name) })}
          confirmLabel={recorded > 0 ? t('plans.deleteDialog.archive') : t('plans.deleteDialog.confirm')}
          cancelLabel={t('plans.deleteDialog.keep')}
          danger
          testId="plan-confirm"
          onCancel={() => setAsking(false)}
          onConfirm={() => void remove()}
        >
          <p>
            {recorded > 0
              ? t('plans.deleteDialog.recorded', { count: recorded, n: f.int(recorded) })
              : t('plans.deleteDialog.none')}
          </p>
        </ConfirmDialog>
      )}
      {error && (
        <p className="form-issues" role="alert">
          {error}
        </p>
      )}
      <div className="report-tabs inner" role="tablist">
        {PLAN_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'report-tab active' : 'report-tab'}
            data-testid={`plan-tab-${k}`}
            onClick={() => update({ planTab: k })}
          >
            {t(TAB_LABELS[k])}
          </button>
        ))}
      </div>
      {tab === 'territory' && (
        <PlanTable
          head={[
            t('plans.col.territory'),
            t('plans.col.mahallas'),
            t('plans.col.doneRequired'),
            t('plans.col.pctDone'),
            t('plans.col.state'),
          ]}
          testId="plan-territories"
          {...download('territory')}
        >
          {plan.byInspector.map((r) => (
            <tr
              key={r.inspector}
              data-inspector={r.inspector}
              onMouseEnter={() => onHighlight(r.mahallas)}
              onMouseLeave={() => onHighlight([])}
            >
              <td data-code={r.inspector}>{inspector(r.name, r.inspector)}</td>
              <td className="num">{f.int(r.mahallas.length)}</td>
              <td className="num">
                {f.int(r.done)} / {f.int(r.required)}
              </td>
              <td className="pct-cell">
                <Progress pct={r.pct} state={r.state} />
                <span className="num">{planPct(r.pct, f)}</span>
              </td>
              <td>
                <StateBadge state={r.state} />
              </td>
            </tr>
          ))}
        </PlanTable>
      )}
      {tab === 'service' && (
        <PlanTable
          head={[t('plans.col.service'), t('plans.col.doneRequired'), t('plans.col.pctDone'), t('plans.col.state')]}
          testId="plan-services"
          {...download('service')}
        >
          {plan.byService.map((r) => (
            <tr key={r.service}>
              <td>{serviceLabel(t, r.service)}</td>
              <td className="num">
                {f.int(r.done)} / {f.int(r.required)}
              </td>
              <td className="pct-cell">
                <Progress pct={r.pct} state={r.state} />
                <span className="num">{planPct(r.pct, f)}</span>
              </td>
              <td>
                <StateBadge state={r.state} />
              </td>
            </tr>
          ))}
        </PlanTable>
      )}
      {tab === 'items' && (
        <PlanTable
          head={[
            t('plans.col.inspector'),
            t('plans.col.service'),
            t('plans.col.action'),
            t('plans.col.doneRequired'),
            t('plans.col.expected'),
            t('plans.col.state'),
          ]}
          testId="plan-items"
          className="plan-items"
          {...download('items')}
        >
          {plan.items.map((i) => (
            <tr key={`${i.inspector}|${i.service}|${i.type}`}>
              <td data-code={i.inspector}>{inspector(i.inspectorName, i.inspector)}</td>
              <td>{serviceLabel(t, i.service)}</td>
              <td>{actionLabel(t, i.type)}</td>
              <td className="num">
                {f.int(i.done)} / {f.int(i.required)}
              </td>
              <td className="num">{f.int(i.expected)}</td>
              <td>
                <StateBadge state={i.state} />
              </td>
            </tr>
          ))}
        </PlanTable>
      )}
      <p className="hint">{t('plans.hint')}</p>
    </div>
  );
}
