// When incidents happen: weekday × hour of day for the selected period, darker = more; totals per day on the right.
import { css, SEQUENTIAL } from '../../map/colors.ts';
import { useUi } from '../../state/store.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';

export function WeekHourMatrix({ cells }: { cells: number[][] }) {
  const t = useT();
  const f = useFmt();
  const source = useUi((s) => s.source);
  const DAYS = f.weekdays();
  const max = Math.max(1, ...cells.flat());
  const total = cells.flat().reduce((a, b) => a + b, 0);
  if (total === 0) return <p className="muted">{t('weekhour.none', { source })}</p>;
  const cw = 10;
  const ch = 12;
  const left = 30;
  const top = 12;
  return (
    <figure className="weekhour" data-testid="week-hour">
      <svg
        viewBox={`0 0 ${left + 24 * cw + 30} ${top + 7 * ch}`}
        width="100%"
        role="img"
        aria-label={t('weekhour.aria', { source, total: f.int(total) })}
      >
        {[0, 6, 12, 18].map((h) => (
          <text key={h} x={left + h * cw} y={9} className="axis">
            {String(h).padStart(2, '0')}
          </text>
        ))}
        {cells.map((row, d) => (
          <g key={d}>
            <text x={0} y={top + d * ch + 9} className="axis">
              {DAYS[d]}
            </text>
            {row.map((n, h) => {
              const k = n === 0 ? -1 : Math.min(SEQUENTIAL.length - 1, Math.floor((n / max) * SEQUENTIAL.length));
              const fill = k < 0 ? '#f1f3f5' : css(SEQUENTIAL[k] ?? SEQUENTIAL[0]!);
              return (
                <rect key={h} x={left + h * cw} y={top + d * ch} width={cw - 1} height={ch - 1} fill={fill}>
                  <title>{`${DAYS[d]} ${h}:00 — ${n}`}</title>
                </rect>
              );
            })}
            <text x={left + 24 * cw + 4} y={top + d * ch + 9} className="axis">
              {row.reduce((a, b) => a + b, 0)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
