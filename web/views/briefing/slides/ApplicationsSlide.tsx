// Applications: received in the period against the previous one, still open and overdue, and where they went.
import type { SlideProps } from './SlideFrame.tsx';
import { Kpi } from './Kpi.tsx';
import { SERVICE_LABELS, type ServiceCode } from '../../../../server/contract/catalog.ts';
import { fmtChange, fmtInt, formatDayLong } from '../../../format.ts';

const ROWS = 6;

export function ApplicationsSlide({ snap }: SlideProps) {
  const { flow, flowPrevious } = snap.ops;
  if (!flow || !flowPrevious) return null;
  const t = flow.total;
  const services = [...flow.byService].sort((a, b) => b.n - a.n).slice(0, ROWS);
  return (
    <div className="ops-slide">
      <dl className="kpis">
        <Kpi
          label="Received"
          value={fmtInt(t.n)}
          note={`${fmtChange(t.n, flowPrevious.total.n) ?? 'no earlier data'} vs ${fmtInt(flowPrevious.total.n)}`}
          testId="kpi-received"
        />
        <Kpi label="Still open" value={fmtInt(t.open)} note={`on ${formatDayLong(flow.asOf)}`} testId="kpi-open" />
        <Kpi
          label="Overdue"
          value={fmtInt(t.overdue)}
          note={t.open > 0 ? `${Math.round((100 * t.overdue) / t.open)} % of the open ones` : 'none open'}
          testId="kpi-overdue"
        />
        <Kpi
          label="Median resolution"
          value={t.medianDays === null ? '–' : `${t.medianDays.toFixed(1)} d`}
          note={t.p90Days === null ? undefined : `9 in 10 within ${t.p90Days.toFixed(0)} days`}
        />
      </dl>
      <table className="wall-table">
        <thead>
          <tr>
            <th>Handled by</th>
            <th className="num">Received</th>
            <th className="num">Open</th>
            <th className="num">Overdue</th>
            <th className="num">Median days</th>
          </tr>
        </thead>
        <tbody>
          {services.map((r) => (
            <tr key={r.code ?? 'inspector'}>
              <td className="name">
                {r.code === null ? 'Prevention inspector (kept)' : SERVICE_LABELS[r.code as ServiceCode]}
              </td>
              <td className="num strong">{fmtInt(r.n)}</td>
              <td className="num">{fmtInt(r.open)}</td>
              <td className={`num${r.overdue > 0 ? ' alert' : ''}`}>{fmtInt(r.overdue)}</td>
              <td className="num">{r.medianDays === null ? '–' : r.medianDays.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        Open and overdue as of {formatDayLong(flow.asOf)}; terms: {flow.termDays.kept} days when kept by the inspector,{' '}
        {flow.termDays.passed} when passed to a service.
      </p>
    </div>
  );
}
