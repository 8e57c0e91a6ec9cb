// The pieces of a plan's fulfilment tables, shared by the plan list and a plan's detail: the state badge, the progress
// bar, the percentage as the language writes it, and a table with its download.
import type { ReactNode } from 'react';
import type { PlanState } from '../../../server/contract/catalog.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { Formatters } from '../../format.ts';
import { cssOf } from '../cooperation/services.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { stateLabel } from './plan-labels.ts';
import { STATE_COLORS } from './plan-view.ts';

export function StateBadge({ state }: { state: PlanState }) {
  const t = useT();
  return (
    <span className={`state state-${state}`} data-state={state}>
      {stateLabel(t, state)}
    </span>
  );
}

/**
 * A plan's fulfilment percentage (one decimal at most) with the language's decimal sign.
 * @example planPct(12.3, formatters('ru')) // '12,3 %'
 */
export const planPct = (pct: number, f: Formatters): string =>
  `${Number.isInteger(pct) ? f.int(pct) : f.decimal(pct, 1)} %`;

export function Progress({ pct, state }: { pct: number; state: PlanState }) {
  const f = useFmt();
  return (
    <span className="progress" role="img" aria-label={planPct(pct, f)}>
      <span
        className="progress-fill"
        style={{ width: `${Math.min(100, pct)}%`, background: cssOf(STATE_COLORS[state]) }}
      />
    </span>
  );
}

interface PlanTableProps {
  head: string[];
  testId: string;
  children: ReactNode;
  /** the download's sheet name, file name words and period */
  title: string;
  what: string[];
  period: { from: string; to: string };
  /** a class of the table's own layout, beside the shared ones */
  className?: string;
}

export function PlanTable({ head, testId, children, title, what, period, className }: PlanTableProps) {
  return (
    <>
      <TableDownload title={title} what={what} period={period} table={`[data-testid=${testId}]`} />
      <table className={`coop-table plan-table ${className ?? ''}`} data-testid={testId}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </>
  );
}
