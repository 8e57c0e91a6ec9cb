// The plan's balance as it is drawn (ideal workload, largest deviation, heaviest to lightest, unassigned mahallas,
// territories in pieces with a click that frames them, cut edges, overloads) and the workload weights behind it:
// each part's share of the index, incident categories counted heavier or lighter, kept in the link, with a reset.
import type { PlanMetrics } from '../../../server/shared/planner/evaluate.ts';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type WorkloadWeights } from '../../../server/shared/planner/workload.ts';
import { INCIDENT_CATEGORIES } from '../../../server/contract/catalog.ts';
import { update } from '../../state/store.ts';
import { CATEGORY_WEIGHT_MAX, WEIGHT_MAX } from '../../state/url-fields.ts';
import { pct } from './PostList.tsx';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { MessageId } from '../../i18n/messages.ts';

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
  const t = useT();
  const f = useFmt();
  const sum = WEIGHT_KEYS.reduce((s, k) => s + weights[k], 0);
  const setPart = (k: (typeof WEIGHT_KEYS)[number], v: number): void => {
    // At least one part must count: the last one above 0 cannot be set to 0.
    if (sum - weights[k] + v > 0) update({ weights: { ...weights, [k]: v } });
  };
  const known = INCIDENT_CATEGORIES.filter((c) => categories.includes(c));
  const pieces = metrics.posts.filter((p) => p.pieces.length > 1).flatMap((p) => p.pieces);
  return (
    <>
      <section aria-label={t('planner.balanceAria')} data-testid="plan-balance">
        <h2>{t('planner.balance')}</h2>
        <dl className="planner-facts">
          <dt title={t('planner.idealTitle')}>{t('planner.ideal')}</dt>
          <dd data-testid="ideal">{balance ? balance.ideal.toFixed(3) : '—'}</dd>
          <dt title={t('planner.maxDevTitle')}>{t('planner.maxDev')}</dt>
          <dd data-testid="max-deviation">{pct(metrics.maxAbsDeviation)}</dd>
          <dt title={t('planner.spreadTitle')}>{t('planner.spread')}</dt>
          <dd>{f.pct(metrics.topToBottom)}</dd>
          <dt>{t('planner.unassigned')}</dt>
          <dd className={metrics.unassigned.length > 0 ? 'warn' : undefined} data-testid="unassigned-count">
            {metrics.unassigned.length}
          </dd>
          <dt>{t('planner.inPieces')}</dt>
          <dd className={pieces.length > 0 ? 'warn' : undefined}>
            {pieces.length > 0 ? (
              <button
                type="button"
                className="link warn"
                title={t('planner.showPieces')}
                onClick={() => onPieces(pieces)}
              >
                {metrics.noncontiguous.length} ({t('planner.piecesCount', { count: pieces.length })})
              </button>
            ) : (
              0
            )}
          </dd>
          <dt title={t('planner.enclavesTitle')}>{t('planner.enclaves')}</dt>
          <dd className={metrics.enclaves.length > 0 ? 'warn' : undefined} data-testid="enclave-count">
            {metrics.enclaves.length}
          </dd>
          <dt title={t('planner.cutTitle')}>{t('planner.cut')}</dt>
          <dd>{metrics.cutEdges}</dd>
          <dt>{t('planner.overNormCount')}</dt>
          <dd className={metrics.overloaded > 0 ? 'warn' : undefined}>{metrics.overloaded}</dd>
        </dl>
      </section>
      <details className="planner-weights" data-testid="weights">
        <summary data-testid="weights-open">
          {t('planner.weights')}
          {isDefault(weights) ? '' : t('planner.weightsChanged')}
        </summary>
        <p className="terr-hint">{t('planner.weightsHint')}</p>
        {WEIGHT_KEYS.map((k) => (
          <label key={k} className="planner-weight" title={t(`planner.part.${k}Title` as MessageId)}>
            <span>{t(`planner.part.${k}` as MessageId)}</span>
            <input
              type="range"
              min={0}
              max={WEIGHT_MAX / 100}
              step={0.05}
              value={weights[k]}
              onChange={(e) => setPart(k, Number(e.target.value))}
              data-testid={`weight-${k}`}
            />
            <output>{f.pct(weights[k] / sum)}</output>
          </label>
        ))}
        {known.length > 0 && (
          <details className="planner-categories">
            <summary title={t('planner.categoriesTitle')}>{t('planner.categories')}</summary>
            {known.map((c) => (
              <label key={c} className="planner-weight">
                <span>{t(`catalog.category.${c}` as MessageId)}</span>
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
          {t('planner.reset')}
        </button>
      </details>
    </>
  );
}
