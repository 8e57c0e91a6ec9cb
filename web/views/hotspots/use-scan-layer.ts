// The scan view of the hot-spot page: the clusters of Kulldorff's scan for the range while the toggle is on, their
// outline layers, the chosen cluster (clicked on the map or in the panel) and the hover text of an outline.
import { useCallback, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { RangeArgs } from '../../queries/range.ts';
import { useScan, type ScanCluster } from '../../queries/scan.ts';
import { SCAN_LAYER_ID } from '../../map/scan-outline.ts';
import { useLazyModule } from '../../map/lazy-module.ts';
import type { ScanView } from '../../state/url.ts';
import { pText, rrText } from './scan-text.ts';
import { activeT } from '../../i18n/translate.ts';

/** The outline layers' code (deck.gl), loaded when the scan is first switched on. */
const loadScanLayers = () => import('../../map/scan-layer.ts');

export function useScanLayer(range: RangeArgs | null, view: ScanView) {
  const on = view !== 'off';
  const code = useLazyModule(loadScanLayers, on);
  const build = code.module?.buildScanLayers;
  const query = useScan(on ? range : null, view === 'emerging' ? 'emerging' : 'spatial');
  const data = on ? query.data : undefined;
  const [selected, setSelected] = useState<number | null>(null);
  // A new answer (another period or filter) has other clusters: a rank chosen before means nothing there.
  const [answered, setAnswered] = useState(data);
  if (answered !== data) {
    setAnswered(data);
    setSelected(null);
  }
  const layers = useMemo(
    () => (data && build ? build(data.clusters, { selected, alpha: data.params.alpha }) : []),
    [data, selected, build],
  );
  const tooltip = useMemo(
    () =>
      (info: PickingInfo): string | null => {
        if (info.layer?.id !== SCAN_LAYER_ID || !data) return null;
        const c = (info.object as { properties: ScanCluster }).properties;
        const t = activeT();
        const size = t('scan.mahallas', { count: c.ids.length });
        return `${t('scan.tooltip', { rank: c.rank, mahallas: size })}\n${t('scan.rateOutside', { rr: rrText(c.relativeRisk, t) })}, ${pText(c.p, data.params.inference.draws)}`;
      },
    [data],
  );
  /** The cluster of a picked outline, if the pick was one. */
  const pick = useCallback((object: unknown, layerId: string | null): boolean => {
    if (layerId !== SCAN_LAYER_ID) return false;
    setSelected((object as { properties: ScanCluster } | null)?.properties.rank ?? null);
    return true;
  }, []);
  return {
    data,
    layers,
    selected,
    select: setSelected,
    pick,
    tooltip,
    loading: on && (query.isFetching || code.pending),
    error: on ? (query.error ?? code.error) : null,
  };
}
