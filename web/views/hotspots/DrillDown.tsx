// Drill-down beside the map: the whole area's districts ranked → one district's mahallas ranked → (a click) the
// mahalla card with the incidents behind its numbers. The breadcrumb above the map walks back up.
import { useMemo, useRef, type RefObject } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { update, useUi } from '../../state/store.ts';
import { css } from '../../map/colors.ts';
import type { MetricColumns, MetricView } from '../../map/metric-values.ts';
import type { Meta } from '../../queries/meta.ts';
import { districtRows, mahallaRows, type RankRow } from './ranking.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { wholeArea } from '../../i18n/whole-area.ts';
import { usePanelFocus } from '../common/panel-focus.ts';

export interface DrillProps {
  meta: Meta;
  metrics: MetricColumns;
  view: MetricView;
  territories: FeatureCollection<Geometry, { id: number; name: string; districtSoato: string }>;
  district: string | null | undefined;
}

/** Mahalla names by id, in the script of the language in force. */
function useNames(territories: DrillProps['territories']) {
  const nameOf = useNameOf();
  return useMemo(
    () =>
      new Map(
        territories.features.map((f) => [
          f.properties.id,
          { name: nameOf(f.properties.name), district: f.properties.districtSoato },
        ]),
      ),
    [territories, nameOf],
  );
}

export function Breadcrumb({
  meta,
  territories,
  district,
  selected,
}: Omit<DrillProps, 'metrics' | 'view'> & { selected: number | null }) {
  const t = useT();
  const nameOf = useNameOf();
  const stored = meta.districts.find((d) => d.soato === district)?.name;
  const districtName = stored && nameOf(stored);
  // One name looked up, not a map of all 9,400 built on every screen (≈ 30 ms of the national first screen, issue 15).
  const mahalla = useMemo(() => {
    const name =
      selected !== null ? territories.features.find((f) => f.properties.id === selected)?.properties.name : undefined;
    return name === undefined ? undefined : nameOf(name);
  }, [territories, selected, nameOf]);
  const area = wholeArea(meta, t);
  return (
    <nav className="crumbs" aria-label={t('drill.crumbs')} data-testid="breadcrumb">
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

export function DrillDown(props: DrillProps & { open: boolean; setOpen: (open: boolean) => void }) {
  const t = useT();
  // Here, not in the list: the hook tells a list closed (focus goes back) from one hidden by the card by `open`.
  const panel = useRef<HTMLElement>(null);
  usePanelFocus(panel, () => props.setOpen(false), props.open, 'drill');
  // Closed, the list is a button: the ranking (every mahalla's name and value) is worked out only when it opens, not on
  // each screen it stays closed on (≈ 70–120 ms of the national first screen on a laptop, issue 15).
  if (!props.open) {
    return (
      <button type="button" className="drill-open" data-testid="drill-open" onClick={() => props.setOpen(true)}>
        {t(props.district ? 'drill.mahallaList' : 'drill.districtList')}
      </button>
    );
  }
  return <DrillList {...props} panel={panel} />;
}

function DrillList({
  meta,
  metrics,
  view,
  territories,
  district,
  setOpen,
  panel,
}: DrillProps & { setOpen: (open: boolean) => void; panel: RefObject<HTMLElement | null> }) {
  const names = useNames(territories);
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const rows: RankRow[] = useMemo(() => {
    if (district) return mahallaRows(view, metrics, names, district, t);
    const districtOf = new Map([...names].map(([id, p]) => [id, p.district]));
    return districtRows(
      metrics,
      districtOf,
      meta.districts.map((d) => ({ soato: d.soato, name: nameOf(d.name) })),
    );
  }, [district, view, metrics, names, meta.districts, t, nameOf]);
  const source = useUi((s) => s.source);
  const title = district ? t('drill.mahallasBy', { what: view.label }) : t('drill.districtsBy', { source });
  return (
    <aside
      className={district ? 'drill mahallas' : 'drill'}
      data-testid="drill"
      aria-label={title}
      ref={panel}
      tabIndex={-1}
    >
      <header>
        <h2>{title}</h2>
        <button type="button" className="close" aria-label={t('drill.hide')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      {/* Column heads: the count beside each rate was an unexplained number (its name only on hover). Hidden from
          screen readers, which hear each row's button with its own title. */}
      <div className="drill-head" aria-hidden="true" data-testid="drill-head">
        <span />
        {district && <span />}
        <span>{t('drill.head.name', { level: district ? 'mahalla' : 'district' })}</span>
        <span className="count">{t('records.title', { source })}</span>
      </div>
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
              <span className="count" title={t('records.plural', { source })}>
                {f.int(r.count)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
