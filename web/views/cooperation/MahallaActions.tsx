// The selected mahalla on the cooperation page: its joint actions in the period, the services involved, and the
// services it lacks when it is a cooperation gap.
import type { FeatureCollection, Geometry } from 'geojson';
import type { CooperationGaps, JointActionLayer } from '../../queries/cooperation.ts';
import type { MahallaFeatureProps } from '../../map/layers.ts';
import { update } from '../../state/store.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { SERVICE_COLORS, cssOf, serviceLabel, servicesIn } from './services.ts';

export interface MahallaActionsProps {
  id: number;
  features: FeatureCollection<Geometry, MahallaFeatureProps>;
  layer: JointActionLayer | undefined;
  gaps: CooperationGaps | undefined;
}

export function MahallaActions({ id, features, layer, gaps }: MahallaActionsProps) {
  const f = features.features.find((x) => x.properties.id === id);
  const k = layer?.ids.indexOf(id) ?? -1;
  const gap = gaps?.gaps.find((g) => g.id === id);
  const t = useT();
  const fmt = useFmt();
  const nameOf = useNameOf();
  const count = k >= 0 ? (layer?.actions[k] ?? 0) : 0;
  return (
    <section className="coop-mahalla" data-testid="coop-mahalla">
      <h2>
        {t('cooperation.mahalla.title')}
        <button type="button" className="link" onClick={() => update({ selected: null })}>
          {t('cooperation.mahalla.clear')}
        </button>
      </h2>
      <p className="coop-mahalla-name">
        {f ? nameOf(f.properties.name) : t('cooperation.mahalla.fallback', { id: String(id) })}
      </p>
      <p className="muted">{f?.properties.districtName ? nameOf(f.properties.districtName) : ''}</p>
      <p className="summary">{t('cooperation.mahalla.actions', { count, n: fmt.int(count) })}</p>
      {k >= 0 && layer && (
        <ul className="svc-list">
          {servicesIn(layer.mask[k] ?? 0).map((s) => (
            <li key={s}>
              <span className="dot" style={{ background: cssOf(SERVICE_COLORS[s]) }} />
              {serviceLabel(s, t)}
            </li>
          ))}
        </ul>
      )}
      {gap && (
        <div className="gap-note" data-testid="coop-mahalla-gap">
          {t('cooperation.mahalla.gap', {
            services: gap.missing
              .map((m) =>
                t('cooperation.missing', {
                  service: serviceLabel(m.service, t),
                  last: m.lastAction
                    ? t('cooperation.last', { day: fmt.day(m.lastAction) })
                    : t('cooperation.noneThisYear'),
                }),
              )
              .join(', '),
          })}
        </div>
      )}
    </section>
  );
}
