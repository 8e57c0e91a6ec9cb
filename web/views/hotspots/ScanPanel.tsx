// The scan's legend entry and its clusters beside the map: the method in one line (what it means folded under it),
// the significant clusters (a click chooses one), and the chosen cluster's mahallas, relative risk, records and p.
import { useState } from 'react';
import type { Scan, ScanCluster } from '../../queries/scan.ts';
import { css } from '../../map/colors.ts';
import { formatPeriod } from '../../format.ts';
import { SCAN_COLORS } from '../../map/scan-layer.ts';
import { clusterLine, pText, recordsLine, rrText, scanEmpty, scanExplanation, scanMethod } from './scan-text.ts';

const title = (c: ScanCluster): string => (c.rank === 1 ? 'Most likely cluster' : `Cluster ${c.rank}`);

function Swatch({ direction }: { direction: 'high' | 'low' }) {
  return <span className="scan-swatch" style={{ borderColor: css(SCAN_COLORS[direction]) }} aria-hidden="true" />;
}

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
  // Folded at first, so the panel covers little of the map; a cluster chosen on the map unfolds its figures.
  const [open, setOpen] = useState(false);
  return (
    <div className="scan-panel" data-testid="scan-panel">
      <h3>
        <Swatch direction="high" /> {params.kind === 'emerging' ? 'Emerging clusters' : 'Clusters'} (Kulldorff scan)
      </h3>
      <p className="note method" data-testid="scan-method">
        {scanMethod(params, noun)}
      </p>
      <details>
        <summary>What this means</summary>
        <p className="note">{scanExplanation(params, noun)}</p>
      </details>
      {empty && (
        <p className="note empty" data-testid="scan-empty">
          {empty}
        </p>
      )}
      {chosen ? (
        <div className="scan-cluster" data-testid="scan-cluster">
          <h4>
            <Swatch direction={chosen.direction} /> {title(chosen)}
          </h4>
          <dl>
            {chosen.weeks && (
              <>
                <dt>Weeks</dt>
                <dd>{formatPeriod(chosen.weeks)}</dd>
              </>
            )}
            <dt>Relative risk</dt>
            <dd>
              {rrText(chosen.relativeRisk)}{' '}
              {chosen.weeks
                ? `(${noun} in those weeks against the circle's usual share, inside the circle against outside it)`
                : `(${noun} per resident inside the circle against outside it)`}
            </dd>
            <dt>Records</dt>
            <dd>{recordsLine(chosen, noun)}</dd>
            <dt>Chance alone</dt>
            <dd>
              {pText(chosen.p, draws)}: the share of the {draws} random {chosen.weeks ? 'shuffles' : 'maps'} with a
              cluster at least this strong
            </dd>
            <dt>Circle</dt>
            <dd>
              {chosen.ids.length === 1
                ? 'one mahalla alone'
                : `${chosen.radiusKm} km around ${names.get(chosen.centre) ?? `mahalla ${chosen.centre}`}`}
            </dd>
            <dt>Mahallas</dt>
            <dd>{chosen.ids.map((id) => names.get(id) ?? `#${id}`).join(', ')}</dd>
          </dl>
          <button type="button" className="link" onClick={() => select(null)}>
            Back to all clusters
          </button>
        </div>
      ) : (
        shown.length > 0 && (
          <p className="note">
            {shown.length} cluster{shown.length === 1 ? '' : 's'} at p &lt; {params.alpha}, outlined on the map.{' '}
            <button type="button" className="link" data-testid="scan-list-toggle" onClick={() => setOpen(!open)}>
              {open ? 'Hide the list' : 'Show the list'}
            </button>
          </p>
        )
      )}
      {!chosen && open && shown.length > 0 && (
        <ol className="scan-clusters" data-testid="scan-clusters">
          {shown.map((c) => (
            <li key={c.rank}>
              <button type="button" onClick={() => select(c.rank)}>
                <Swatch direction={c.direction} />
                <b>{title(c)}</b> {clusterLine(c, draws)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
