// One breakdown of the applications as bar rows: count with its share, open and overdue, and resolution times where known.
import { fmtInt } from '../../format.ts';
import { labelOf, type Dimension } from './labels.ts';

export interface BreakdownRow {
  code: string | null;
  n: number;
  open: number;
  overdue: number;
  medianDays?: number | null;
  p90Days?: number | null;
}

export function Breakdown({
  title,
  dim,
  rows,
  total,
  testId,
}: {
  title: string;
  dim: Dimension;
  rows: readonly BreakdownRow[];
  total: number;
  testId: string;
}) {
  const timed = rows.some((r) => r.medianDays !== undefined);
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <section className="appl-breakdown" data-testid={testId}>
      <h3>{title}</h3>
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">Arrived</th>
            <th className="num">Open</th>
            <th className="num">Overdue</th>
            {timed && (
              <th className="num" title="Median / 90th percentile days to resolution">
                Days (med / p90)
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code ?? 'null'}>
              <td>
                <span className="appl-label">{labelOf(dim, r.code)}</span>
                <span className="appl-bar" style={{ width: `${(100 * r.n) / max}%` }} />
              </td>
              <td className="num">
                {fmtInt(r.n)}{' '}
                <span className="appl-share">{total > 0 ? `${((100 * r.n) / total).toFixed(1)} %` : ''}</span>
              </td>
              <td className="num">{fmtInt(r.open)}</td>
              <td className={r.overdue > 0 ? 'num warn' : 'num'}>{fmtInt(r.overdue)}</td>
              {timed && <td className="num">{r.medianDays == null ? '—' : `${r.medianDays} / ${r.p90Days ?? '—'}`}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
