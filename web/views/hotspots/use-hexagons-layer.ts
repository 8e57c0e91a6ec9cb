// The hexagon view of the hot-spot page: the H3 resolution (from the zoom unless chosen by hand), the data, the
// layer and its legend. Counts, or Gi* bins when the page shows tested hot spots.
import { useMemo } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { useMeta } from '../../queries/meta.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { useHexagons } from '../../queries/hexagons.ts';
import { useUi } from '../../state/store.ts';
import type { HexDatum } from '../../map/hex-layer.ts';
import { HEX_LAYER_ID, resolutionForZoom } from '../../map/hex-resolution.ts';
import { useLazyModule } from '../../map/lazy-module.ts';
import { hotspotClasses } from '../../map/metric-values.ts';
import { activeT } from '../../i18n/translate.ts';
import { useLocale } from '../../i18n/I18n.tsx';
import { fmtInt } from '../../format.ts';

/** The camera's zoom before the user moves it (the app's own fit): city, a district, the country. */
const INITIAL_ZOOM = { city: 10.5, district: 12, national: 6 } as const;
/**
 * The whole country at resolution 8 is ≈ 600,000 cells: the server refuses more than 7 there (params.maxResolution),
 * with a district chosen too, since every cell of the country is tested.
 */
const NATIONAL_MAX_RES = 7;

/** The layer and its legend's code (deck.gl, h3-js), loaded when hexagons are first switched on. */
const loadHexCode = () =>
  Promise.all([import('../../map/hex-layer.ts'), import('../../map/hex-view.ts')]).then(([layer, view]) => ({
    buildHexLayer: layer.buildHexLayer,
    hexView: view.hexView,
  }));

export function useHexagonsLayer(range: RangeArgs | null, on: boolean) {
  const code = useLazyModule(loadHexCode, on);
  const kit = code.module;
  const meta = useMeta();
  const district = useUi((s) => s.district);
  const chosen = useUi((s) => s.hexRes);
  const zoom = useUi((s) => s.view?.zoom);
  const metric = useUi((s) => s.metric);
  const fdr = useUi((s) => s.fdr);
  const national = meta.data?.scale === 'national';
  const cap = national ? NATIONAL_MAX_RES : 9;
  const auto = resolutionForZoom(
    zoom ?? (district ? INITIAL_ZOOM.district : national ? INITIAL_ZOOM.national : INITIAL_ZOOM.city),
    cap,
  );
  const res = chosen ?? auto;
  const query = useHexagons(on ? range : null, res, fdr);
  const mode = metric === 'hotspot' ? 'hotspot' : 'count';
  const data = on ? query.data : undefined;
  const layer = useMemo(
    () => (data && kit ? kit.buildHexLayer(data, { mode, opacity: 0.9 }) : undefined),
    [data, mode, kit],
  );
  // The legend's words follow the language (hexView writes them in the language in force).
  const locale = useLocale();
  const view = useMemo(() => (data && kit && locale ? kit.hexView(data, mode) : undefined), [data, mode, kit, locale]);
  const tooltip = useMemo(
    () =>
      (info: PickingInfo): string | null => {
        if (info.layer?.id !== HEX_LAYER_ID || !data) return null;
        const row = (info.object as HexDatum).row;
        const n = data.count[row] ?? 0;
        const bin = data.bin[row] ?? 0;
        const t = activeT();
        const judged = data.tooFew ? t('legend.notTested') : (hotspotClasses(t)[bin + 3] ?? '');
        return `${t('hex.tooltip', { n: fmtInt(n), source: data.params.source })}\n${judged}`;
      },
    [data],
  );
  return {
    res,
    auto,
    chosen,
    layer,
    view,
    tooltip,
    withoutPoint: data?.counts.withoutPoint,
    loading: on && (query.isFetching || code.pending),
    error: on ? (query.error ?? code.error) : null,
  };
}
