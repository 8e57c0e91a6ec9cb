// Automatic proposals beside the current plan: three plans within a tolerance of the ideal workload (fewest changes,
// most even, most compact) and the greedy baseline, with their balance, moves from the plan in force and cut edges;
// one is applied as the draft (undoable, stroke by stroke).
import { useState } from 'react';
import { movedBetween, type Plan } from '../../../server/shared/planner/model.ts';
import { greedyBaseline, propose, type PlanOutcome } from '../../../server/shared/planner/propose.ts';
import type { Editor } from './usePlanState.ts';

interface Row extends PlanOutcome {
  label: string;
}

const EPSILONS = [0.1, 0.25, 0.5] as const;
const pctAbs = (x: number): string => `${Math.round(x * 100)} %`;

export function ProposalsPanel({ editor, inForce, canEdit }: { editor: Editor; inForce: Plan; canEdit: boolean }) {
  const [epsilon, setEpsilon] = useState<number>(0.25);
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
      setRows([{ label: 'Greedy baseline', ...greedyBaseline(model, costs, state.plan, o) }, ...proposals]);
      setBusy(false);
    }, 30);
  };
  return (
    <section className="planner-proposals" aria-label="Automatic proposals">
      <p className="muted">
        Hamkor draws three plans that keep every territory in one piece, bring each inspector's workload within the
        tolerance of the ideal where possible, keep locked territories and pinned mahallas, and move as few mahallas
        from the plan in force as it can.
      </p>
      <div className="row">
        <label>
          Tolerance{' '}
          <select value={epsilon} onChange={(e) => setEpsilon(Number(e.target.value))} aria-label="Tolerance">
            {EPSILONS.map((e) => (
              <option key={e} value={e}>
                ±{pctAbs(e)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={run} disabled={busy} data-testid="propose">
          {busy ? 'Working…' : 'Propose plans'}
        </button>
      </div>
      <table className="planner-table" data-testid="proposals">
        <thead>
          <tr>
            <th>Plan</th>
            <th title="Largest deviation of a post from the ideal">Largest dev.</th>
            <th title="Posts outside the tolerance">Outside</th>
            <th title="Mahallas whose inspector differs from the plan in force">Moved</th>
            <th title="Borders between mahallas of different territories: fewer = more compact">Cut edges</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr className="current">
            <td>This draft now</td>
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
                    {r.infeasible.length > 1 ? ` (+${r.infeasible.length - 1} more)` : ''}
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
                    Use
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
