// Joint actions of the period with the services that took part, and the running model plan's fulfilment per territory
// (worst first, each state said in words).
import type { SlideProps } from './SlideFrame.tsx';
import { Kpi } from './Kpi.tsx';
import { PLAN_STATES } from '../../../../server/contract/catalog.ts';
import { useFmt, useNameOf, useT } from '../../../i18n/I18n.tsx';
import { useSayName } from '../../../i18n/system-names.ts';

const SERVICES_SHOWN = 5;
/** The territories furthest behind: five two-line rows (name, then "3 махалли"), the plan's title and the "more on
 * the Plans page" line are what fits above the footer at 1920×1080 in Russian; seven ran onto it (issue 14). */
const TERRITORIES_SHOWN = 5;

export function JointActionsSlide({ snap }: SlideProps) {
  const tr = useT();
  const say = useSayName();
  const f = useFmt();
  const nameOf = useNameOf();
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
            label={tr('wall.joint.actions')}
            value={f.int(actions.total)}
            note={tr('wall.vs', {
              change: f.change(actions.total, actionsPrevious.total) ?? tr('wall.noEarlier'),
              before: f.int(actionsPrevious.total),
            })}
            testId="kpi-actions"
          />
          <Kpi
            label={tr('wall.joint.offences')}
            value={f.int(actions.results.offencesFound)}
            note={tr('wall.joint.persons', { count: actions.results.personsChecked })}
          />
        </dl>
        <ol className="share-bars" aria-label={tr('wall.joint.servicesAria')}>
          {services.map((s) => (
            <li key={s.code}>
              <span className="label">{tr(`wall.service.${s.code}`)}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${Math.round(100 * s.share)}%` }} />
              </span>
              <span className="num">{f.pct(s.share)}</span>
            </li>
          ))}
        </ol>
      </div>
      <div className="ops-slide">
        {plan ? (
          <>
            <h2 className="panel-title">
              {tr('wall.joint.plan', {
                name: say(plan.name),
                period: f.period({ from: plan.from, to: plan.to }),
                pct: f.pct(plan.totals.pct / 100),
              })}
            </h2>
            <table className="wall-table" data-testid="plan-table">
              <thead>
                <tr>
                  <th>{tr('wall.joint.territory')}</th>
                  <th className="num">{tr('wall.joint.done')}</th>
                  <th className="num">%</th>
                  <th>{tr('wall.joint.state')}</th>
                </tr>
              </thead>
              <tbody>
                {territories.map((t) => (
                  <tr key={t.inspector}>
                    <td>
                      <span className="name">{t.name ? nameOf(t.name) : f.inspector(null, t.inspector)}</span>{' '}
                      <span className="sub">{tr('wall.joint.mahallas', { count: t.mahallas.length })}</span>
                    </td>
                    <td className="num">
                      {t.done} / {t.required}
                    </td>
                    <td className="num strong">{t.pct.toFixed(0)}</td>
                    <td>
                      <span className={`state ${t.state}`}>{tr(`wall.planState.${t.state}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.byInspector.length > territories.length && (
              <p className="note">
                {tr('wall.joint.moreTerritories', { count: plan.byInspector.length - territories.length })}
              </p>
            )}
          </>
        ) : (
          <p className="panel-title" data-testid="no-plan">
            {tr('wall.joint.noPlan', { day: f.day(snap.period.to) })}
          </p>
        )}
      </div>
    </div>
  );
}
