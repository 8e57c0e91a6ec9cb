// Legend of the territories map: what the colours, hatching and markers mean.
import { css } from '../../map/colors.ts';
import { PROBLEM, TERRITORY_COLORS } from './layers.ts';
import { useT } from '../../i18n/I18n.tsx';
import { MapLegend } from '../common/MapLegend.tsx';

export function CoverageLegend({ synthetic }: { synthetic: boolean }) {
  const t = useT();
  return (
    <MapLegend page="coverage" className="terr-legend" testId="territory-legend" title={t('coverage.legend.title')}>
      <p className="note terr-palette">
        {TERRITORY_COLORS.map((c) => (
          <span key={c.join()} className="swatch" style={{ background: css(c) }} />
        ))}
      </p>
      <p className="note">{t('coverage.legend.neighbours')}</p>
      <p className="note">
        <span className="swatch terr-hatch" /> {t('coverage.legend.unassigned')}
      </p>
      <p className="note">
        <span className="terr-dot" style={{ background: css(PROBLEM) }} /> {t('coverage.legend.overNorm')}
      </p>
      <p className="note">
        <span className="terr-dot base" /> {t('legend.base')}
      </p>
      {synthetic && <p className="note demo">{t('coverage.legend.demo')}</p>}
    </MapLegend>
  );
}
