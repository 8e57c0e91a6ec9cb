// The breakdown national statistics publish (share by registry, duty-unit share), recomputed from the records for the
// selection and for the whole database, side by side.
import { REGISTRIES } from '../../../server/contract/catalog.ts';
import type { ApplicationsFlow } from '../../queries/applications.ts';
import { fmtInt } from '../../format.ts';
import { labelOf } from './labels.ts';

const pct = (x: number | undefined): string => `${((x ?? 0) * 100).toFixed(1)} %`;

export function NationalPanel({
  flow,
  scopeName,
  countryName,
}: {
  flow: ApplicationsFlow;
  scopeName: string;
  countryName: string;
}) {
  const { selected, country } = flow.national;
  const rows = [
    ...REGISTRIES.map((r) => ({
      key: r,
      label: labelOf('registry', r),
      a: selected.registry[r],
      b: country.registry[r],
    })),
    { key: 'duty', label: 'Received by the duty unit', a: selected.dutyUnit, b: country.dutyUnit },
  ];
  return (
    <section className="appl-national" data-testid="national-panel">
      <h3>As national statistics publish it</h3>
      <p className="muted">
        Recomputed from the records for the same period: {scopeName} ({fmtInt(selected.n)}) beside {countryName} (
        {fmtInt(country.n)}).
      </p>
      <table>
        <thead>
          <tr>
            <th />
            <th className="num">{scopeName}</th>
            <th className="num">{countryName}</th>
            <th className="num">Difference</th>
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
                    <span className="a" style={{ width: `${(r.a ?? 0) * 100}%` }} />
                    <span className="b" style={{ width: `${(r.b ?? 0) * 100}%` }} />
                  </span>
                </td>
                <td className="num">{pct(r.a)}</td>
                <td className="num">{pct(r.b)}</td>
                <td className={Math.abs(d) >= 5 ? 'num warn' : 'num'}>
                  {d >= 0 ? '+' : '−'}
                  {Math.abs(d).toFixed(1)} pt
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="appl-key">
        <span className="a" /> {scopeName} <span className="b" /> {countryName}
      </p>
      {flow.scope.districts === null && flow.scope.mahalla === null && (
        <p className="appl-hint">
          The selection is the whole database: choose a district (or click a mahalla) to compare it with{' '}
          {countryName.toLowerCase()}.
        </p>
      )}
    </section>
  );
}
