// Incidents before and after joint actions, per type, against the trend of the rest of the district. Descriptive:
// the wording never claims that an action caused a change.
import type { BeforeAfter } from '../../queries/cooperation.ts';
import { formatDay, fmtInt } from '../../format.ts';

type Row = BeforeAfter['rows'][number];

/** A ratio as a signed change: 0.93 → "−7.0 %". */
const signed = (r: number): string => `${r >= 1 ? '+' : '−'}${Math.abs((r - 1) * 100).toFixed(1)} %`;

/** One sentence per type, e.g. "Incidents were 12 % lower in the 28 days after … compared with the district trend …". */
export function beforeAfterSentence(row: Row, days: number): string {
  if (row.actions === 0) return 'No comparable actions in the period.';
  if (row.ratio === null) return 'Too few incidents around these actions to compare.';
  const diff = Math.abs((row.ratio - 1) * 100).toFixed(0);
  const direction = row.ratio < 1 ? 'lower' : 'higher';
  const interval =
    row.low !== null && row.high !== null
      ? ` (95 % interval ${signed(row.low)} to ${signed(row.high)})`
      : ' (one action: no interval)';
  const unclear =
    row.low !== null && row.high !== null && row.low <= 1 && row.high >= 1
      ? ' The interval includes no difference.'
      : '';
  return `Incidents in the mahalla were ${diff} % ${direction} in the ${days} days after than in the ${days} days before, compared with the district trend${interval}; this does not show that the action caused it.${unclear}`;
}

export function BeforeAfterTable({ data }: { data: BeforeAfter }) {
  return (
    <div className="before-after">
      <p className="disclaimer" data-testid="no-causal-claim">
        These figures describe what happened around joint actions; they do not show that an action caused a change.
        Actions are not placed at random (they follow trouble), and other things change at the same time.
      </p>
      <table className="coop-table ba" data-testid="before-after">
        <thead>
          <tr>
            <th>Type</th>
            <th className="num" title="Actions whose two windows lie inside the data">
              Actions
            </th>
            <th
              className="num"
              title={`Incidents in the mahalla, ${data.windowDays} days after vs before (summed over actions)`}
            >
              Mahalla
            </th>
            <th className="num" title="Incidents in the rest of the district over the same windows">
              District
            </th>
            <th className="num" title="(after / before in the mahalla) ÷ (after / before in the rest of the district)">
              Relative
            </th>
            <th className="interval-h">95 % interval</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.type} title={beforeAfterSentence(r, data.windowDays)} data-type={r.type}>
              <td
                title={
                  r.excluded > 0
                    ? `${fmtInt(r.excluded)} more in the period are too recent for a full after-window`
                    : undefined
                }
              >
                {r.label}
              </td>
              <td className="num">{fmtInt(r.actions)}</td>
              <td className="num" title={`${fmtInt(r.before)} → ${fmtInt(r.after)} incidents`}>
                {r.local === null ? '—' : signed(r.local)}
              </td>
              <td className="num" title={`${fmtInt(r.districtBefore)} → ${fmtInt(r.districtAfter)} incidents`}>
                {r.district === null ? '—' : signed(r.district)}
              </td>
              <td className="num strong">{r.ratio === null ? '—' : signed(r.ratio)}</td>
              <td>
                <Interval row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="ba-sentences">
        {data.rows
          .filter((r) => r.actions > 0)
          .map((r) => (
            <li key={r.type}>
              <strong>{r.label}.</strong> {beforeAfterSentence(r, data.windowDays)}
            </li>
          ))}
      </ul>
      <p className="hint">
        Mahalla and district: change from the {data.windowDays} days before to the {data.windowDays} days after (the
        rest of the district, same windows); hover a row for the counts. Actions from {formatDay(data.period.from)} to{' '}
        {formatDay(data.period.to)}; only those dated {formatDay(data.comparable.from)} –{' '}
        {formatDay(data.comparable.to)} have both windows inside the data. Method: {data.method}
      </p>
    </div>
  );
}

/** A log-scale interval bar from −50 % to +100 % (ratio 0.5 to 2) with a line at "no difference". */
function Interval({ row }: { row: Row }) {
  if (row.ratio === null || row.low === null || row.high === null)
    return <span className="muted">{row.ratio === null ? '—' : 'n/a'}</span>;
  const x = (r: number): number => Math.min(100, Math.max(0, ((Math.log2(r) + 1) / 2) * 100));
  const lo = x(row.low);
  const hi = x(row.high);
  return (
    <span className="interval" aria-label={`${signed(row.low)} to ${signed(row.high)}`}>
      <span className="axis" />
      <span className="zero" style={{ left: `${x(1)}%` }} />
      <span
        className={`range ${row.high < 1 ? 'down' : row.low > 1 ? 'up' : ''}`}
        style={{ left: `${lo}%`, width: `${Math.max(1, hi - lo)}%` }}
      />
      <span className="point" style={{ left: `${x(row.ratio)}%` }} />
      <span className="ends">
        {signed(row.low)} … {signed(row.high)}
      </span>
    </span>
  );
}
