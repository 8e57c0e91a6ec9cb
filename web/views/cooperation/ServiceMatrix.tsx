// Inspector × service matrix: actions of each inspector with each service; the row total counts an action once,
// so it is not the sum of the row (an action may have several services). Sorted by the inspector's actions.
import { useMemo, useState } from 'react';
import type { InspectorServiceMatrix } from '../../queries/cooperation.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { rankLabel } from '../coverage/labels.ts';
import { SERVICE_COLORS, serviceLabel, serviceShort } from './services.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { useExportWhere } from '../common/export-where.ts';
import { compareShown } from '../../i18n/collate.ts';

type Sort = 'total' | 'name';

export function ServiceMatrix({ matrix }: { matrix: InspectorServiceMatrix }) {
  const [sort, setSort] = useState<Sort>('total');
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const where = useExportWhere();
  const rows = useMemo(() => {
    const r = matrix.inspectors.map((inspector, k) => ({
      inspector,
      name: nameOf(f.inspector(inspector.name, inspector.id)),
      cells: matrix.cells[k] ?? [],
      total: matrix.rowTotals[k] ?? 0,
    }));
    return sort === 'total'
      ? r.sort((a, b) => b.total - a.total || compareShown(a.name, b.name))
      : r.sort((a, b) => compareShown(a.name, b.name));
  }, [matrix, sort, f, nameOf]);
  const max = Math.max(1, ...matrix.cells.flat());
  const idle = rows.filter((r) => r.total === 0).length;
  return (
    <div className="matrix-wrap">
      <TableDownload
        title={t('cooperation.tab.matrix')}
        what={['cooperation-matrix', where]}
        period="selection"
        table="[data-testid=matrix]"
      />
      <p className="hint">
        {t('cooperation.matrix.hint', {
          count: matrix.inspectors.length,
          n: f.int(matrix.inspectors.length),
          idle,
          idleText: f.int(idle),
        })}{' '}
        <button type="button" className={sort === 'total' ? 'link active' : 'link'} onClick={() => setSort('total')}>
          {t('cooperation.matrix.byActions')}
        </button>
        {' · '}
        <button type="button" className={sort === 'name' ? 'link active' : 'link'} onClick={() => setSort('name')}>
          {t('cooperation.matrix.byName')}
        </button>
      </p>
      <div className="matrix-scroll">
        <table className="coop-table matrix" data-testid="matrix">
          <thead>
            <tr>
              <th className="who">{t('cooperation.matrix.inspector')}</th>
              <th className="num total" title={t('cooperation.matrix.actions.title')}>
                {t('cooperation.matrix.actions')}
              </th>
              {matrix.services.map((s) => (
                <th key={s} className="num svc" title={serviceLabel(s, t)}>
                  <span className="dot" style={{ background: `rgb(${SERVICE_COLORS[s].join(',')})` }} />
                  {serviceShort(s, t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ inspector, name, cells, total }) => (
              <tr key={inspector.id} data-inspector={inspector.id} className={total === 0 ? 'idle' : undefined}>
                <td
                  data-code={inspector.id}
                  className="who"
                  title={t('cooperation.matrix.who', {
                    rank: inspector.rank ? rankLabel(inspector.rank, t) : t('cooperation.matrix.rankHidden'),
                    district: inspector.district,
                  })}
                >
                  {name}
                </td>
                <td className="num total" data-testid="row-total">
                  {f.int(total)}
                </td>
                {cells.map((n, s) => (
                  <td
                    key={s}
                    className="num cell"
                    style={
                      n > 0
                        ? {
                            background: `rgba(27, 45, 68, ${(0.08 + 0.5 * (n / max)).toFixed(3)})`,
                            color: n / max > 0.6 ? '#fff' : undefined,
                          }
                        : undefined
                    }
                  >
                    {n > 0 ? f.int(n) : '·'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th className="who">{t('cooperation.matrix.all')}</th>
              <td className="num total" data-testid="grand-total">
                {f.int(matrix.total)}
              </td>
              {matrix.columnTotals.map((n, s) => (
                <td key={s} className="num" data-testid="column-total">
                  {f.int(n)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
