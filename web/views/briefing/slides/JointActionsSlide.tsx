// Joint actions of the period with the services that took part, and the running model plan's fulfilment per territory
// (worst first, each state said in words).
import type { SlideProps } from './SlideFrame.tsx';
import { Kpi } from './Kpi.tsx';
import { PLAN_STATE_LABELS, PLAN_STATES } from '../../../../server/contract/catalog.ts';
import { fmtChange, fmtInt, formatPeriod, inspectorLabel } from '../../../format.ts';

const SERVICES_SHOWN = 5;
const TERRITORIES_SHOWN = 7;

export function JointActionsSlide({ snap }: SlideProps) {
  const { actions, actionsPrevious, plans } = snap.ops;
  if (!actions || !actionsPrevious || !plans) return null;
  const services = [...actions.services].sort((a, b) => b.actions - a.actions).slice(0, SERVICES_SHOWN);
  const plan = plans[0];
  const rank = (s: string): number => -PLAN_STATES.indexOf(s as (typeof PLAN_STATES)[number]);
  const territories = plan
    ? [...plan.byInspector].sort((a, b) => rank(a.state) - rank(b.state) || a.pct - b.pct).slice(0, TERRITORIES_SHOWN)
    : [];
  return (
    <div className="split even">
      <div className="ops-slide">
        <dl className="kpis">
          <Kpi
            label="Joint actions"
            value={fmtInt(actions.total)}
            note={`${fmtChange(actions.total, actionsPrevious.total) ?? 'no earlier data'} vs ${fmtInt(actionsPrevious.total)}`}
            testId="kpi-actions"
          />
          <Kpi
            label="Offences found"
            value={fmtInt(actions.results.offencesFound)}
            note={`${fmtInt(actions.results.personsChecked)} persons checked`}
          />
        </dl>
        <ol className="share-bars" aria-label="Services taking part">
          {services.map((s) => (
            <li key={s.code}>
              <span className="label">{s.label}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${Math.round(100 * s.share)}%` }} />
              </span>
              <span className="num">{Math.round(100 * s.share)} %</span>
            </li>
          ))}
        </ol>
      </div>
      <div className="ops-slide">
        {plan ? (
          <>
            <h2 className="panel-title">
              Model plan “{plan.name}” · {formatPeriod({ from: plan.from, to: plan.to })} · {plan.totals.pct.toFixed(0)}{' '}
              % done
            </h2>
            <table className="wall-table" data-testid="plan-table">
              <thead>
                <tr>
                  <th>Territory (inspector)</th>
                  <th className="num">Done</th>
                  <th className="num">%</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                {territories.map((t) => (
                  <tr key={t.inspector}>
                    <td>
                      <span className="name">{inspectorLabel(t.name, t.inspector)}</span>{' '}
                      <span className="sub">
                        {t.mahallas.length} mahalla{t.mahallas.length === 1 ? '' : 's'}
                      </span>
                    </td>
                    <td className="num">
                      {t.done} / {t.required}
                    </td>
                    <td className="num strong">{t.pct.toFixed(0)}</td>
                    <td>
                      <span className={`state ${t.state}`}>{PLAN_STATE_LABELS[t.state]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.byInspector.length > territories.length && (
              <p className="note">{plan.byInspector.length - territories.length} more territories on the Plans page.</p>
            )}
          </>
        ) : (
          <p className="panel-title" data-testid="no-plan">
            No model plan runs on {formatPeriod({ from: snap.period.to, to: snap.period.to })} for this area.
          </p>
        )}
      </div>
    </div>
  );
}
