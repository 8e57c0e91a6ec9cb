// One inspector's card over the map: territory, base point, workload against the norms, joint actions by service,
// the territory's open and overdue applications, and its mahallas.
import type { ServiceCode } from '../../../server/contract/catalog.ts';
import type { Norms } from '../../../server/contract/coverage.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { useInspectorCard } from '../../queries/coverage.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { lengthDays } from '../../../server/shared/period.ts';
import { serviceLabel } from '../cooperation/services.ts';
import { flagReason, rankLabel } from './labels.ts';
import { useRef } from 'react';
import { usePanelFocus } from '../common/panel-focus.ts';
import { TableDownload } from '../common/TableDownload.tsx';

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
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  const nameOf = useNameOf();
  const km = (n: number, digits: number): string => t('coverage.card.km', { n: f.decimal(n, digits) });
  const panel = useRef<HTMLElement>(null);
  usePanelFocus(panel, onClose);
  return (
    <aside
      className="card terr-card"
      aria-label={t('coverage.card.aria')}
      data-testid="inspector-card"
      ref={panel}
      tabIndex={-1}
    >
      <button type="button" className="close" aria-label={t('coverage.card.close')} onClick={onClose}>
        ×
      </button>
      {card.error && <p className="warn">{t('coverage.card.failed', { reason: said.error(card.error) })}</p>}
      {!c && !card.error && <p className="muted">{t('coverage.card.loading')}</p>}
      {c && (
        <>
          <h2 data-testid="inspector-title">{nameOf(c.name)}</h2>
          <p className="muted">
            {t('coverage.card.role', { rank: rankLabel(c.rank, t), district: nameOf(c.districtName) })}
          </p>
          <p className="muted">
            {t('coverage.card.base', {
              name: nameOf(c.basePoint.name),
              from: f.day(c.period.from),
              to: f.day(c.period.to),
            })}
          </p>
          {c.flags.length > 0 ? (
            <ul className="terr-reasons" data-testid="inspector-flags">
              {c.flags.map((flag) => (
                <li key={flag.norm}>
                  {t('coverage.card.overNorm', { reason: flagReason(flag, norms, lengthDays(c.period), t, f) })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="terr-within">
              {t('coverage.card.within', {
                residents: f.int(norms.normResidents),
                incidents: f.int(norms.normIncidents),
                km: f.decimal(norms.normDistanceKm, Number.isInteger(norms.normDistanceKm) ? 0 : 1),
              })}
            </p>
          )}
          <dl className="figures">
            <div>
              <dt>{t('coverage.card.residents')}</dt>
              <dd>{f.int(c.workload.residents)}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.incidents')}</dt>
              <dd>{f.int(c.workload.incidents)}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.applications')}</dt>
              <dd>{f.int(c.workload.applications)}</dd>
            </div>
          </dl>
          <dl className="facts">
            <div>
              <dt>{t('coverage.card.mahallas')}</dt>
              <dd>{f.int(c.workload.mahallas)}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.households')}</dt>
              <dd>{f.int(c.workload.households)}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.area')}</dt>
              <dd>{t('coverage.card.km2', { n: f.decimal(c.workload.areaKm2, 2) })}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.jointActions')}</dt>
              <dd>{f.int(c.workload.jointActions)}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.meanDistance')}</dt>
              <dd>{km(c.workload.meanDistanceKm, 1)}</dd>
            </div>
            <div>
              <dt>{t('coverage.card.farthest')}</dt>
              <dd>{km(c.workload.maxDistanceKm, 1)}</dd>
            </div>
          </dl>
          <h3>{t('coverage.card.appsTitle')}</h3>
          <p className="terr-apps" data-testid="inspector-applications">
            {t('coverage.card.apps', {
              total: f.int(c.applications.total),
              open: f.int(c.applications.open),
              overdue: f.int(c.applications.overdue),
              day: f.day(c.applications.asOf),
            })}
          </p>
          <h3>{t('coverage.card.byService')}</h3>
          {c.jointActionsByService.length === 0 ? (
            <p className="muted">{t('coverage.card.noAction')}</p>
          ) : (
            <ul className="bars">
              {c.jointActionsByService.map((s) => (
                <li key={s.service}>
                  <span>{serviceLabel(s.service as ServiceCode, t)}</span>
                  <span className="bar terr-bar" style={{ width: `${(100 * s.count) / maxService}%` }} />
                  <span className="n">{f.int(s.count)}</span>
                </li>
              ))}
            </ul>
          )}
          <TableDownload
            title={t('coverage.card.mahallaList')}
            what={['territory', `inspector-${id}`]}
            period={c.period}
            table="[data-testid=inspector-mahallas]"
            id="card"
          />
          <h3>{t('coverage.card.mahallaList')}</h3>
          <table className="terr-mini" data-testid="inspector-mahallas">
            <thead>
              <tr>
                <th>{t('coverage.card.col.mahalla')}</th>
                <th className="num">{t('coverage.card.residents')}</th>
                <th className="num">{t('coverage.card.col.km')}</th>
                <th className="num">{t('coverage.card.col.inc')}</th>
                <th className="num">{t('coverage.card.col.appl')}</th>
              </tr>
            </thead>
            <tbody>
              {c.mahallas.map((m) => (
                <tr key={m.id}>
                  <td data-code={m.code}>{nameOf(m.name)}</td>
                  <td className="num">{f.int(m.population)}</td>
                  <td className="num">{f.decimal(m.distanceKm, 1)}</td>
                  <td className="num">{f.int(m.incidents)}</td>
                  <td className="num">{f.int(m.applications)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
