// Drill-down beside the map: the whole area's districts ranked → one district's mahallas ranked → (a click) the
// mahalla card with the incidents behind its numbers. The breadcrumb above the map walks back up.
import { useMemo } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { update, useUi } from '../../state/store.ts';
import { css } from '../../map/colors.ts';
import type { MetricColumns, MetricView } from '../../map/metric-values.ts';
import type { Meta } from '../../queries/meta.ts';
import { districtRows, mahallaRows, type RankRow } from './ranking.ts';
import { fmtInt } from '../../format.ts';
import { noun } from './records.ts';

export interface DrillProps {
  meta: Meta;
  metrics: MetricColumns;
  view: MetricView;
  territories: FeatureCollection<Geometry, { id: number; name: string; districtSoato: string }>;
  district: string | null | undefined;
}

function useNames(territories: DrillProps['territories']) {
  return useMemo(
    () =>
      new Map(
        territories.features.map((f) => [
          f.properties.id,
          { name: f.properties.name, district: f.properties.districtSoato },
        ]),
      ),
    [territories],
  );
}

export function Breadcrumb({
  meta,
  territories,
  district,
  selected,
}: Omit<DrillProps, 'metrics' | 'view'> & { selected: number | null }) {
  const names = useNames(territories);
  const districtName = meta.districts.find((d) => d.soato === district)?.name;
  const mahalla = selected !== null ? names.get(selected)?.name : undefined;
  const area = meta.scale === 'national' ? 'Uzbekistan' : 'Tashkent city';
  return (
    <nav className="crumbs" aria-label="Drill-down" data-testid="breadcrumb">
      {district ? (
        <button type="button" onClick={() => update({ district: null, selected: null, view: null })}>
          {area}
        </button>
      ) : (
        <span>{area}</span>
      )}
      {districtName && (
        <>
          <span aria-hidden="true">›</span>
          {mahalla ? (
            <button type="button" onClick={() => update({ selected: null })}>
              {districtName}
            </button>
          ) : (
            <span>{districtName}</span>
          )}
        </>
      )}
      {mahalla && (
        <>
          <span aria-hidden="true">›</span>
          <span>{mahalla}</span>
        </>
      )}
    </nav>
  );
}

/**
 * Whether the ranked list starts open: on a laptop screen it would cover part of the city at first sight, so there it
 * starts as a button. The page holds the state, so it survives the card opening and closing.
 */
export const drillOpenAtFirst = (): boolean => window.innerWidth >= 1600;

export function DrillDown({
  meta,
  metrics,
  view,
  territories,
  district,
  open,
  setOpen,
}: DrillProps & { open: boolean; setOpen: (open: boolean) => void }) {
  const names = useNames(territories);
  const rows: RankRow[] = useMemo(() => {
    if (district) return mahallaRows(view, metrics, names, district);
    const districtOf = new Map([...names].map(([id, p]) => [id, p.district]));
    return districtRows(metrics, districtOf, meta.districts);
  }, [district, view, metrics, names, meta.districts]);
  const what = noun(useUi((s) => s.source)).plural;
  const title = district ? `Mahallas by ${view.label.toLowerCase()}` : `Districts by ${what} per 1,000 residents`;
  if (!open) {
    return (
      <button type="button" className="drill-open" data-testid="drill-open" onClick={() => setOpen(true)}>
        {district ? 'Mahalla list' : 'District list'}
      </button>
    );
  }
  return (
    <aside className={district ? 'drill mahallas' : 'drill'} data-testid="drill" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" className="close" aria-label="Hide the list" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <ol>
        {rows.map((r, k) => (
          <li key={r.id}>
            <button
              type="button"
              data-testid="drill-row"
              onClick={() =>
                update(district ? { selected: Number(r.id) } : { district: r.id, selected: null, view: null })
              }
            >
              <span className="rank">{k + 1}</span>
              {district && (
                <span
                  className={r.color ? 'swatch' : 'swatch hatched'}
                  style={r.color ? { background: css(r.color) } : undefined}
                />
              )}
              <span className="name">{r.name}</span>
              <span className="value">{r.label}</span>
              <span className="count" title={what}>
                {fmtInt(r.count)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
