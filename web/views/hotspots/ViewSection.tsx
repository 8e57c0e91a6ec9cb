// How the page shows the filtered records: mahallas, a kernel heat map or H3 hexagons, one click each (kept in the URL
// as `layers`), the hexagon resolution, the layer checkboxes for combinations (e.g. heat over the mahallas), and the
// outlines of the Kulldorff scan's clusters over any of them (`scan`).
import { update, useUi } from '../../state/store.ts';
import { LAYERS, type LayerKey } from '../../state/url.ts';
import { HEX_RES_RANGE } from '../../map/hex-resolution.ts';
import { toggle } from './RecordFilters.tsx';
import { useT } from '../../i18n/I18n.tsx';

const VIEWS = [
  { id: 'choropleth', label: 'view.mahallas' },
  { id: 'heat', label: 'view.heat' },
  { id: 'hex', label: 'view.hex' },
] as const;
const LAYER_LABELS: Record<LayerKey, `view.layer.${LayerKey}`> = {
  choropleth: 'view.layer.choropleth',
  heat: 'view.layer.heat',
  hex: 'view.layer.hex',
  base: 'view.layer.base',
};
// Average H3 cell areas (h3geo.org resolution table), to say what a resolution means.
const CELL_KM2: Record<number, string> = {
  5: '≈ 250 km²',
  6: '≈ 36 km²',
  7: '≈ 5 km²',
  8: '≈ 0.7 km²',
  9: '≈ 0.1 km²',
};

export function ViewSection({ hexRes }: { hexRes: { res: number; auto: number } }) {
  const layers = useUi((s) => s.layers);
  const chosen = useUi((s) => s.hexRes);
  const scan = useUi((s) => s.scan);
  const t = useT();
  const current = VIEWS.find((v) => layers.includes(v.id))?.id;
  const resolutions = Array.from(
    { length: HEX_RES_RANGE.max - HEX_RES_RANGE.min + 1 },
    (_, k) => HEX_RES_RANGE.min + k,
  );
  return (
    <section>
      <h2>{t('view.title')}</h2>
      <div className="segmented" role="group" aria-label={t('view.title')} data-testid="view">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            className={v.id === current ? 'active' : ''}
            aria-pressed={v.id === current}
            onClick={() =>
              update({ layers: LAYERS.filter((l) => l === v.id || (l === 'base' && layers.includes('base'))) })
            }
          >
            {t(v.label)}
          </button>
        ))}
      </div>
      {layers.includes('hex') && (
        <label className="field">
          {t('view.hexSize')}
          <select
            data-testid="hex-res"
            value={chosen ?? ''}
            onChange={(e) => update({ hexRes: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('view.hexAuto', { res: hexRes.auto, area: CELL_KM2[hexRes.auto] ?? '' })}</option>
            {resolutions.map((r) => (
              <option key={r} value={r}>
                {t('view.hexRes', { res: r, area: CELL_KM2[r] ?? '' })}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="checks layer-checks" data-testid="layers">
        {LAYERS.map((l) => (
          <label key={l} className="check">
            <input
              type="checkbox"
              value={l}
              checked={layers.includes(l)}
              onChange={() => update({ layers: toggle(layers, l, LAYERS) })}
            />
            {t(LAYER_LABELS[l])}
          </label>
        ))}
      </div>
      <div className="checks layer-checks">
        <label className="check" title={t('view.scanHint')}>
          <input
            type="checkbox"
            data-testid="scan-toggle"
            checked={scan !== 'off'}
            onChange={() => update({ scan: scan === 'off' ? 'spatial' : 'off' })}
          />
          {t('view.scan')}
        </label>
        {scan !== 'off' && (
          <select
            data-testid="scan-kind"
            aria-label={t('view.scanKind')}
            value={scan}
            onChange={(e) => update({ scan: e.target.value === 'emerging' ? 'emerging' : 'spatial' })}
          >
            <option value="spatial">{t('view.scanSpatial')}</option>
            <option value="emerging">{t('view.scanEmerging')}</option>
          </select>
        )}
      </div>
    </section>
  );
}
