// The hot-spot page: filter panel, the mahalla map (choropleth, heat map, Gi*, emerging trends) and the mahalla card.
import { useCallback, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { useMeta } from '../../queries/meta.ts';
import { useBasePoints, useMahallaIndex } from '../../queries/mahallas.ts';
import { useEmerging, useHotspots, useMetrics } from '../../queries/hotspots.ts';
import { useHeatData } from './use-heat-data.ts';
import { useRange, useSelection } from '../../queries/range.ts';
import { update, useUi } from '../../state/store.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { emergingView } from '../../map/emerging-view.ts';
import { hotspotView, metricView } from '../../map/metric-values.ts';
import { buildLayers, LAYER_IDS, type LayerData, type LayerUi, type MahallaFeatureProps } from '../../map/layers.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { Legend } from './Legend.tsx';
import { MahallaCard } from './MahallaCard.tsx';
import { TimeBar } from './TimeBar.tsx';
import { Breadcrumb, DrillDown } from './DrillDown.tsx';
import { drillOpenAtFirst } from './ranking.ts';
import { noun } from './records.ts';
import { useHexagonsLayer } from './use-hexagons-layer.ts';
import { tileOutlines } from '../../map/mahalla-layers.ts';
import { SCAN_LAYER_ID } from '../../map/scan-outline.ts';
import { useScanLayer } from './use-scan-layer.ts';
import { ScanPanel } from './ScanPanel.tsx';
import { useLazyModule } from '../../map/lazy-module.ts';
import { LoadState } from '../common/LoadState.tsx';
import { MapExport } from './MapExport.tsx';
import { useNameOf, useT, type NameOf } from '../../i18n/I18n.tsx';

const PICK = [SCAN_LAYER_ID, LAYER_IDS.choropleth];
/** The heat map's code (deck.gl), loaded when it is first switched on. */
const loadHeatLayer = () => import('../../map/heat-layer.ts');

export function HotspotsPage() {
  const meta = useMeta();
  const district = useUi((s) => s.district);
  // Every district's mahallas: the map draws the whole city as context (outlines, the district list to drill into)
  // while a chosen district frames the camera and narrows the figures, which come from the server for it alone.
  const territories = useMahallaIndex();
  const basePoints = useBasePoints(district);
  const selection = useSelection();
  const range = useRange();
  const metric = useUi((s) => s.metric);
  const layerKeys = useUi((s) => s.layers);
  const selected = useUi((s) => s.selected);
  const fdr = useUi((s) => s.fdr);
  const compare = useUi((s) => s.compare);
  const source = useUi((s) => s.source);
  // Null until the person opens or closes the list: until then it is open as the screen and the area suit.
  const [drillChosen, setDrillOpen] = useState<boolean | null>(null);
  const drillOpen = drillChosen ?? (meta.data ? drillOpenAtFirst(window.innerWidth, meta.data.bbox) : false);
  const t = useT();

  const metrics = useMetrics(range);
  const heat = useHeatData(range, layerKeys.includes('heat'), metrics.data?.totals.count ?? null);
  const heatCode = useLazyModule(loadHeatLayer, layerKeys.includes('heat'));
  const heatLayer = heatCode.module?.heatLayer;
  const hotspots = useHotspots(metric === 'hotspot' ? range : null, fdr);
  const emerging = useEmerging(metric === 'emerging' ? range : null);
  const view = useMemo(() => {
    // `t` changes with the language: the legend's words are rebuilt, the values are the same.
    if (metric === 'hotspot') return hotspots.data ? hotspotView(hotspots.data, t) : undefined;
    if (metric === 'emerging') return emerging.data ? emergingView(emerging.data, t) : undefined;
    return metrics.data ? metricView(metrics.data, metric, compare, noun(source, t), t) : undefined;
  }, [metrics.data, hotspots.data, emerging.data, metric, compare, source, t]);
  const { positions3, weights } = heat;
  // The map loads the mahalla tiles while the numbers are on their way (their colours are feature-states, the hatch a
  // filter of a source of its own: web/map/mahalla-tiles.ts), so the mahallas are drawn as soon as both are there.
  const data: LayerData = useMemo(
    () => ({
      territories: territories.data,
      metric: view,
      basePoints: basePoints.data,
    }),
    [territories.data, view, basePoints.data],
  );
  const ui: LayerUi = useMemo(
    // Any new result object means new colours: a counter per distinct view object is enough for deck.gl.
    () => ({ layers: layerKeys, selected, metricKey: `${metric}|${viewVersion(view)}` }),
    [layerKeys, selected, metric, view],
  );
  const hex = useHexagonsLayer(range, layerKeys.includes('hex'));
  const scan = useScanLayer(
    range,
    useUi((s) => s.scan),
  );
  const layers = useMemo(() => {
    const built = buildLayers(data, ui, positions3, weights, heatLayer);
    // Hexagons, then the scan's cluster outlines, draw over the mahallas and under the base points.
    const base = built.findIndex((l) => l.id === LAYER_IDS.base);
    built.splice(base < 0 ? built.length : base, 0, ...(hex.layer ? [hex.layer] : []), ...scan.layers);
    return built;
  }, [data, ui, positions3, weights, heatLayer, hex.layer, scan.layers]);
  // White borders between coloured mahallas; faint grey ones over the bare basemap, the heat map or hexagons.
  const choropleth = layerKeys.includes('choropleth');
  const outlines = useMemo(() => tileOutlines(choropleth), [choropleth]);
  const hexTooltip = hex.tooltip;
  const scanTooltip = scan.tooltip;
  const nameOf = useNameOf();
  const tooltip = useCallback(
    (info: PickingInfo) => scanTooltip(info) ?? hexTooltip(info) ?? mahallaTooltip(info, nameOf),
    [hexTooltip, scanTooltip, nameOf],
  );
  const pickCluster = scan.pick;
  const onPick = useCallback(
    (object: unknown, layerId: string | null) => {
      if (pickCluster(object, layerId)) return;
      const props = (object as { properties?: MahallaFeatureProps } | null)?.properties;
      update({ selected: props ? props.id : null });
    },
    [pickCluster],
  );
  const names = useMemo(
    () => new Map((territories.data?.features ?? []).map((f) => [f.properties.id, f.properties.name])),
    [territories.data],
  );

  const error =
    meta.error ??
    territories.error ??
    metrics.error ??
    hotspots.error ??
    emerging.error ??
    hex.error ??
    scan.error ??
    heatCode.error;
  const loading =
    metrics.isFetching ||
    heat.isFetching ||
    heatCode.pending ||
    territories.isFetching ||
    hotspots.isFetching ||
    emerging.isFetching ||
    hex.loading ||
    scan.loading;
  // The legend explains the hexagons when they are the view (mahalla colours off), else the mahallas.
  const legend = hex.view && !layerKeys.includes('choropleth') ? hex.view : view;
  return (
    <main className="workspace">
      {meta.data && selection && (
        <FilterPanel
          meta={meta.data}
          range={selection}
          totals={metrics.data?.totals}
          period={metrics.data?.period}
          previous={metrics.data?.previous}
          hexRes={{ res: hex.res, auto: hex.auto }}
        />
      )}
      <section
        className="map-area with-timebar"
        aria-label={t('filters.map')}
        data-loading={loading ? 'true' : 'false'}
      >
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} outlines={outlines} />
        {legend && (
          <Legend
            view={legend}
            synthetic={meta.data?.synthetic ?? true}
            heat={layerKeys.includes('heat')}
            choropleth={layerKeys.includes('choropleth') || layerKeys.includes('hex')}
            withoutPoint={Math.max(
              layerKeys.includes('heat') ? heat.withoutPoint : 0,
              layerKeys.includes('hex') ? (hex.withoutPoint ?? 0) : 0,
            )}
          />
        )}
        {scan.data && (
          <ScanPanel
            scan={scan.data}
            source={source}
            names={names}
            district={district !== null}
            selected={scan.selected}
            select={scan.select}
          />
        )}
        <LoadState loading={loading} error={error} />
        <MapExport />
        {meta.data && territories.data && (
          <Breadcrumb
            meta={meta.data}
            territories={data.territories as NonNullable<LayerData['territories']>}
            district={district}
            selected={selected}
          />
        )}
        {selected === null && meta.data && metrics.data && view && data.territories && (
          <DrillDown
            meta={meta.data}
            metrics={metrics.data}
            view={view}
            territories={data.territories}
            district={district}
            open={drillOpen}
            setOpen={setDrillOpen}
          />
        )}
        {selected !== null && range && <MahallaCard id={selected} range={range} />}
        {selection && <TimeBar selection={selection} busy={loading} />}
      </section>
    </main>
  );
}

function mahallaTooltip({ object, layer }: PickingInfo, nameOf: NameOf): string | null {
  if (layer?.id === LAYER_IDS.base) return nameOf((object as { name: string }).name);
  if (layer?.id === LAYER_IDS.choropleth) {
    const p = (object as { properties: MahallaFeatureProps }).properties;
    return `${nameOf(p.name)}\n${nameOf(p.districtName)}`;
  }
  return null;
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
