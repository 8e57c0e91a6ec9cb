// The generic MapView on the dark basemap, fitted to the briefing's district, without anything to hover or click.
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import { MapView } from '../../map/MapView.tsx';
import { DARK } from '../../map/style.ts';
import { bboxOf } from '../../map/bbox.ts';
import type { BriefingSnapshot } from '../../queries/briefing.ts';
import { useT } from '../../i18n/I18n.tsx';

const NO_PICK: string[] = [];
const ignore = (): void => undefined;

export function BriefingMap({ snap, layers }: { snap: BriefingSnapshot; layers: Layer[] }) {
  const { boundaries, meta, district } = snap;
  const t = useT();
  const focus = useMemo(() => {
    const features = boundaries.districts.features as FeatureCollection['features'];
    return district ? bboxOf(features.filter((f) => f.properties?.soato === district.soato)) : null;
  }, [boundaries, district]);
  // District labels scale with the screen: ~2.4 % of its height at the district's zoom.
  const theme = useMemo(() => ({ ...DARK, labelScale: Math.max(1.4, window.innerHeight / 620) }), []);
  return (
    <MapView
      regions={boundaries.regions as FeatureCollection}
      districts={boundaries.districts as FeatureCollection}
      districtLabels={boundaries.districtLabels as FeatureCollection}
      bbox={meta.bbox}
      attribution={[meta.attribution, meta.synthetic ? t('wall.boundariesDemo') : t('wall.boundariesImported')]}
      layers={layers}
      pickLayerIds={NO_PICK}
      onPick={ignore}
      focus={focus}
      theme={theme}
    />
  );
}
