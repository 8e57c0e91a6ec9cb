// One breakdown of the applications as bar rows: count with its share, open and overdue, and resolution times where known.
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { pct } from '../cooperation/services.ts';
import { labelOf, type Dimension } from './labels.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { useExportWhere } from '../common/export-where.ts';

export interface BreakdownRow {
  code: string | null;
  n: number;
  open: number;
  overdue: number;
  medianDays?: number | null;
  p90Days?: number | null;
}

/** One breakdown table, titled by its dimension (`applications.dim.<dim>`). */
export function Breakdown({
  dim,
  rows,
  total,
  testId,
}: {
  dim: Dimension;
  rows: readonly BreakdownRow[];
  total: number;
  testId: string;
}) {
  const t = useT();
  const f = useFmt();
  const where = useExportWhere();
  const timed = rows.some((r) => r.medianDays !== undefined);
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <section className="appl-breakdown" data-testid={testId}>
      <TableDownload
        title={t(`applications.dim.${dim}`)}
        what={[`applications-${dim}`, where]}
        period="selection"
        table={`[data-testid=${testId}] table`}
        id={dim}
      />
      <h3>{t(`applications.dim.${dim}`)}</h3>
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">{t('applications.arrived')}</th>
            <th className="num">{t('applications.open')}</th>
            <th className="num">{t('applications.overdue')}</th>
            {timed && (
              <th className="num" title={t('applications.days.title')}>
                {t('applications.days')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code ?? 'null'}>
              <td>
                <span className="appl-label">{labelOf(dim, r.code, false, t)}</span>
                <span className="appl-bar" style={{ width: `${(100 * r.n) / max}%` }} />
              </td>
              <td className="num">
                {f.int(r.n)} <span className="appl-share">{total > 0 ? pct(r.n / total, 1, f.locale) : ''}</span>
              </td>
              <td className="num">{f.int(r.open)}</td>
              <td className={r.overdue > 0 ? 'num warn' : 'num'}>{f.int(r.overdue)}</td>
              {timed && (
                <td className="num">
                  {r.medianDays == null
                    ? '—'
                    : `${f.int(r.medianDays)} / ${r.p90Days == null ? '—' : f.int(r.p90Days)}`}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
