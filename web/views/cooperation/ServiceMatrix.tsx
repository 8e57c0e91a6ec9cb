// Inspector × service matrix: actions of each inspector with each service; the row total counts an action once,
// so it is not the sum of the row (an action may have several services). Sorted by the inspector's actions.
import { useMemo, useState } from 'react';
import type { InspectorServiceMatrix } from '../../queries/cooperation.ts';
import { SERVICE_LABELS } from '../../../server/contract/catalog.ts';
import { fmtInt, inspectorLabel } from '../../format.ts';
import { SERVICE_COLORS, SERVICE_SHORT } from './services.ts';

type Sort = 'total' | 'name';

export function ServiceMatrix({ matrix }: { matrix: InspectorServiceMatrix }) {
  const [sort, setSort] = useState<Sort>('total');
  const rows = useMemo(() => {
    const r = matrix.inspectors.map((inspector, k) => ({
      inspector,
      name: inspectorLabel(inspector.name, inspector.id),
      cells: matrix.cells[k] ?? [],
      total: matrix.rowTotals[k] ?? 0,
    }));
    return sort === 'total'
      ? r.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
      : r.sort((a, b) => a.name.localeCompare(b.name));
  }, [matrix, sort]);
  const max = Math.max(1, ...matrix.cells.flat());
  const idle = rows.filter((r) => r.total === 0).length;
  return (
    <div className="matrix-wrap">
      <p className="hint">
        {fmtInt(matrix.inspectors.length)} inspectors
        {idle > 0 ? `, ${fmtInt(idle)} without any joint action in the period` : ''}. Sort by{' '}
        <button type="button" className={sort === 'total' ? 'link active' : 'link'} onClick={() => setSort('total')}>
          actions
        </button>
        {' · '}
        <button type="button" className={sort === 'name' ? 'link active' : 'link'} onClick={() => setSort('name')}>
          name
        </button>
      </p>
      <div className="matrix-scroll">
        <table className="coop-table matrix" data-testid="matrix">
          <thead>
            <tr>
              <th className="who">Inspector</th>
              <th className="num total" title="Joint actions of the inspector, each counted once">
                Actions
              </th>
              {matrix.services.map((s) => (
                <th key={s} className="num svc" title={SERVICE_LABELS[s]}>
                  <span className="dot" style={{ background: `rgb(${SERVICE_COLORS[s].join(',')})` }} />
                  {SERVICE_SHORT[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ inspector, name, cells, total }) => (
              <tr key={inspector.id} data-inspector={inspector.id} className={total === 0 ? 'idle' : undefined}>
                <td className="who" title={`${inspector.rank ?? 'rank not shown'} · district ${inspector.district}`}>
                  {name}
                </td>
                <td className="num total" data-testid="row-total">
                  {fmtInt(total)}
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
                    {n > 0 ? fmtInt(n) : '·'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th className="who">All inspectors</th>
              <td className="num total" data-testid="grand-total">
                {fmtInt(matrix.total)}
              </td>
              {matrix.columnTotals.map((n, s) => (
                <td key={s} className="num" data-testid="column-total">
                  {fmtInt(n)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
