// The breakdown national statistics publish (share by registry, duty-unit share), recomputed from the records for the
// selection and for the whole database, side by side (the whole database alone while it is the selection).
import { REGISTRIES } from '../../../server/contract/catalog.ts';
import type { ApplicationsFlow } from '../../queries/applications.ts';
import { fmtDecimal } from '../../format.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { pct } from '../cooperation/services.ts';
import { labelOf } from './labels.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { useExportWhere } from '../common/export-where.ts';

export function NationalPanel({
  flow,
  scopeName,
  countryName,
}: {
  flow: ApplicationsFlow;
  scopeName: string;
  countryName: string;
}) {
  const t = useT();
  const f = useFmt();
  const where = useExportWhere();
  const share = (x: number | undefined): string => pct(x ?? 0, 1, f.locale);
  const { selected, country } = flow.national;
  // The selection is the whole database: one column, not the same area twice and a difference of nothing.
  const whole = flow.scope.districts === null && flow.scope.mahalla === null;
  const rows = [
    ...REGISTRIES.map((r) => ({
      key: r,
      label: labelOf('registry', r, false, t),
      a: selected.registry[r],
      b: country.registry[r],
    })),
    { key: 'duty', label: t('applications.national.duty'), a: selected.dutyUnit, b: country.dutyUnit },
  ];
  return (
    <section className="appl-national" data-testid="national-panel">
      <TableDownload
        title={t('applications.national.title')}
        what={['applications-national', where]}
        period="selection"
        table="[data-testid=national-panel] table"
        id="national"
      />
      <h3>{t('applications.national.title')}</h3>
      <p className="muted">
        {whole
          ? t('applications.national.noteWhole', { country: countryName, countryN: f.int(country.n) })
          : t('applications.national.note', {
              scope: scopeName,
              n: f.int(selected.n),
              country: countryName,
              countryN: f.int(country.n),
            })}
      </p>
      <table>
        <thead>
          <tr>
            <th />
            {!whole && <th className="num">{scopeName}</th>}
            <th className="num">{countryName}</th>
            {!whole && <th className="num">{t('applications.national.diff')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = ((r.a ?? 0) - (r.b ?? 0)) * 100;
            return (
              <tr key={r.key}>
                <td>
                  {r.label}
                  <span className="appl-pair">
                    {!whole && <span className="a" style={{ width: `${(r.a ?? 0) * 100}%` }} />}
                    <span className="b" style={{ width: `${(r.b ?? 0) * 100}%` }} />
                  </span>
                </td>
                {!whole && <td className="num">{share(r.a)}</td>}
                <td className="num">{share(r.b)}</td>
                {!whole && (
                  <td className={Math.abs(d) >= 5 ? 'num warn' : 'num'}>
                    {t('applications.national.pt', {
                      sign: d >= 0 ? '+' : '−',
                      n: fmtDecimal(Math.abs(d), 1, f.locale),
                    })}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {whole ? (
        <p className="appl-hint">{t('applications.national.hint')}</p>
      ) : (
        <p className="appl-key">
          <span className="a" /> {scopeName} <span className="b" /> {countryName}
        </p>
      )}
    </section>
  );
}
