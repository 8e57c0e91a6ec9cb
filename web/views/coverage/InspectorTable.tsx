// The sortable inspector table: workload figures for the period and overload flags; a click selects the inspector.
// Sort and filter live in the UI store so a link reopens the table as it was.
import { useMemo } from 'react';
import type { Coverage } from '../../queries/coverage.ts';
import type { NormKey } from '../../../server/contract/coverage.ts';
import { update, useUi } from '../../state/store.ts';
import type { InspectorSortKey } from '../../state/url.ts';
import { fmtInt } from '../../format.ts';
import { nextSort, rowsOf, sortRows } from './table.ts';

/** Rows drawn at once: the whole country has ≈ 4,000 inspectors; a district a few dozen. */
const MAX_ROWS = 400;

const COLUMNS: Array<{ key: InspectorSortKey; label: string; title: string; numeric: boolean }> = [
  { key: 'name', label: 'Inspector', title: 'Prevention inspector and rank', numeric: false },
  { key: 'mahallas', label: 'Mahallas', title: 'Mahallas assigned', numeric: true },
  { key: 'residents', label: 'Residents', title: 'Residents of the territory', numeric: true },
  { key: 'incidents', label: 'Incidents', title: 'Incidents registered in the territory in the period', numeric: true },
  { key: 'applications', label: 'Applications', title: 'Applications from the territory in the period', numeric: true },
  {
    key: 'jointActions',
    label: 'Joint actions',
    title: "The inspector's joint actions with services in the period",
    numeric: true,
  },
  { key: 'areaKm2', label: 'Area km²', title: 'Area of the territory', numeric: true },
  {
    key: 'maxDistanceKm',
    label: 'Base → km',
    title: 'Mean / farthest distance from the base point to the mahallas (centres)',
    numeric: true,
  },
  { key: 'flags', label: 'Norms', title: 'Norms the territory exceeds', numeric: false },
];

export interface InspectorTableProps {
  coverage: Coverage;
  selected: number | null;
  onSelect: (id: number) => void;
  districtName: (soato: string) => string;
}

export function InspectorTable({ coverage, selected, onSelect, districtName }: InspectorTableProps) {
  const sort = useUi((s) => s.inspectorSort);
  const onlyOverloaded = useUi((s) => s.overloadedOnly);
  const rows = useMemo(() => {
    const all = rowsOf(coverage.inspectors);
    return sortRows(onlyOverloaded ? all.filter((r) => r.flags.length > 0) : all, sort.key, sort.dir);
  }, [coverage, sort, onlyOverloaded]);
  const shown = rows.slice(0, MAX_ROWS);
  const by = (key: InspectorSortKey): void => update({ inspectorSort: nextSort(sort, key) });
  return (
    <section className="terr-table" aria-label="Inspectors">
      <header>
        <h2>
          Inspectors{' '}
          <span className="terr-count" data-testid="inspector-count">
            {fmtInt(coverage.totals.inspectors)}
          </span>
        </h2>
        <label className="check">
          <input
            type="checkbox"
            data-testid="only-overloaded"
            checked={onlyOverloaded}
            onChange={(e) => update({ overloadedOnly: e.target.checked })}
          />
          Only overloaded ({fmtInt(coverage.totals.overloaded)})
        </label>
        {rows.length > MAX_ROWS && (
          <span className="terr-hint">
            Showing the first {MAX_ROWS} of {fmtInt(rows.length)}: choose a district to see all.
          </span>
        )}
      </header>
      <div className="terr-scroll">
        <table data-testid="inspector-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.numeric ? 'num' : undefined}
                  title={c.title}
                  aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" data-testid={`sort-${c.key}`} onClick={() => by(c.key)}>
                    {c.label}
                    <span className="terr-arrow" aria-hidden="true">
                      {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.id}
                data-testid="inspector-row"
                data-id={r.id}
                className={[r.id === selected ? 'selected' : '', r.flags.length > 0 ? 'over' : ''].join(' ')}
                onClick={() => onSelect(r.id)}
              >
                <td>
                  <button type="button" className="terr-name" onClick={() => onSelect(r.id)}>
                    {r.name}
                  </button>
                  <span className="terr-sub">
                    {r.rank} · {districtName(r.districtSoato)}
                  </span>
                </td>
                <td className="num">{r.mahallas}</td>
                <td className={cellClass(r, 'normResidents')}>{fmtInt(r.residents)}</td>
                <td className={cellClass(r, 'normIncidents')}>{fmtInt(r.incidents)}</td>
                <td className="num">{fmtInt(r.applications)}</td>
                <td className="num">{fmtInt(r.jointActions)}</td>
                <td className="num">{r.areaKm2.toFixed(2)}</td>
                <td className={cellClass(r, 'normDistanceKm')}>
                  {r.meanDistanceKm.toFixed(1)} / {r.maxDistanceKm.toFixed(1)}
                </td>
                <td className="terr-flags">
                  {r.flags.length === 0 ? (
                    <span className="terr-ok">within</span>
                  ) : (
                    r.flags.map((f) => (
                      <span key={f.norm} className="terr-flag" title={f.reason}>
                        {FLAG_SHORT[f.norm]}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="terr-empty">No inspector matches.</p>}
      </div>
    </section>
  );
}

const FLAG_SHORT: Record<NormKey, string> = {
  normResidents: 'residents',
  normIncidents: 'incidents',
  normDistanceKm: 'distance',
};

function cellClass(r: { flags: ReadonlyArray<{ norm: NormKey }> }, norm: NormKey): string {
  return r.flags.some((f) => f.norm === norm) ? 'num terr-over' : 'num';
}
