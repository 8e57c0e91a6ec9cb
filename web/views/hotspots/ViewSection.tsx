// How the page shows the filtered records: mahallas, a kernel heat map or H3 hexagons, one click each (kept in the URL
// as `layers`), the hexagon resolution, the layer checkboxes for combinations (e.g. heat over the mahallas), and the
// outlines of the Kulldorff scan's clusters over any of them (`scan`).
import { update, useUi } from '../../state/store.ts';
import { LAYERS, type LayerKey } from '../../state/url.ts';
import { HEX_RES_RANGE } from '../../map/hex-resolution.ts';
import { toggle } from './RecordFilters.tsx';

const VIEWS: Array<{ id: 'choropleth' | 'heat' | 'hex'; label: string }> = [
  { id: 'choropleth', label: 'Mahallas' },
  { id: 'heat', label: 'Heat map' },
  { id: 'hex', label: 'Hexagons' },
];
const LAYER_LABELS: Record<LayerKey, string> = {
  choropleth: 'Mahalla colours',
  heat: 'Heat map (kernel density)',
  hex: 'H3 hexagons',
  base: 'Police base points',
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
  const current = VIEWS.find((v) => layers.includes(v.id))?.id;
  const resolutions = Array.from(
    { length: HEX_RES_RANGE.max - HEX_RES_RANGE.min + 1 },
    (_, k) => HEX_RES_RANGE.min + k,
  );
  return (
    <section>
      <h2>View</h2>
      <div className="segmented" role="group" aria-label="View" data-testid="view">
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
            {v.label}
          </button>
        ))}
      </div>
      {layers.includes('hex') && (
        <label className="field">
          Hexagon size
          <select
            data-testid="hex-res"
            value={chosen ?? ''}
            onChange={(e) => update({ hexRes: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">
              Automatic, from the zoom (resolution {hexRes.auto}, {CELL_KM2[hexRes.auto]})
            </option>
            {resolutions.map((r) => (
              <option key={r} value={r}>
                Resolution {r} ({CELL_KM2[r]})
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
            {LAYER_LABELS[l]}
          </label>
        ))}
      </div>
      <div className="checks layer-checks">
        <label
          className="check"
          title="Kulldorff's spatial scan: groups of neighbouring mahallas with more records than their residents predict, tested against chance"
        >
          <input
            type="checkbox"
            data-testid="scan-toggle"
            checked={scan !== 'off'}
            onChange={() => update({ scan: scan === 'off' ? 'spatial' : 'off' })}
          />
          Clusters (Kulldorff scan)
        </label>
        {scan !== 'off' && (
          <select
            data-testid="scan-kind"
            aria-label="Which clusters"
            value={scan}
            onChange={(e) => update({ scan: e.target.value === 'emerging' ? 'emerging' : 'spatial' })}
          >
            <option value="spatial">Anywhere in the period</option>
            <option value="emerging">Emerging: in the last weeks only</option>
          </select>
        )}
      </div>
    </section>
  );
}
