// Cooperation gaps: statistically hot mahallas where the service their incidents call for has not worked with the
// inspector lately. A click selects the mahalla on the map.
import type { CooperationGaps } from '../../queries/cooperation.ts';
import { CATEGORY_LABELS } from '../../../server/contract/catalog.ts';
import { update } from '../../state/store.ts';
import { formatDay, fmtInt, inspectorLabel } from '../../format.ts';
import { SERVICE_COLORS, cssOf, pct } from './services.ts';

export function GapList({ gaps, selected }: { gaps: CooperationGaps; selected: number | null }) {
  const p = gaps.params;
  return (
    <div className="gaps">
      <p className="hint" data-testid="gap-method">
        Hot spots: {p.hotspots.method}, bins +2/+3 (95 %/99 %)
        {p.hotspots.fdr ? ' after the false-discovery-rate correction' : ''}, {formatDay(p.hotspots.period.from)} –{' '}
        {formatDay(p.hotspots.period.to)}. A hot mahalla is a gap when a service its incidents call for (categories with
        at least {pct(p.minShare, 0)} of them, or the largest) had no joint action there from {formatDay(p.window.from)}{' '}
        to {formatDay(p.window.to)} ({p.days} days).
      </p>
      <p className="gap-count">
        <strong data-testid="gap-count">{fmtInt(gaps.gaps.length)}</strong> gaps among{' '}
        <strong>{fmtInt(gaps.hot)}</strong> hot mahallas
      </p>
      <ol className="gap-list" data-testid="gap-list">
        {gaps.gaps.map((g) => (
          <li key={g.id}>
            <button
              type="button"
              className={g.id === selected ? 'gap active' : 'gap'}
              data-mahalla={g.id}
              onClick={() => update({ selected: g.id })}
            >
              <span className="gap-head">
                <span className="gap-name">{g.name}</span>
                <span className={`badge hot-${g.bin}`}>{g.bin >= 3 ? '99 %' : '95 %'} hot</span>
              </span>
              <span className="gap-sub">
                {fmtInt(g.incidents)} incidents ·{' '}
                {g.inspector ? (
                  `inspector ${inspectorLabel(g.inspector.name, g.inspector.id)}`
                ) : (
                  <span className="warn">no inspector assigned</span>
                )}
              </span>
              {g.missing.map((m) => (
                <span key={m.service} className="gap-need">
                  <span className="dot" style={{ background: cssOf(SERVICE_COLORS[m.service]) }} />
                  <span className="svc">{m.label}</span>
                  <span className="why">
                    {m.categories.map((c) => CATEGORY_LABELS[c]).join(', ')} · {pct(m.share, 0)}
                  </span>
                  <span className="last">
                    {m.lastAction ? `last ${formatDay(m.lastAction)}` : `none in ${p.lookbackDays} days`}
                  </span>
                </span>
              ))}
            </button>
          </li>
        ))}
      </ol>
      {gaps.gaps.length === 0 && (
        <p className="empty">No cooperation gaps: every hot mahalla saw the services it needs within the window.</p>
      )}
    </div>
  );
}
