// One A4 sheet of the order's annex: the order's header, the post's inspector (or "vacant post"), the territory's map
// as inline SVG (its mahallas, the neighbours in grey, the base point, a scale bar, the data attribution) and the table
// of its mahallas with residents, counts and workload, with totals. A long list continues on sheets of table only
// (sheets.ts): the map is on the first, the totals on the last.
import type { Geometry } from 'geojson';
import { fmtDecimal, formatDayLong } from '../../format.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { activeT, type Translate } from '../../i18n/translate.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { TerritoryAnnex } from '../../queries/territories.ts';
import { territoryMap } from './svg-map.ts';
import { postHeading } from './post-heading.ts';
import { useSayName } from '../../i18n/system-names.ts';

type Post = TerritoryAnnex['posts'][number];
/** A row of the table: the unassigned mahallas have no workload index (it depends on the post's base point). */
type Facts = Omit<Post['mahallas'][number], 'index'> & { index?: number };

/** The map's box in SVG units: 1 unit = 0.1 mm of the printed page's 186 mm width. */
const MAP_WIDTH = 1860;
/** Map height by the rows on the sheet, so that it stays one A4 page (rows of ≈ 5.2 mm; sheets.ts FIRST_ROWS). */
const mapHeight = (rows: number): number => (rows > 20 ? 700 : rows > 14 ? 900 : 1150);

export interface SheetProps {
  annex: TerritoryAnnex;
  /** the post this sheet is of, or null for the mahallas no post covers */
  post: Post | null;
  /** the rows on this sheet, the territory's whole list, and where this sheet's rows start in it */
  rows: ReadonlyArray<Facts>;
  mahallas: ReadonlyArray<Facts>;
  from: number;
  continued: boolean;
  last: boolean;
  features: ReadonlyArray<{ id: number; geometry: Geometry }>;
  attribution: string;
  page: number;
  pages: number;
}

type Version = TerritoryAnnex['version'];

/**
 * The order's line: its number and date once approved, else the version's standing (in the language of `t`).
 * @example orderLine({ orderNumber: '12', orderDate: '2026-10-01', effectiveFrom: '2026-10-05', … }) // 'Order No. 12 of 1 October 2026, in force from 5 October 2026'
 */
export function orderLine(
  v: Pick<Version, 'orderNumber' | 'orderDate' | 'effectiveFrom'>,
  t: Translate = activeT(),
  locale: Locale = 'en',
): string {
  const day = (d: string): string => formatDayLong(d, locale);
  const order = v.orderNumber
    ? v.orderDate
      ? t('tprint.orderOf', { number: v.orderNumber, day: day(v.orderDate) })
      : t('tprint.order', { number: v.orderNumber })
    : t('tprint.notApproved');
  const from = v.effectiveFrom && v.orderNumber ? `, ${t('tprint.inForceFrom', { day: day(v.effectiveFrom) })}` : '';
  return `${order}${from}`;
}

/**
 * The annex header: the order of the head of the district's internal affairs department, in the language of `t`;
 * `district` is the district's stored name ("Yashnobod tumani"), written in the script of `nameOf`. An official Russian
 * name ("Яшнабадский район") is put in the genitive ("ОВД Яшнабадского района").
 * @example annexHead('Yashnobod tumani', translator('ru'), (n) => latinToCyrillic(n)) // 'Приложение к приказу начальника ОВД района Яшнобод'
 */
export function annexHead(
  district: string,
  t: Translate = activeT(),
  nameOf: (name: string) => string = (n) => n,
): string {
  const ru = /^(.+[сц]к)ий район$/u.exec(nameOf(district.trim()))?.[1];
  if (ru) return t('tprint.head', { kind: 'other', district: `${ru}ого района` });
  const stem = /^(.+) tumani$/i.exec(district.trim())?.[1];
  return t('tprint.head', { kind: stem ? 'district' : 'other', district: nameOf(stem ?? district) });
}

export function PrintSheet(props: SheetProps) {
  const { annex, post, rows, mahallas, from, continued, last, features, attribution, page, pages } = props;
  const v = annex.version;
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const say = useSayName();
  const members = new Set(mahallas.map((m) => m.id));
  const map = continued ? null : territoryMap(features, members, MAP_WIDTH, mapHeight(rows.length));
  const base = post?.basePoint ?? null;
  const w = post?.workload;
  const sum = (k: 'population' | 'households' | 'incidents' | 'applications'): number =>
    mahallas.reduce((s, m) => s + m[k], 0);
  return (
    <article className="tprint-sheet" data-testid="print-sheet" data-post={post?.post ?? ''}>
      <header className="tprint-head">
        <div>
          {annexHead(v.districtName, t, nameOf)}
          <br />
          <strong>{orderLine(v, t, f.locale)}</strong> · {t('tprint.plan', { number: v.number, name: say(v.name) })}
        </div>
        <div className="tprint-pageno">{t('tprint.sheet', { page, pages })}</div>
      </header>
      <h2 className="tprint-title" data-testid="print-title">
        {postHeading(post, t, nameOf)}
        {continued && t('tprint.continued')}
      </h2>
      {continued ? (
        <p className="tprint-facts">
          {t('tprint.rows', { from: from + 1, to: from + rows.length, total: mahallas.length })}
        </p>
      ) : (
        <p className="tprint-facts">
          {t('tprint.facts', {
            count: mahallas.length,
            residents: f.int(sum('population')),
            households: f.int(sum('households')),
          })}
          {w && (
            <>
              {' '}
              · {t('tprint.workload')} <strong>{f.decimal(w.index, 2)}</strong>{' '}
              {`(${t('tprint.deviation', { deviation: `${w.deviation >= 0 ? '+' : '−'}${f.pct(Math.abs(w.deviation))}` })})`}
            </>
          )}
          {base && <> · {t('tprint.base', { name: nameOf(base.name) })}</>}
        </p>
      )}
      {map && (
        <figure className="tprint-map">
          <svg
            viewBox={`0 0 ${map.width} ${map.height}`}
            role="img"
            aria-label={t('tprint.mapAria', { count: mahallas.length })}
            data-testid="print-map"
          >
            {map.shapes.map((s) => (
              <path key={s.id} d={s.d} className={s.member ? 'own' : 'context'} fillRule="evenodd" />
            ))}
            {base && (
              <circle
                cx={map.project(base.lon, base.lat)[0]}
                cy={map.project(base.lon, base.lat)[1]}
                r={14}
                className="base"
              />
            )}
            <g transform={`translate(20 ${map.height - 30})`} className="scale">
              <rect width={map.scale.width} height={8} />
              <text y={-8}>
                {map.scale.km < 1
                  ? t('tprint.m', { n: map.scale.km * 1000 })
                  : t('tprint.km', { n: fmtDecimal(map.scale.km, Number.isInteger(map.scale.km) ? 0 : 1, f.locale) })}
              </text>
            </g>
          </svg>
          <figcaption>
            <span className="tprint-key own" /> {t('tprint.keyOwn')} <span className="tprint-key context" />{' '}
            {t('tprint.keyOther')}
            {base && (
              <>
                {' '}
                <span className="tprint-key base" /> {t('tprint.keyBase')}
              </>
            )}
            <br />
            {attribution}
          </figcaption>
        </figure>
      )}
      <table className="tprint-table" data-testid="print-table">
        <thead>
          <tr>
            <th>{t('tprint.no')}</th>
            <th>{t('tprint.code')}</th>
            <th>{t('tprint.mahalla')}</th>
            <th>{t('tprint.residents')}</th>
            <th>{t('tprint.households')}</th>
            <th title={t('tprint.incidentsTitle')}>{t('tprint.incidents')}</th>
            <th>{t('tprint.applications')}</th>
            <th title={t('tprint.indexTitle')}>{t('tprint.index')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m, k) => (
            <tr key={m.id} data-testid="print-row">
              <td>{from + k + 1}</td>
              <td>{m.code}</td>
              <td>{nameOf(m.name)}</td>
              <td>{f.int(m.population)}</td>
              <td>{f.int(m.households)}</td>
              <td>{f.int(m.incidents)}</td>
              <td>{f.int(m.applications)}</td>
              <td>{m.index === undefined ? '—' : f.decimal(m.index, 2)}</td>
            </tr>
          ))}
        </tbody>
        {last && (
          <tfoot>
            <tr data-testid="print-total">
              <td colSpan={3}>{t('tprint.total', { count: mahallas.length })}</td>
              <td>{f.int(sum('population'))}</td>
              <td>{f.int(sum('households'))}</td>
              <td>{f.int(sum('incidents'))}</td>
              <td>{f.int(sum('applications'))}</td>
              <td>{w ? f.decimal(w.index, 2) : '—'}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <p className="tprint-foot">{t('tprint.foot', { period: f.period(annex.period) })}</p>
    </article>
  );
}
