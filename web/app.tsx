// Page shell: header, filter panel, map with legend, and the mahalla card.
import { useMemo } from 'react';
import { useBasePoints, useBoundaries, useEmerging, useHotspots, useIncidentPoints, useMeta, useMetrics, useTerritories, type RangeArgs } from './queries/index.ts';
import { useUi } from './state/store.ts';
import { MapView } from './map/MapView.tsx';
import { emergingView, hotspotView, metricView } from './map/metric-values.ts';
import { bboxOf } from './map/bbox.ts';
import { toPositions3, type LayerData, type LayerUi, type MahallaFeatureProps } from './map/layers.ts';
// GeoJSON crosses JSON, which widens its types (optional bbox/id); the server built these from GeoJSON objects.
import type { FeatureCollection, Geometry } from 'geojson';
import { Header } from './views/overview/Header.tsx';
import { FilterPanel } from './views/overview/FilterPanel.tsx';
import { Legend } from './views/overview/Legend.tsx';
import { MahallaCard } from './views/overview/MahallaCard.tsx';
import { defaultRange } from './views/overview/dates.ts';

export function App() {
  const meta = useMeta();
  const boundaries = useBoundaries();
  const territories = useTerritories();
  const basePoints = useBasePoints();
  const from = useUi((s) => s.from);
  const to = useUi((s) => s.to);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  const district = useUi((s) => s.district);
  const metric = useUi((s) => s.metric);
  const layers = useUi((s) => s.layers);
  const selected = useUi((s) => s.selected);
  const fdr = useUi((s) => s.fdr);
  const compare = useUi((s) => s.compare);

  const range: RangeArgs | null = useMemo(() => {
    if (!meta.data) return null;
    const d = defaultRange(meta.data.period.end);
    return { from: from ?? d.from, to: to ?? d.to, categories, statuses, district, compare };
  }, [meta.data, from, to, categories, statuses, district, compare]);

  const metrics = useMetrics(range);
  const points = useIncidentPoints(layers.includes('heat') ? range : null);
  const hotspots = useHotspots(metric === 'hotspot' ? range : null, fdr);
  const emerging = useEmerging(metric === 'emerging' ? range : null);
  const view = useMemo(() => {
    if (metric === 'hotspot') return hotspots.data ? hotspotView(hotspots.data) : undefined;
    if (metric === 'emerging') return emerging.data ? emergingView(emerging.data) : undefined;
    return metrics.data ? metricView(metrics.data, metric, compare) : undefined;
  }, [metrics.data, hotspots.data, emerging.data, metric, compare]);
  const positions3 = useMemo(() => (points.data ? toPositions3(points.data) : undefined), [points.data]);
  const data: LayerData = useMemo(
    () => ({
      territories: territories.data as FeatureCollection<Geometry, MahallaFeatureProps> | undefined,
      metric: view,
      basePoints: district ? basePoints.data?.filter((b) => b.districtSoato === district) : basePoints.data,
    }),
    [territories.data, view, basePoints.data, district],
  );
  const ui: LayerUi = useMemo(
    // Any new result object means new colours: a counter per distinct view object is enough for deck.gl.
    () => ({ layers, selected, metricKey: `${metric}|${viewVersion(view)}` }),
    [layers, selected, metric, view],
  );

  const focus = useMemo(() => {
    const features = boundaries.data?.districts.features as FeatureCollection['features'] | undefined;
    return district && features ? bboxOf(features.filter((f) => f.properties?.soato === district)) : null;
  }, [district, boundaries.data]);

  const error = meta.error ?? boundaries.error ?? territories.error ?? metrics.error ?? hotspots.error ?? emerging.error;
  const loading = metrics.loading || points.loading || territories.loading || hotspots.loading || emerging.loading;
  return (
    <div className="app">
      <Header meta={meta.data} />
      <main className="workspace">
        {meta.data && range && <FilterPanel meta={meta.data} range={range} totals={metrics.data?.totals} previous={metrics.data?.previous} />}
        <section className="map-area" aria-label="Map" data-loading={loading ? 'true' : 'false'}>
          {meta.data && boundaries.data && (
            <MapView
              regions={boundaries.data.regions as FeatureCollection}
              districts={boundaries.data.districts as FeatureCollection}
              districtLabels={boundaries.data.districtLabels as FeatureCollection}
              bbox={meta.data.bbox}
              attribution={[meta.data.attribution, meta.data.synthetic ? 'Mahalla boundaries and records: demo (synthetic)' : 'Mahalla boundaries: imported']}
              data={data}
              ui={ui}
              positions3={positions3}
              focus={focus}
            />
          )}
          {view && <Legend view={view} synthetic={meta.data?.synthetic ?? true} heat={layers.includes('heat')} choropleth={layers.includes('choropleth')} />}
          {loading && <div className="busy" role="status">Updating…</div>}
          {error && <div className="error-banner" role="alert">Could not load data: {error.message}</div>}
          {selected !== null && range && <MahallaCard id={selected} range={range} />}
        </section>
      </main>
    </div>
  );
}

const versions = new WeakMap<object, number>();
let nextVersion = 1;
/** A stable number per metric-view object (0 = none), so layer colours update exactly when the view changes. */
function viewVersion(view: object | undefined): number {
  if (!view) return 0;
  let v = versions.get(view);
  if (v === undefined) {
    v = nextVersion++;
    versions.set(view, v);
  }
  return v;
}
