// The mahallas with the most incidents this period, each with its change and its emerging hot-spot trend as a badge
// that says its class in words (colour only repeats it).
import { useMemo } from 'react';
import type { SlideProps } from './SlideFrame.tsx';
import { separatingDecimals } from '../../../map/colors.ts';
import { fmtChange, fmtInt } from '../../../format.ts';

const ROWS = 8;

/** hot classes are codes 1–8, cold 9–16 (server/stats/emerging.ts) */
const tone = (code: number): 'hot' | 'cold' | 'none' => (code >= 1 && code <= 8 ? 'hot' : code >= 9 ? 'cold' : 'none');

export function TopMahallasSlide({ snap }: SlideProps) {
  const { metrics, emerging, territories } = snap;
  const rows = useMemo(() => {
    if (!metrics || !emerging || !territories) return [];
    const trend = new Map(emerging.ids.map((id, i) => [id, emerging.category[i] ?? 0]));
    const props = new Map(territories.features.map((f) => [f.properties.id, f.properties]));
    return metrics.ids
      .map((id, i) => ({
        id,
        n: metrics.count[i] ?? 0,
        prev: metrics.prev[i] ?? 0,
        rate: metrics.rate[i] ?? 0,
        q: metrics.changeQ[i] ?? null,
      }))
      .sort((a, b) => b.n - a.n || b.rate - a.rate)
      .slice(0, ROWS)
      .map((r) => {
        const code = trend.get(r.id) ?? 0;
        return {
          ...r,
          name: props.get(r.id)?.name ?? `#${r.id}`,
          district: props.get(r.id)?.districtName ?? '',
          code,
          label: emerging.classes[code]?.label ?? '',
          // The server's verdict, under the same false discovery rate as the change map.
          significant: r.q !== null && r.q <= metrics.change.fdr.q,
        };
      });
  }, [metrics, emerging, territories]);
  if (!emerging || !metrics) return null;
  // The rates of the rows, with as many decimals as it takes to tell neighbouring rows apart.
  const decimals = separatingDecimals(
    rows.map((r) => r.rate),
    1,
    2,
  );
  return (
    <div className="top-slide">
      <table className="wall-table" data-testid="top-table">
        <thead>
          <tr>
            <th className="rank">#</th>
            <th>Mahalla</th>
            <th className="num">Incidents</th>
            <th className="num">vs previous</th>
            <th className="num">per 1,000</th>
            <th>Trend, {emerging.params.bins} weeks</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={r.id}>
              <td className="rank">{k + 1}</td>
              <td>
                <span className="name">{r.name}</span>
                {!snap.district && <span className="sub"> {r.district}</span>}
              </td>
              <td className="num strong">{fmtInt(r.n)}</td>
              <td className="num">
                {fmtChange(r.n, r.prev) ?? `new (${r.prev})`}
                {r.significant ? ' *' : ''}
              </td>
              <td className="num">{r.rate.toFixed(decimals)}</td>
              <td>
                <span className={`trend ${tone(r.code)}`}>
                  {tone(r.code) === 'hot' ? '▲ ' : tone(r.code) === 'cold' ? '▼ ' : ''}
                  {r.label}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        {`* a change beyond chance: exact test of the two counts, false discovery rate ${Math.round(metrics.change.fdr.q * 100)} % `}
        {`over the ${metrics.change.tested} mahallas compared. `}
        Trend: emerging hot-spot analysis, an exact neighbourhood test per week and a Mann–Kendall test,{' '}
        {emerging.params.from} – {emerging.params.to}.
      </p>
    </div>
  );
}
