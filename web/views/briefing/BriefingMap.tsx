// The generic MapView on the dark basemap, fitted to the briefing's district, without anything to hover or click; its
// labels placed so that none collides with another (web/map/place-text-layer.ts), again after every camera change.
import { useEffect, useMemo, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadDeckOverlay, MapView } from '../../map/MapView.tsx';
import { loadOnce } from '../../map/lazy-module.ts';
import { DARK } from '../../map/style.ts';
import { bboxOf } from '../../map/bbox.ts';
import { placeTextLayer } from '../../map/place-text-layer.ts';
import type { BriefingSnapshot } from '../../queries/briefing.ts';
import { useT } from '../../i18n/I18n.tsx';
import { creditsLine } from '../../i18n/credits.ts';
import { isMapPaint, tileOutlines, type MapLayer } from '../../map/mahalla-layers.ts';
import type { MahallaOutlines } from '../../map/mahalla-layers.ts';
import { useMapLabels } from '../../map/map-labels.ts';

// The wall screen's names are deck.gl text: its overlay's code is asked for with this module, so the map has it when made
// and the names are given to it at once (given later, their font atlas was drawn without the bold face).
void loadOnce(loadDeckOverlay);

const NO_PICK: string[] = [];
const ignore = (): void => undefined;
/** Thin dark lines between the mahallas, drawn from the tiles: the slide's bins read as cells from across the room. */
const OUTLINES: MahallaOutlines = { ...tileOutlines(true), color: 'rgb(6,14,23)', opacity: 0.63 };

export function BriefingMap({ snap, layers: all }: { snap: BriefingSnapshot; layers: MapLayer[] }) {
  // deck.gl overlays (labels placed below) and the mahalla paint MapLibre draws from the tiles.
  const [layers, paint] = useMemo(() => [all.filter((l): l is Layer => !isMapPaint(l)), all.filter(isMapPaint)], [all]);
  const { boundaries, meta, district } = snap;
  const labels = useMapLabels(boundaries.labels as FeatureCollection);
  const t = useT();
  const focus = useMemo(() => {
    const features = boundaries.districts.features as FeatureCollection['features'];
    return district ? bboxOf(features.filter((f) => f.properties?.soato === district.soato)) : null;
  }, [boundaries, district]);
  // District labels scale with the screen: ~2.4 % of its height at the district's zoom.
  const theme = useMemo(() => ({ ...DARK, labelScale: Math.max(1.4, window.innerHeight / 620) }), []);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // Bumped when the camera settles or the map is resized: the labels are placed again for the new view.
  const [camera, setCamera] = useState(0);
  useEffect(() => {
    if (!map) return;
    const moved = (): void => setCamera((k) => k + 1);
    map.on('moveend', moved);
    map.on('resize', moved);
    map.once('idle', moved);
    return () => {
      map.off('moveend', moved);
      map.off('resize', moved);
      map.off('idle', moved);
    };
  }, [map]);
  const placed = useMemo(
    () => (map && camera > 0 ? layers.map((l) => placeTextLayer(l, map)) : layers),
    [layers, map, camera],
  );
  return (
    <MapView
      labels={labels}
      bbox={meta.bbox}
      attribution={[
        creditsLine(meta.credits, t),
        meta.synthetic ? t('wall.boundariesDemo') : t('wall.boundariesImported'),
      ]}
      layers={placed}
      paint={paint}
      outlines={paint.length > 0 ? OUTLINES : null}
      pickLayerIds={NO_PICK}
      onPick={ignore}
      focus={focus}
      theme={theme}
      onMap={setMap}
    />
  );
}
