// Joint actions of the period at a glance: totals and results, each service's share of all actions, the types.
import type { JointActionSummary } from '../../queries/cooperation.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { SERVICE_COLORS, actionTypeLabel, cssOf, pct, serviceLabel } from './services.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { useExportWhere } from '../common/export-where.ts';

export function ServiceShares({ summary }: { summary: JointActionSummary }) {
  const t = useT();
  const where = useExportWhere();
  const f = useFmt();
  const services = [...summary.services].sort((a, b) => b.actions - a.actions);
  const max = Math.max(0.0001, ...services.map((s) => s.share));
  return (
    <div className="coop-summary" data-testid="coop-summary">
      <dl className="kpis">
        <div>
          <dt>{t('cooperation.shares.total')}</dt>
          <dd data-testid="coop-total">{f.int(summary.total)}</dd>
        </div>
        <div>
          <dt>{t('cooperation.shares.checked')}</dt>
          <dd>{f.int(summary.results.personsChecked)}</dd>
        </div>
        <div>
          <dt>{t('cooperation.shares.offences')}</dt>
          <dd>{f.int(summary.results.offencesFound)}</dd>
        </div>
        <div>
          <dt>{t('cooperation.shares.wanted')}</dt>
          <dd>{f.int(summary.results.wantedFound)}</dd>
        </div>
      </dl>
      <h3>{t('cooperation.shares.title')}</h3>
      <p className="hint">{t('cooperation.shares.hint')}</p>
      <ul className="share-bars" data-testid="service-shares">
        {services.map((s) => (
          <li key={s.code} data-service={s.code}>
            <span className="name" title={serviceLabel(s.code, t)}>
              {serviceLabel(s.code, t)}
            </span>
            <span className="track">
              <span
                className="fill"
                style={{ width: `${(s.share / max) * 100}%`, background: cssOf(SERVICE_COLORS[s.code]) }}
              />
            </span>
            <span className="value">{pct(s.share, 1, f.locale)}</span>
            <span className="count">{f.int(s.actions)}</span>
          </li>
        ))}
      </ul>
      <TableDownload
        title={t('cooperation.shares.byType')}
        what={['cooperation-types', where]}
        period="selection"
        table="[data-testid=types-table]"
      />
      <h3>{t('cooperation.shares.byType')}</h3>
      <table className="coop-table" data-testid="types-table">
        <thead>
          <tr>
            <th>{t('cooperation.col.type')}</th>
            <th className="num">{t('cooperation.col.actions')}</th>
            <th className="num">{t('cooperation.shares.checked')}</th>
            <th className="num">{t('cooperation.shares.offences')}</th>
            <th className="num">{t('cooperation.shares.wanted')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.types.map((x) => (
            <tr key={x.code}>
              <td>{actionTypeLabel(x.code, t)}</td>
              <td className="num">{f.int(x.actions)}</td>
              <td className="num">{f.int(x.personsChecked)}</td>
              <td className="num">{f.int(x.offencesFound)}</td>
              <td className="num">{f.int(x.wantedFound)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
