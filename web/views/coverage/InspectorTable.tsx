// The sortable inspector table: workload figures for the period and overload flags; a click selects the inspector.
// Sort and filter live in the UI store so a link reopens the table as it was.
import { useMemo } from 'react';
import type { Coverage } from '../../queries/coverage.ts';
import type { NormKey } from '../../../server/contract/coverage.ts';
import { update, useUi } from '../../state/store.ts';
import type { InspectorSortKey } from '../../state/url.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import type { Norms } from '../../../server/contract/coverage.ts';
import { lengthDays, type Period } from '../../../server/shared/period.ts';
import { flagReason, rankLabel } from './labels.ts';
import { nextSort, rowsOf, sortRows, type InspectorRow } from './table.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { useExportWhere } from '../common/export-where.ts';
import type { ExportTable } from '../../export/table.ts';
import type { Translate } from '../../i18n/translate.ts';

/** Rows drawn at once: the whole country has ≈ 4,000 inspectors; a district a few dozen. */
const MAX_ROWS = 400;

/** The columns in order; label and title are messages `coverage.col.<key>` and `coverage.col.<key>.title`. */
const COLUMNS: Array<{ key: InspectorSortKey; numeric: boolean }> = [
  { key: 'name', numeric: false },
  { key: 'mahallas', numeric: true },
  { key: 'residents', numeric: true },
  { key: 'incidents', numeric: true },
  { key: 'applications', numeric: true },
  { key: 'jointActions', numeric: true },
  { key: 'areaKm2', numeric: true },
  { key: 'maxDistanceKm', numeric: true },
  { key: 'flags', numeric: false },
];

export interface InspectorTableProps {
  coverage: Coverage;
  selected: number | null;
  onSelect: (id: number) => void;
  districtName: (soato: string) => string;
  /** the norms and the period the flags were judged by (their reasons are written here, in the language in force) */
  norms: Norms;
  period: Period;
}

export function InspectorTable({ coverage, selected, onSelect, districtName, norms, period }: InspectorTableProps) {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const days = lengthDays(period);
  const sort = useUi((s) => s.inspectorSort);
  const onlyOverloaded = useUi((s) => s.overloadedOnly);
  const rows = useMemo(() => {
    const all = rowsOf(coverage.inspectors, f.locale);
    return sortRows(onlyOverloaded ? all.filter((r) => r.flags.length > 0) : all, sort.key, sort.dir);
  }, [coverage, sort, onlyOverloaded, f.locale]);
  const shown = rows.slice(0, MAX_ROWS);
  const by = (key: InspectorSortKey): void => update({ inspectorSort: nextSort(sort, key) });
  const where = useExportWhere();
  return (
    <section className="terr-table" aria-label={t('coverage.table.aria')}>
      <header>
        <h2>
          {t('coverage.table.title')}{' '}
          <span className="terr-count" data-testid="inspector-count">
            {f.int(coverage.totals.inspectors)}
          </span>
        </h2>
        <TableDownload
          title={t('coverage.table.title')}
          what={['coverage', where]}
          period={period}
          table={() =>
            exportRows(rows, t, (r) => [nameOf(r.name), rankLabel(r.rank, t), districtName(r.districtSoato)])
          }
        />
        <label className="check">
          <input
            type="checkbox"
            data-testid="only-overloaded"
            checked={onlyOverloaded}
            onChange={(e) => update({ overloadedOnly: e.target.checked })}
          />
          {t('coverage.table.onlyOverloaded', { n: f.int(coverage.totals.overloaded) })}
        </label>
        {rows.length > MAX_ROWS && (
          <span className="terr-hint">
            {t('coverage.table.firstRows', { max: f.int(MAX_ROWS), n: f.int(rows.length) })}
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
                  title={t(`coverage.col.${c.key}.title`)}
                  aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" data-testid={`sort-${c.key}`} onClick={() => by(c.key)}>
                    {t(`coverage.col.${c.key}`)}
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
                    {nameOf(r.name)}
                  </button>
                  <span className="terr-sub">
                    {rankLabel(r.rank, t)} · {districtName(r.districtSoato)}
                  </span>
                </td>
                <td className="num">{f.int(r.mahallas)}</td>
                <td className={cellClass(r, 'normResidents')}>{f.int(r.residents)}</td>
                <td className={cellClass(r, 'normIncidents')}>{f.int(r.incidents)}</td>
                <td className="num">{f.int(r.applications)}</td>
                <td className="num">{f.int(r.jointActions)}</td>
                <td className="num">{f.decimal(r.areaKm2, 2)}</td>
                <td className={cellClass(r, 'normDistanceKm')}>
                  {f.decimal(r.meanDistanceKm, 1)} / {f.decimal(r.maxDistanceKm, 1)}
                </td>
                <td className="terr-flags">
                  {r.flags.length === 0 ? (
                    <span className="terr-ok">{t('coverage.table.within')}</span>
                  ) : (
                    r.flags.map((flag) => (
                      <span key={flag.norm} className="terr-flag" title={flagReason(flag, norms, days, t, f)}>
                        {t(`coverage.flag.${flag.norm}`)}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="terr-empty">{t('coverage.table.empty')}</p>}
      </div>
    </section>
  );
}

function cellClass(r: { flags: ReadonlyArray<{ norm: NormKey }> }, norm: NormKey): string {
  return r.flags.some((f) => f.norm === norm) ? 'num terr-over' : 'num';
}

/**
 * Every row in the table's order and filter (not only the first MAX_ROWS drawn), each inspector with their number and
 * district code beside the names, the distance as its two figures, the flags in words.
 */
function exportRows(
  rows: readonly InspectorRow[],
  t: Translate,
  names: (r: InspectorRow) => [name: string, rank: string, district: string],
): ExportTable {
  const col = (k: InspectorSortKey): string => t(`coverage.col.${k}`);
  return {
    columns: [
      t('export.col.inspector'),
      t('export.col.inspectorId'),
      t('import.field.rank'),
      t('export.col.district'),
      t('export.col.districtCode'),
      ...(['mahallas', 'residents', 'incidents', 'applications', 'jointActions', 'areaKm2'] as const).map(col),
      `${col('maxDistanceKm')}: ${t('coverage.card.meanDistance')}`,
      `${col('maxDistanceKm')}: ${t('coverage.card.farthest')}`,
      col('flags'),
    ],
    rows: rows.map((r) => {
      const [name, rank, district] = names(r);
      return [
        name,
        r.id,
        rank,
        district,
        r.districtSoato,
        r.mahallas,
        r.residents,
        r.incidents,
        r.applications,
        r.jointActions,
        Math.round(r.areaKm2 * 100) / 100,
        Math.round(r.meanDistanceKm * 10) / 10,
        Math.round(r.maxDistanceKm * 10) / 10,
        r.flags.map((x) => t(`coverage.flag.${x.norm}`)).join(', '),
      ];
    }),
  };
}
