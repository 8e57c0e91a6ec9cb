// Applications: received in the period against the previous one, still open and overdue, and where they went.
import type { SlideProps } from './SlideFrame.tsx';
import { Kpi } from './Kpi.tsx';
import type { ServiceCode } from '../../../../server/contract/catalog.ts';
import { useFmt, useT } from '../../../i18n/I18n.tsx';

const ROWS = 6;

export function ApplicationsSlide({ snap }: SlideProps) {
  const tr = useT();
  const f = useFmt();
  const { flow, flowPrevious } = snap.ops;
  if (!flow || !flowPrevious) return null;
  const t = flow.total;
  const services = [...flow.byService].sort((a, b) => b.n - a.n).slice(0, ROWS);
  return (
    <div className="ops-slide">
      <dl className="kpis">
        <Kpi
          label={tr('wall.apps.received')}
          value={f.int(t.n)}
          note={tr('wall.vs', {
            change: f.change(t.n, flowPrevious.total.n) ?? tr('wall.noEarlier'),
            before: f.int(flowPrevious.total.n),
          })}
          testId="kpi-received"
        />
        <Kpi
          label={tr('wall.apps.open')}
          value={f.int(t.open)}
          note={tr('wall.apps.openOn', { day: f.dayLong(flow.asOf) })}
          testId="kpi-open"
        />
        <Kpi
          label={tr('wall.apps.overdue')}
          value={f.int(t.overdue)}
          note={
            t.open > 0 ? tr('wall.apps.overdueShare', { pct: f.pct(t.overdue / t.open) }) : tr('wall.apps.noneOpen')
          }
          testId="kpi-overdue"
        />
        <Kpi
          label={tr('wall.apps.median')}
          value={t.medianDays === null ? '–' : tr('wall.apps.days', { n: f.decimal(t.medianDays, 1) })}
          note={t.p90Days === null ? undefined : tr('wall.apps.p90', { count: Math.round(t.p90Days) })}
        />
      </dl>
      <table className="wall-table">
        <thead>
          <tr>
            <th>{tr('wall.apps.handledBy')}</th>
            <th className="num">{tr('wall.apps.received')}</th>
            <th className="num">{tr('wall.apps.openCol')}</th>
            <th className="num">{tr('wall.apps.overdue')}</th>
            <th className="num">{tr('wall.apps.medianDays')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((r) => (
            <tr key={r.code ?? 'inspector'}>
              <td className="name">
                {r.code === null ? tr('wall.apps.kept') : tr(`wall.service.${r.code as ServiceCode}`)}
              </td>
              <td className="num strong">{f.int(r.n)}</td>
              <td className="num">{f.int(r.open)}</td>
              <td className={`num${r.overdue > 0 ? ' alert' : ''}`}>{f.int(r.overdue)}</td>
              <td className="num">{r.medianDays === null ? '–' : f.decimal(r.medianDays, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        {tr('wall.apps.note', {
          day: f.dayLong(flow.asOf),
          kept: flow.termDays.kept,
          passed: flow.termDays.passed,
        })}
      </p>
    </div>
  );
}
