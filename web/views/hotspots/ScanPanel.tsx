// The scan's legend entry and its clusters beside the map: the method in one line, what it means in plain words, the
// significant clusters (a click chooses one), and the chosen cluster's mahallas, relative risk, records and p-value.
import type { Scan } from '../../queries/scan.ts';
import { css } from '../../map/colors.ts';
import { SCAN_COLORS } from '../../map/scan-layer.ts';
import { clusterLine, pText, rrText, scanEmpty, scanExplanation, scanMethod } from './scan-text.ts';

export function ScanPanel({
  scan,
  noun,
  names,
  district,
  selected,
  select,
}: {
  scan: Scan;
  noun: string;
  /** mahalla id → name */
  names: ReadonlyMap<number, string>;
  district: boolean;
  selected: number | null;
  select: (rank: number | null) => void;
}) {
  const { params } = scan;
  const draws = params.inference.draws;
  const shown = scan.clusters.filter((c) => c.p < params.alpha);
  const chosen = shown.find((c) => c.rank === selected);
  const empty = scanEmpty(scan, noun, district);
  return (
    <div className="scan-panel" data-testid="scan-panel">
      <h3>
        <span className="scan-swatch" style={{ borderColor: css(SCAN_COLORS.high) }} aria-hidden="true" /> Clusters
        (Kulldorff scan)
      </h3>
      <p className="note method" data-testid="scan-method">
        {scanMethod(params, noun)}
      </p>
      <p className="note">{scanExplanation(params, noun)}</p>
      {empty && (
        <p className="note empty" data-testid="scan-empty">
          {empty}
        </p>
      )}
      {shown.length > 0 && (
        <ol className="scan-clusters" data-testid="scan-clusters">
          {shown.map((c) => (
            <li key={c.rank}>
              <button
                type="button"
                className={c.rank === selected ? 'active' : ''}
                aria-pressed={c.rank === selected}
                onClick={() => select(c.rank === selected ? null : c.rank)}
              >
                <span
                  className="scan-swatch"
                  style={{ borderColor: css(SCAN_COLORS[c.direction]) }}
                  aria-hidden="true"
                />
                <b>{c.rank === 1 ? 'Most likely cluster' : `Cluster ${c.rank}`}</b> {clusterLine(c, draws)}
              </button>
            </li>
          ))}
        </ol>
      )}
      {chosen && (
        <div className="scan-cluster" data-testid="scan-cluster">
          <h4>{chosen.rank === 1 ? 'Most likely cluster' : `Cluster ${chosen.rank}`}</h4>
          <dl>
            <dt>Relative risk</dt>
            <dd>
              {rrText(chosen.relativeRisk)} ({noun} per resident inside the circle against outside it)
            </dd>
            <dt>{noun[0]?.toUpperCase() + noun.slice(1)}</dt>
            <dd>
              {chosen.observed} observed, {+chosen.expected.toPrecision(3)} expected from its{' '}
              {chosen.residents.toLocaleString('en-GB')} residents
            </dd>
            <dt>Chance alone</dt>
            <dd>
              {pText(chosen.p, draws)}: share of the {draws} random maps with a cluster at least this strong
            </dd>
            <dt>Circle</dt>
            <dd>
              {chosen.radiusKm} km around {names.get(chosen.centre) ?? `mahalla ${chosen.centre}`}
            </dd>
          </dl>
          <p className="note">{chosen.ids.map((id) => names.get(id) ?? `#${id}`).join(', ')}</p>
        </div>
      )}
    </div>
  );
}
