// One headline number with its label and a line of context (used inside a <dl className="kpis">).
import type { ReactNode } from 'react';

export function Kpi({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd className="big">{value}</dd>
      {note !== undefined && <dd className="delta">{note}</dd>}
    </div>
  );
}
