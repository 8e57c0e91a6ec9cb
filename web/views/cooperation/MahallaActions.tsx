// The selected mahalla on the cooperation page: its joint actions in the period, the services involved, and the
// services it lacks when it is a cooperation gap.
import type { FeatureCollection, Geometry } from 'geojson';
import { SERVICE_LABELS } from '../../../server/contract/catalog.ts';
import type { CooperationGaps, JointActionLayer } from '../../queries/cooperation.ts';
import type { MahallaFeatureProps } from '../../map/layers.ts';
import { update } from '../../state/store.ts';
import { formatDay } from '../../format.ts';
import { SERVICE_COLORS, cssOf, servicesIn } from './services.ts';

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
  return (
    <section className="coop-mahalla" data-testid="coop-mahalla">
      <h2>
        Selected mahalla
        <button type="button" className="link" onClick={() => update({ selected: null })}>
          clear
        </button>
      </h2>
      <p className="coop-mahalla-name">{f?.properties.name ?? `Mahalla ${id}`}</p>
      <p className="muted">{f?.properties.districtName}</p>
      <p className="summary">
        <strong>{k >= 0 ? (layer?.actions[k] ?? 0) : 0}</strong> joint actions in the period
      </p>
      {k >= 0 && layer && (
        <ul className="svc-list">
          {servicesIn(layer.mask[k] ?? 0).map((s) => (
            <li key={s}>
              <span className="dot" style={{ background: cssOf(SERVICE_COLORS[s]) }} />
              {SERVICE_LABELS[s]}
            </li>
          ))}
        </ul>
      )}
      {gap && (
        <div className="gap-note" data-testid="coop-mahalla-gap">
          <strong>Cooperation gap.</strong> Hot spot without{' '}
          {gap.missing
            .map(
              (m) =>
                `${m.label.toLowerCase()} (${m.lastAction ? `last ${formatDay(m.lastAction)}` : 'none this year'})`,
            )
            .join(', ')}
          .
        </div>
      )}
    </section>
  );
}
