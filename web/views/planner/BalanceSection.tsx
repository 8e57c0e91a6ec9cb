// The plan's balance as it is drawn (ideal workload, largest deviation, heaviest to lightest, unassigned mahallas,
// territories in pieces with a click that frames them, cut edges, overloads) and the workload weights behind it:
// each part's share of the index, incident categories counted heavier or lighter, kept in the link, with a reset.
import type { PlanMetrics } from '../../../server/shared/planner/evaluate.ts';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type WorkloadWeights } from '../../../server/shared/planner/workload.ts';
import { CATEGORY_LABELS, INCIDENT_CATEGORIES } from '../../../server/contract/catalog.ts';
import { update } from '../../state/store.ts';
import { CATEGORY_WEIGHT_MAX, WEIGHT_MAX } from '../../state/url-fields.ts';
import { pct, plural } from './PostList.tsx';

const PARTS: Record<(typeof WEIGHT_KEYS)[number], [string, string]> = {
  residents: ['Residents', 'People living in the territory'],
  incidents: ['Incidents', 'Incidents of the period, each counted with its category’s weight (below)'],
  applications: ['Applications', 'Citizens’ applications to answer within the legal term'],
  jointActions: ['Joint actions', 'Actions the cooperation plan requires in the territory'],
  areaKm2: ['Area', 'A wide territory takes longer to walk'],
  distanceKm: ['Distance', 'Distance from the inspector’s base point to each mahalla'],
};
const DEFAULTS: WorkloadWeights = { ...DEFAULT_WEIGHTS, categories: {} };
const isDefault = (w: WorkloadWeights): boolean =>
  WEIGHT_KEYS.every((k) => w[k] === DEFAULTS[k]) && Object.values(w.categories).every((v) => v === 1);

export interface BalanceProps {
  metrics: PlanMetrics;
  weights: WorkloadWeights;
  /** incident categories the district's model counts */
  categories: readonly string[];
  onPieces: (pieces: number[][]) => void;
}

export function BalanceSection({ metrics, weights, categories, onPieces }: BalanceProps) {
  const balance = metrics.districts[0];
  const sum = WEIGHT_KEYS.reduce((s, k) => s + weights[k], 0);
  const setPart = (k: (typeof WEIGHT_KEYS)[number], v: number): void => {
    // At least one part must count: the last one above 0 cannot be set to 0.
    if (sum - weights[k] + v > 0) update({ weights: { ...weights, [k]: v } });
  };
  const known = INCIDENT_CATEGORIES.filter((c) => categories.includes(c));
  const pieces = metrics.posts.filter((p) => p.pieces.length > 1).flatMap((p) => p.pieces);
  return (
    <>
      <section aria-label="Balance of the plan" data-testid="plan-balance">
        <h2>Balance</h2>
        <dl className="planner-facts">
          <dt title="The mean workload of the district's posts: 1.00 is an average post's share">Ideal workload</dt>
          <dd data-testid="ideal">{balance ? balance.ideal.toFixed(3) : '—'}</dd>
          <dt title="The post furthest from the ideal">Largest deviation</dt>
          <dd data-testid="max-deviation">{pct(metrics.maxAbsDeviation)}</dd>
          <dt title="(heaviest − lightest) ÷ ideal">Heaviest to lightest</dt>
          <dd>{Math.round(metrics.topToBottom * 100)} %</dd>
          <dt>Mahallas without an inspector</dt>
          <dd className={metrics.unassigned.length > 0 ? 'warn' : undefined} data-testid="unassigned-count">
            {metrics.unassigned.length}
          </dd>
          <dt>Territories in pieces</dt>
          <dd className={pieces.length > 0 ? 'warn' : undefined}>
            {pieces.length > 0 ? (
              <button
                type="button"
                className="link warn"
                title="Show the pieces on the map"
                onClick={() => onPieces(pieces)}
              >
                {metrics.noncontiguous.length} ({plural(pieces.length, 'piece')})
              </button>
            ) : (
              0
            )}
          </dd>
          <dt title="Borders between mahallas of different territories: fewer means more compact territories">
            Cut edges
          </dt>
          <dd>{metrics.cutEdges}</dd>
          <dt>Over a norm</dt>
          <dd className={metrics.overloaded > 0 ? 'warn' : undefined}>{metrics.overloaded}</dd>
        </dl>
      </section>
      <details className="planner-weights" data-testid="weights">
        <summary data-testid="weights-open">Workload weights{isDefault(weights) ? '' : ' (changed)'}</summary>
        <p className="terr-hint">
          What a post’s workload is made of. Each part is measured against an average post’s share; the weights say how
          much each part counts.
        </p>
        {WEIGHT_KEYS.map((k) => (
          <label key={k} className="planner-weight" title={PARTS[k][1]}>
            <span>{PARTS[k][0]}</span>
            <input
              type="range"
              min={0}
              max={WEIGHT_MAX / 100}
              step={0.05}
              value={weights[k]}
              onChange={(e) => setPart(k, Number(e.target.value))}
              data-testid={`weight-${k}`}
            />
            <output>{Math.round((weights[k] / sum) * 100)} %</output>
          </label>
        ))}
        {known.length > 0 && (
          <details className="planner-categories">
            <summary title="1 = an ordinary incident; 2 = counts as two">Incident categories</summary>
            {known.map((c) => (
              <label key={c} className="planner-weight">
                <span>{CATEGORY_LABELS[c]}</span>
                <input
                  type="number"
                  min={0}
                  max={CATEGORY_WEIGHT_MAX}
                  step={0.5}
                  value={weights.categories[c] ?? 1}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (v >= 0 && v <= CATEGORY_WEIGHT_MAX)
                      update({ weights: { ...weights, categories: { ...weights.categories, [c]: v } } });
                  }}
                />
              </label>
            ))}
          </details>
        )}
        <button
          type="button"
          className="link"
          disabled={isDefault(weights)}
          onClick={() => update({ weights: DEFAULTS })}
          data-testid="weights-reset"
        >
          Reset to the defaults
        </button>
      </details>
    </>
  );
}
