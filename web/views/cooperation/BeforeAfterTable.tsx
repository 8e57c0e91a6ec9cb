// Incidents before and after joint actions, per type, against the trend of the rest of the district. Descriptive:
// the wording never claims that an action caused a change.
import type { BeforeAfter } from '../../queries/cooperation.ts';
import { fmtDecimal } from '../../format.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { Locale } from '../../i18n/locales.ts';
import { activeLocale, activeT, type Translate } from '../../i18n/translate.ts';
import { actionTypeLabel } from './services.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { useExportWhere } from '../common/export-where.ts';

type Row = BeforeAfter['rows'][number];

/**
 * A ratio as a signed change with one decimal in the language's style.
 * @example signed(0.93, 'en') // '−7.0 %'; signed(0.93, 'ru') // '−7,0 %'
 */
export const signed = (r: number, locale: Locale = activeLocale()): string => {
  const n = fmtDecimal(Math.abs((r - 1) * 100), 1, locale);
  return `${r >= 1 ? '+' : '−'}${n}${locale === 'uz-Latn' || locale === 'uz-Cyrl' ? '%' : ' %'}`;
};

/**
 * One sentence per type, e.g. "Incidents in the mahalla were 12 % lower in the 28 days after … compared with the
 * district trend …", in the language of `t` (numbers in `locale`'s style).
 * @example beforeAfterSentence({ ...row, actions: 0 }, 28, translator('ru'), 'ru') // 'За период нет сопоставимых мероприятий.'
 */
export function beforeAfterSentence(
  row: Row,
  days: number,
  t: Translate = activeT(),
  locale: Locale = activeLocale(),
): string {
  if (row.actions === 0) return t('cooperation.ba.noActions');
  if (row.ratio === null) return t('cooperation.ba.tooFew');
  const diff = fmtDecimal(Math.abs((row.ratio - 1) * 100), 0, locale);
  const interval =
    row.low !== null && row.high !== null
      ? t('cooperation.ba.interval', { low: signed(row.low, locale), high: signed(row.high, locale) })
      : t('cooperation.ba.oneAction');
  const unclear =
    row.low !== null && row.high !== null && row.low <= 1 && row.high >= 1 ? t('cooperation.ba.unclear') : '';
  return t('cooperation.ba.sentence', {
    diff,
    direction: row.ratio < 1 ? 'lower' : 'higher',
    days,
    interval,
    unclear,
  });
}

export function BeforeAfterTable({ data }: { data: BeforeAfter }) {
  const t = useT();
  const f = useFmt();
  const sign = (r: number): string => signed(r, f.locale);
  const sentence = (r: Row): string => beforeAfterSentence(r, data.windowDays, t, f.locale);
  const where = useExportWhere();
  return (
    <div className="before-after">
      <TableDownload
        title={t('cooperation.tab.before-after')}
        what={['cooperation-before-after', where]}
        period={data.period}
        table="[data-testid=before-after]"
      />
      <p className="disclaimer" data-testid="no-causal-claim">
        {t('cooperation.ba.disclaimer')}
      </p>
      <table className="coop-table ba" data-testid="before-after">
        <thead>
          <tr>
            <th>{t('cooperation.col.type')}</th>
            <th className="num" title={t('cooperation.ba.actions.title')}>
              {t('cooperation.col.actions')}
            </th>
            <th className="num" title={t('cooperation.ba.mahalla.title', { days: data.windowDays })}>
              {t('cooperation.ba.mahalla')}
            </th>
            <th className="num" title={t('cooperation.ba.district.title')}>
              {t('cooperation.ba.district')}
            </th>
            <th className="num" title={t('cooperation.ba.relative.title')}>
              {t('cooperation.ba.relative')}
            </th>
            <th>{t('cooperation.ba.intervalHead')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.type} title={sentence(r)} data-type={r.type}>
              <td title={r.excluded > 0 ? t('cooperation.ba.excluded', { n: f.int(r.excluded) }) : undefined}>
                {actionTypeLabel(r.type, t)}
              </td>
              <td className="num">{f.int(r.actions)}</td>
              <td
                className="num"
                title={t('cooperation.ba.counts', { before: f.int(r.before), after: f.int(r.after) })}
              >
                {r.local === null ? '—' : sign(r.local)}
              </td>
              <td
                className="num"
                title={t('cooperation.ba.counts', { before: f.int(r.districtBefore), after: f.int(r.districtAfter) })}
              >
                {r.district === null ? '—' : sign(r.district)}
              </td>
              <td className="num strong">{r.ratio === null ? '—' : sign(r.ratio)}</td>
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
              <strong>{actionTypeLabel(r.type, t)}.</strong> {sentence(r)}
            </li>
          ))}
      </ul>
      <p className="hint">
        {t('cooperation.ba.hint', {
          days: data.windowDays,
          from: f.day(data.period.from),
          to: f.day(data.period.to),
          compFrom: f.day(data.comparable.from),
          compTo: f.day(data.comparable.to),
        })}
      </p>
    </div>
  );
}

/** A log-scale interval bar from −50 % to +100 % (ratio 0.5 to 2) with a line at "no difference". */
function Interval({ row }: { row: Row }) {
  const t = useT();
  const { locale } = useFmt();
  if (row.ratio === null || row.low === null || row.high === null)
    return <span className="muted">{row.ratio === null ? '—' : t('cooperation.ba.na')}</span>;
  const x = (r: number): number => Math.min(100, Math.max(0, ((Math.log2(r) + 1) / 2) * 100));
  const lo = x(row.low);
  const hi = x(row.high);
  return (
    <span
      className="interval"
      aria-label={t('cooperation.ba.range', { low: signed(row.low, locale), high: signed(row.high, locale) })}
    >
      <span className="axis" />
      <span className="zero" style={{ left: `${x(1)}%` }} />
      <span
        className={`range ${row.high < 1 ? 'down' : row.low > 1 ? 'up' : ''}`}
        style={{ left: `${lo}%`, width: `${Math.max(1, hi - lo)}%` }}
      />
      <span className="point" style={{ left: `${x(row.ratio)}%` }} />
      <span className="ends">
        {signed(row.low, locale)} … {signed(row.high, locale)}
      </span>
    </span>
  );
}
