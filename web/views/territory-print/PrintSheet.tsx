// One A4 sheet of the order's annex: the order's header, the post's inspector (or "vacant post"), the territory's map
// as inline SVG (its mahallas, the neighbours in grey, the base point, a scale bar, the data attribution) and the table
// of its mahallas with residents, counts and workload, with totals. A long list continues on sheets of table only
// (sheets.ts): the map is on the first, the totals on the last.
import type { Geometry } from 'geojson';
import { fmtInt, formatDayLong, formatPeriod } from '../../format.ts';
import type { TerritoryAnnex } from '../../queries/territories.ts';
import { territoryMap } from './svg-map.ts';

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

/** The order's line: its number and date once approved, else the version's standing. */
export function orderLine(v: TerritoryAnnex['version']): string {
  const order = v.orderNumber
    ? `Order No. ${v.orderNumber}${v.orderDate ? ` of ${formatDayLong(v.orderDate)}` : ''}`
    : 'Not approved: no order yet';
  const from = v.effectiveFrom && v.orderNumber ? `, in force from ${formatDayLong(v.effectiveFrom)}` : '';
  return `${order}${from}`;
}

export function PrintSheet(props: SheetProps) {
  const { annex, post, rows, mahallas, from, continued, last, features, attribution, page, pages } = props;
  const v = annex.version;
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
          Annex to the order of the head of the {v.districtName} district police department
          <br />
          <strong>{orderLine(v)}</strong> · territory plan No. {v.number} “{v.name}”
        </div>
        <div className="tprint-pageno">
          Sheet {page} of {pages}
        </div>
      </header>
      <h2 className="tprint-title" data-testid="print-title">
        {post === null
          ? 'Mahallas without an inspector'
          : post.vacant
            ? `Post ${post.post}: vacant post${post.title && !/vacant/i.test(post.title) ? ` (${post.title})` : ''}`
            : `Post ${post.post}: ${post.rank ? `${post.rank} ` : ''}${post.title}`}
        {continued && ' (continued)'}
      </h2>
      {continued ? (
        <p className="tprint-facts">
          Mahallas {from + 1}–{from + rows.length} of {mahallas.length}
        </p>
      ) : (
        <p className="tprint-facts">
          {mahallas.length} mahallas · {fmtInt(sum('population'))} residents · {fmtInt(sum('households'))} households
          {w && (
            <>
              {' '}
              · workload index <strong>{w.index.toFixed(2)}</strong> ({w.deviation >= 0 ? '+' : '−'}
              {Math.abs(Math.round(w.deviation * 100))} % against the district’s average post)
            </>
          )}
          {base && <> · base point: {base.name}</>}
        </p>
      )}
      {map && (
        <figure className="tprint-map">
          <svg
            viewBox={`0 0 ${map.width} ${map.height}`}
            role="img"
            aria-label={`Map of the territory: ${mahallas.length} mahallas`}
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
              <text y={-8}>{map.scale.km < 1 ? `${map.scale.km * 1000} m` : `${map.scale.km} km`}</text>
            </g>
          </svg>
          <figcaption>
            <span className="tprint-key own" /> this territory <span className="tprint-key context" /> other mahallas of
            the district
            {base && (
              <>
                {' '}
                <span className="tprint-key base" /> the inspector’s base point
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
            <th>No.</th>
            <th>Code</th>
            <th>Mahalla</th>
            <th>Residents</th>
            <th>Households</th>
            <th title="Incidents registered over the period">Incidents</th>
            <th>Applications</th>
            <th title="What the mahalla adds to the post's composite workload index (1 = an average post's share)">
              Workload index
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m, k) => (
            <tr key={m.id} data-testid="print-row">
              <td>{from + k + 1}</td>
              <td>{m.code}</td>
              <td>{m.name}</td>
              <td>{fmtInt(m.population)}</td>
              <td>{fmtInt(m.households)}</td>
              <td>{fmtInt(m.incidents)}</td>
              <td>{fmtInt(m.applications)}</td>
              <td>{m.index === undefined ? '—' : m.index.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
        {last && (
          <tfoot>
            <tr data-testid="print-total">
              <td colSpan={3}>Total, {mahallas.length} mahallas</td>
              <td>{fmtInt(sum('population'))}</td>
              <td>{fmtInt(sum('households'))}</td>
              <td>{fmtInt(sum('incidents'))}</td>
              <td>{fmtInt(sum('applications'))}</td>
              <td>{w ? w.index.toFixed(2) : '—'}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <p className="tprint-foot">
        Incidents and applications counted over {formatPeriod(annex.period)}. The workload index weighs residents,
        incidents, applications, joint actions, area and distance from the base point; 1 is an average post’s share.
      </p>
    </article>
  );
}
