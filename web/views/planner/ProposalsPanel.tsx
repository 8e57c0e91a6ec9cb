// Automatic proposals beside the current plan: three plans within a tolerance of the ideal workload (fewest changes,
// most even, most compact) and the greedy baseline, with their balance, moves from the plan in force and cut edges;
// one is applied as the draft (undoable, stroke by stroke).
import { useState } from 'react';
import { movedBetween, type Plan } from '../../../server/shared/planner/model.ts';
import { greedyBaseline, propose, type PlanOutcome } from '../../../server/shared/planner/propose.ts';
import type { Editor } from './usePlanState.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { MessageId } from '../../i18n/messages.ts';

interface Row extends PlanOutcome {
  label: string;
}

const EPSILONS = [0.1, 0.25, 0.5] as const;

export function ProposalsPanel({ editor, inForce, canEdit }: { editor: Editor; inForce: Plan; canEdit: boolean }) {
  const [epsilon, setEpsilon] = useState<number>(0.25);
  const t = useT();
  const f = useFmt();
  const pctAbs = (x: number): string => f.pct(x);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { model, state } = editor;
  const now = state.metrics();
  const outsideNow = now.posts.filter((p) => Math.abs(p.deviation) > epsilon + 1e-9).length;
  const run = (): void => {
    setBusy(true);
    // Let the "working" line paint first: a district's proposals take up to a second on this thread.
    setTimeout(() => {
      const o = {
        epsilon,
        seed: 1,
        inForce,
        locked: [...state.locked.keys()].filter((p) => state.locked[p]),
        pinned: [...state.pinned.keys()].filter((m) => state.pinned[m]),
      };
      const costs = state.weights;
      const proposals = propose(model, costs, state.plan, o);
      setRows([
        { label: t('planner.prop.baseline'), ...greedyBaseline(model, costs, state.plan, o) },
        ...proposals.map((p) => ({ ...p, label: t(`planner.prop.kind.${p.kind}` as MessageId) })),
      ]);
      setBusy(false);
    }, 30);
  };
  return (
    <section className="planner-proposals" aria-label={t('planner.prop.aria')}>
      <p className="muted">{t('planner.prop.intro')}</p>
      <div className="row">
        <label>
          {t('planner.prop.tolerance')}{' '}
          <select
            value={epsilon}
            onChange={(e) => setEpsilon(Number(e.target.value))}
            aria-label={t('planner.prop.tolerance')}
          >
            {EPSILONS.map((e) => (
              <option key={e} value={e}>
                ±{pctAbs(e)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={run} disabled={busy} data-testid="propose">
          {busy ? t('planner.prop.working') : t('planner.prop.run')}
        </button>
      </div>
      <table className="planner-table" data-testid="proposals">
        <thead>
          <tr>
            <th>{t('planner.prop.plan')}</th>
            <th title={t('planner.prop.maxDevTitle')}>{t('planner.prop.maxDev')}</th>
            <th title={t('planner.prop.outsideTitle')}>{t('planner.prop.outside')}</th>
            <th title={t('planner.prop.movedTitle')}>{t('planner.prop.moved')}</th>
            <th title={t('planner.prop.cutTitle')}>{t('planner.cut')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr className="current">
            <td>{t('planner.prop.current')}</td>
            <td>{pctAbs(now.maxAbsDeviation)}</td>
            <td>{outsideNow}</td>
            <td>{movedBetween(state.plan, inForce).length}</td>
            <td>{now.cutEdges}</td>
            <td />
          </tr>
          {rows?.map((r, k) => (
            <tr key={k} data-testid="proposal">
              <td>
                {r.label}
                {!r.feasible && r.infeasible[0] && (
                  <div className="why" title={r.infeasible.map((i) => i.text).join('\n')}>
                    {r.infeasible[0].text}
                    {r.infeasible.length > 1 ? t('planner.prop.more', { count: r.infeasible.length - 1 }) : ''}
                  </div>
                )}
              </td>
              <td>{pctAbs(r.maxAbsDeviation)}</td>
              <td>{r.outside}</td>
              <td>{r.moved.length}</td>
              <td>{r.cutEdges}</td>
              <td>
                {canEdit && (
                  <button type="button" onClick={() => editor.replace(r.plan)}>
                    {t('planner.prop.use')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
