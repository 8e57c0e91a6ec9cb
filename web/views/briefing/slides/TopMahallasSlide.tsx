// The mahallas with the most incidents this period, each with its change and its emerging hot-spot trend as a badge
// that says its class in words (colour only repeats it).
import { useMemo } from 'react';
import type { SlideProps } from './SlideFrame.tsx';
import { separatingDecimals } from '../../../map/colors.ts';
import { fmtDecimal } from '../../../format.ts';
import { useFmt, useNameOf, useT } from '../../../i18n/I18n.tsx';
import type { MessageId } from '../../../i18n/messages.ts';

const ROWS = 8;

/** hot classes are codes 1–8, cold 9–16 (server/stats/emerging.ts) */
const tone = (code: number): 'hot' | 'cold' | 'none' => (code >= 1 && code <= 8 ? 'hot' : code >= 9 ? 'cold' : 'none');

export function TopMahallasSlide({ snap }: SlideProps) {
  const { metrics, emerging, territories } = snap;
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
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
          name: nameOf(props.get(r.id)?.name ?? `#${r.id}`),
          district: nameOf(props.get(r.id)?.districtName ?? ''),
          code,
          label: emerging.classes[code] ? t(`emerging.${emerging.classes[code].id}` as MessageId) : '',
          // The server's verdict, under the same false discovery rate as the change map.
          significant: r.q !== null && r.q <= metrics.change.fdr.q,
        };
      });
  }, [metrics, emerging, territories, nameOf, t]);
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
            <th>{t('wall.top.mahalla')}</th>
            <th className="num">{t('wall.incidents')}</th>
            <th className="num">{t('wall.top.vsPrevious')}</th>
            <th className="num">{t('wall.top.per1000')}</th>
            <th>{t('wall.top.trend', { count: emerging.params.bins })}</th>
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
              <td className="num strong">{f.int(r.n)}</td>
              <td className="num">
                {f.change(r.n, r.prev) ?? t('wall.top.new', { prev: r.prev })}
                {r.significant ? ' *' : ''}
              </td>
              <td className="num">{fmtDecimal(r.rate, decimals, f.locale)}</td>
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
        {t('wall.top.note', {
          q: Math.round(metrics.change.fdr.q * 100),
          tested: metrics.change.tested,
          from: f.day(emerging.params.from),
          to: f.day(emerging.params.to),
        })}
      </p>
    </div>
  );
}
