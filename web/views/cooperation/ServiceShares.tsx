// Joint actions of the period at a glance: totals and results, each service's share of all actions, the types.
import type { JointActionSummary } from '../../queries/cooperation.ts';
import { fmtInt } from '../../format.ts';
import { SERVICE_COLORS, cssOf, pct } from './services.ts';

export function ServiceShares({ summary }: { summary: JointActionSummary }) {
  const services = [...summary.services].sort((a, b) => b.actions - a.actions);
  const max = Math.max(0.0001, ...services.map((s) => s.share));
  return (
    <div className="coop-summary" data-testid="coop-summary">
      <dl className="kpis">
        <div>
          <dt>Joint actions</dt>
          <dd data-testid="coop-total">{fmtInt(summary.total)}</dd>
        </div>
        <div>
          <dt>Persons checked</dt>
          <dd>{fmtInt(summary.results.personsChecked)}</dd>
        </div>
        <div>
          <dt>Offences found</dt>
          <dd>{fmtInt(summary.results.offencesFound)}</dd>
        </div>
        <div>
          <dt>Wanted / missing found</dt>
          <dd>{fmtInt(summary.results.wantedFound)}</dd>
        </div>
      </dl>
      <h3>Share of joint actions with each service</h3>
      <p className="hint">An action with several services counts for each, so the shares add up to more than 100 %.</p>
      <ul className="share-bars" data-testid="service-shares">
        {services.map((s) => (
          <li key={s.code} data-service={s.code}>
            <span className="name" title={s.label}>
              {s.label}
            </span>
            <span className="track">
              <span
                className="fill"
                style={{ width: `${(s.share / max) * 100}%`, background: cssOf(SERVICE_COLORS[s.code]) }}
              />
            </span>
            <span className="value">{pct(s.share)}</span>
            <span className="count">{fmtInt(s.actions)}</span>
          </li>
        ))}
      </ul>
      <h3>By type of action</h3>
      <table className="coop-table">
        <thead>
          <tr>
            <th>Type</th>
            <th className="num">Actions</th>
            <th className="num">Persons checked</th>
            <th className="num">Offences found</th>
            <th className="num">Wanted / missing found</th>
          </tr>
        </thead>
        <tbody>
          {summary.types.map((t) => (
            <tr key={t.code}>
              <td>{t.label}</td>
              <td className="num">{fmtInt(t.actions)}</td>
              <td className="num">{fmtInt(t.personsChecked)}</td>
              <td className="num">{fmtInt(t.offencesFound)}</td>
              <td className="num">{fmtInt(t.wantedFound)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
