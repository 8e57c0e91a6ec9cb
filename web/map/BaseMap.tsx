// The map every page shows: our offline basemap of real boundaries with the attribution, fitted to the chosen
// district (or what the page focuses on), carrying the page's own deck.gl layers. Pages pass layers and picking;
// boundaries load here once. Framing the whole area needs only /api/meta, so the map is made as soon as it is there and
// the outlines are drawn when they arrive: creating the GL context, compiling the first shaders and asking for the
// tiles no longer wait for the boundaries (issue 15).
import { useMemo } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useMeta } from '../queries/meta.ts';
import { useBoundaries, useTileJson } from '../queries/mahallas.ts';
import { usePath } from '../state/route.ts';
import { useT } from '../i18n/I18n.tsx';
import { creditsLine } from '../i18n/credits.ts';
import { useUi } from '../state/store.ts';
import { dataFrom, PAGE_DATA, sourcesLine } from '../views/import/provenance.ts';
import { bboxOf, type BBox } from './bbox.ts';
import { useFlyTarget } from './fly.ts';
import { useMapLabels } from './map-labels.ts';
import { MapView } from './MapView.tsx';
import type { MahallaOutlines } from './mahalla-layers.ts';
import { isMapPaint, type MapLayer } from './mahalla-layers.ts';

export interface BaseMapProps {
  /** deck.gl overlays and what MapLibre draws: mahalla paint from the tiles, points (web/map/mahalla-layers.ts) */
  layers: MapLayer[];
  pickLayerIds?: string[];
  onPick?: (object: unknown, layerId: string | null) => void;
  tooltip?: (info: PickingInfo) => string | null;
  /**
   * [west, south, east, north] in lon/lat degrees to frame instead of the chosen district (e.g. a selected
   * territory); null or absent frames the district. The camera moves when it changes.
   */
  focus?: BBox | null;
  /** mahalla outlines drawn by MapLibre above the page's fills */
  outlines?: MahallaOutlines | null;
  /** the live map once made, null when removed: for a page's own pointer tools */
  onMap?: (map: MapLibreMap | null) => void;
}

const NO_PICK: string[] = [];
const ignore = (): void => undefined;

export function BaseMap({
  layers,
  pickLayerIds = NO_PICK,
  onPick = ignore,
  tooltip,
  focus: override = null,
  outlines,
  onMap,
}: BaseMapProps) {
  const meta = useMeta();
  const path = usePath();
  const boundaries = useBoundaries();
  // Asked now, with the boundaries: the map then asks for its first tiles in its first frames (web/map/mahalla-tiles.ts).
  const tileJson = useTileJson();
  const district = useUi((s) => s.district);
  const districtBox = useMemo(() => {
    const features = boundaries.data?.districts.features as FeatureCollection['features'] | undefined;
    return district && features ? bboxOf(features.filter((f) => f.properties?.soato === district)) : null;
  }, [district, boundaries.data]);
  // A place the header's search flew to frames the map while the district chosen with it stays (web/map/fly.ts).
  const t = useT();
  const fly = useFlyTarget();
  const [deckLayers, paint] = useMemo(
    () => [layers.filter((l): l is Layer => !isMapPaint(l)), layers.filter(isMapPaint)],
    [layers],
  );
  const flyBox = fly && fly.district === district ? fly.box : null;
  const labels = useMapLabels(boundaries.data?.labels as FeatureCollection | undefined);
  // A chosen district is framed from its outline: that map waits for the boundaries (else it would open on the country
  // and then fly, or move a camera saved in the link). It also waits for the tiles' TileJSON (a few hundred bytes):
  // made with the tile URLs in its style, the map asks for the tiles (mahallas, borders, land) in its first frame
  // (web/map/style.ts). On the first screen all three are read before the first render (web/queries/first-answers.ts),
  // so the map is made in the page's first commit, before the page's own first requests leave: the tiles, read by
  // MapLibre's workers, are the longest wait of the national first screen, and the numbers arrive well before them.
  const canMake = !!meta.data && (!!boundaries.data || district === null) && !tileJson.isPending;
  if (!canMake || !meta.data) return null;
  return (
    <MapView
      labels={labels}
      bbox={meta.data.bbox}
      attribution={[
        creditsLine(meta.data.credits, t),
        t('import.badge.from', { sources: sourcesLine(dataFrom(meta.data, PAGE_DATA[path] ?? []), t) }),
      ]}
      layers={deckLayers}
      paint={paint}
      // Failed: MapLibre asks for the TileJSON itself (and reports why it cannot draw the tiles).
      tileUrls={tileJson.error ? undefined : (tileJson.data ?? null)}
      pickLayerIds={pickLayerIds}
      onPick={onPick}
      tooltip={tooltip}
      outlines={outlines}
      onMap={onMap}
      focus={override ?? flyBox ?? districtBox}
    />
  );
}
