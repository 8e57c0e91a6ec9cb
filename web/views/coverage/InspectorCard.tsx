// One inspector's card over the map: territory, base point, workload against the norms, joint actions by service,
// the territory's open and overdue applications, and its mahallas.
import { SERVICE_LABELS, type ServiceCode } from '../../../server/contract/catalog.ts';
import type { Norms } from '../../../server/contract/coverage.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { useInspectorCard } from '../../queries/coverage.ts';
import { fmtInt, formatDay } from '../../format.ts';
import { useRef } from 'react';
import { usePanelFocus } from '../common/panel-focus.ts';

export function InspectorCard({
  id,
  range,
  norms,
  onClose,
}: {
  id: number;
  range: RangeArgs;
  norms: Norms;
  onClose: () => void;
}) {
  const card = useInspectorCard(id, range, norms);
  const c = card.data;
  const maxService = Math.max(1, ...(c?.jointActionsByService.map((s) => s.count) ?? []));
  const panel = useRef<HTMLElement>(null);
  usePanelFocus(panel, onClose);
  return (
    <aside className="card terr-card" aria-label="Inspector" data-testid="inspector-card" ref={panel} tabIndex={-1}>
      <button type="button" className="close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      {card.error && <p className="warn">Could not load the card: {card.error.message}</p>}
      {!c && !card.error && <p className="muted">Loading…</p>}
      {c && (
        <>
          <h2 data-testid="inspector-title">{c.name}</h2>
          <p className="muted">
            {c.rank} · prevention inspector · {c.districtName}
          </p>
          <p className="muted">
            Base point: <strong>{c.basePoint.name}</strong> · {formatDay(c.period.from)} – {formatDay(c.period.to)}
          </p>
          {c.flags.length > 0 ? (
            <ul className="terr-reasons" data-testid="inspector-flags">
              {c.flags.map((f) => (
                <li key={f.norm}>Over norm: {f.reason}</li>
              ))}
            </ul>
          ) : (
            <p className="terr-within">
              Within every norm (residents {fmtInt(norms.normResidents)}, {norms.normIncidents} incidents / 30 days,{' '}
              {norms.normDistanceKm} km).
            </p>
          )}
          <dl className="figures">
            <div>
              <dt>Residents</dt>
              <dd>{fmtInt(c.workload.residents)}</dd>
            </div>
            <div>
              <dt>Incidents</dt>
              <dd>{fmtInt(c.workload.incidents)}</dd>
            </div>
            <div>
              <dt>Applications</dt>
              <dd>{fmtInt(c.workload.applications)}</dd>
            </div>
          </dl>
          <dl className="facts">
            <div>
              <dt>Mahallas</dt>
              <dd>{c.workload.mahallas}</dd>
            </div>
            <div>
              <dt>Households</dt>
              <dd>{fmtInt(c.workload.households)}</dd>
            </div>
            <div>
              <dt>Area</dt>
              <dd>{c.workload.areaKm2.toFixed(2)} km²</dd>
            </div>
            <div>
              <dt>Joint actions</dt>
              <dd>{fmtInt(c.workload.jointActions)}</dd>
            </div>
            <div>
              <dt>Mean distance</dt>
              <dd>{c.workload.meanDistanceKm.toFixed(1)} km</dd>
            </div>
            <div>
              <dt>Farthest</dt>
              <dd>{c.workload.maxDistanceKm.toFixed(1)} km</dd>
            </div>
          </dl>
          <h3>Applications from the territory</h3>
          <p className="terr-apps" data-testid="inspector-applications">
            <strong>{fmtInt(c.applications.total)}</strong> arrived · <strong>{fmtInt(c.applications.open)}</strong>{' '}
            open ·{' '}
            <strong className={c.applications.overdue > 0 ? 'warn' : undefined}>
              {fmtInt(c.applications.overdue)}
            </strong>{' '}
            overdue
            <span className="muted"> (as of {formatDay(c.applications.asOf)})</span>
          </p>
          <h3>Joint actions by service</h3>
          {c.jointActionsByService.length === 0 ? (
            <p className="muted">No joint action in the period.</p>
          ) : (
            <ul className="bars">
              {c.jointActionsByService.map((s) => (
                <li key={s.service}>
                  <span>{SERVICE_LABELS[s.service as ServiceCode] ?? s.service}</span>
                  <span className="bar terr-bar" style={{ width: `${(100 * s.count) / maxService}%` }} />
                  <span className="n">{s.count}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Mahallas, nearest the base point first</h3>
          <table className="terr-mini">
            <thead>
              <tr>
                <th>Mahalla</th>
                <th className="num">Residents</th>
                <th className="num">km</th>
                <th className="num">Inc.</th>
                <th className="num">Appl.</th>
              </tr>
            </thead>
            <tbody>
              {c.mahallas.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td className="num">{fmtInt(m.population)}</td>
                  <td className="num">{m.distanceKm.toFixed(1)}</td>
                  <td className="num">{m.incidents}</td>
                  <td className="num">{m.applications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
