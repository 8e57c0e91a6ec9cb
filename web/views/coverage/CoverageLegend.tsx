// Legend of the territories map: what the colours, hatching and markers mean.
import { css } from '../../map/colors.ts';
import { PROBLEM, TERRITORY_COLORS } from './layers.ts';

export function CoverageLegend({ synthetic }: { synthetic: boolean }) {
  return (
    <div className="legend terr-legend" data-testid="territory-legend">
      <h3>Inspector territories</h3>
      <p className="note terr-palette">
        {TERRITORY_COLORS.map((c) => (
          <span key={c.join()} className="swatch" style={{ background: css(c) }} />
        ))}
      </p>
      <p className="note">Neighbouring territories never share a colour.</p>
      <p className="note">
        <span className="swatch terr-hatch" /> Unassigned mahalla (no inspector)
      </p>
      <p className="note">
        <span className="terr-dot" style={{ background: css(PROBLEM) }} /> Territory over a norm
      </p>
      <p className="note">
        <span className="terr-dot base" /> Police base point
      </p>
      {synthetic && <p className="note demo">Demo boundaries and staffing (synthetic)</p>}
    </div>
  );
}
