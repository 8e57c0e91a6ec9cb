// Legend of the cooperation map: which service a colour stands for (click one to show only where it took part),
// how strong colours read as more actions, and what a red outline means.
import type { ServiceCode } from '../../../server/contract/catalog.ts';
import { SERVICES } from '../../../server/contract/catalog.ts';
import { useT } from '../../i18n/I18n.tsx';
import { MapLegend } from '../common/MapLegend.tsx';
import { ACTIVITY_ALPHA, WITHOUT_FOCUS, activityLabels } from './layers.ts';
import { SERVICE_COLORS, cssOf, serviceLabel, serviceShort } from './services.ts';

export interface CoopLegendProps {
  focus: ServiceCode | null;
  onFocus: (s: ServiceCode | null) => void;
  breaks: [number, number, number];
  gaps: number;
  synthetic: boolean;
}

export function CoopLegend({ focus, onFocus, breaks, gaps, synthetic }: CoopLegendProps) {
  const t = useT();
  const classes = activityLabels(breaks);
  const base = focus ? SERVICE_COLORS[focus] : ([27, 45, 68] as const);
  return (
    <MapLegend page="cooperation" className="coop-legend" testId="coop-legend" title={t('cooperation.legend.title')}>
      <p className="note">
        {focus ? t('cooperation.legend.focus', { service: serviceLabel(focus, t) }) : t('cooperation.legend.dominant')}
      </p>
      <ul className="svc-keys" aria-label={t('cooperation.legend.services')}>
        {SERVICES.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={focus === s ? 'svc-key active' : 'svc-key'}
              aria-pressed={focus === s}
              data-service={s}
              onClick={() => onFocus(focus === s ? null : s)}
              title={serviceLabel(s, t)}
            >
              <span className="swatch" style={{ background: cssOf(SERVICE_COLORS[s]) }} />
              {serviceShort(s, t)}
            </button>
          </li>
        ))}
      </ul>
      {focus && (
        <button type="button" className="link" onClick={() => onFocus(null)}>
          {t('cooperation.legend.showAll')}
        </button>
      )}
      <div className="activity">
        <span className="muted small">{t('cooperation.legend.actions')}</span>
        {classes.map(
          (label, k) =>
            label && (
              <span key={k} className="act">
                <span
                  className="swatch"
                  style={{ background: `rgba(${base[0]}, ${base[1]}, ${base[2]}, ${(ACTIVITY_ALPHA[k] ?? 0) / 255})` }}
                />
                {label}
              </span>
            ),
        )}
      </div>
      {focus && (
        <p className="note">
          <span className="swatch" style={{ background: `rgba(${WITHOUT_FOCUS.slice(0, 3).join(',')}, 0.6)` }} />
          {t('cooperation.legend.withoutFocus')}
        </p>
      )}
      <p className="note">
        <span className="swatch gap-swatch" />
        {t('cooperation.legend.gap', { n: gaps })}
      </p>
      {synthetic && <p className="note demo">{t('cooperation.legend.demo')}</p>}
    </MapLegend>
  );
}
