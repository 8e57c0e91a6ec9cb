// Cooperation gaps: statistically hot mahallas where the service their incidents call for has not worked with the
// inspector lately. A click selects the mahalla on the map.
import type { CooperationGaps } from '../../queries/cooperation.ts';
import { update } from '../../state/store.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { codeLabel } from '../hotspots/records.ts';
import { SERVICE_COLORS, cssOf, pct, serviceLabel } from './services.ts';

export function GapList({ gaps, selected }: { gaps: CooperationGaps; selected: number | null }) {
  const p = gaps.params;
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  return (
    <div className="gaps">
      <p className="hint" data-testid="gap-method">
        {t('cooperation.gaps.method', {
          fdr: p.hotspots.fdr ? 'yes' : 'no',
          from: f.day(p.hotspots.period.from),
          to: f.day(p.hotspots.period.to),
          share: pct(p.minShare, 0, f.locale),
          windowFrom: f.day(p.window.from),
          windowTo: f.day(p.window.to),
          days: f.int(p.days),
        })}
      </p>
      <p className="gap-count">
        <strong data-testid="gap-count">{f.int(gaps.gaps.length)}</strong>{' '}
        {t('cooperation.gaps.count', { count: gaps.gaps.length, hot: gaps.hot, hotText: f.int(gaps.hot) })}
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
                <span className="gap-name">{nameOf(g.name)}</span>
                <span className={`badge hot-${g.bin}`}>
                  {t('cooperation.gaps.hot', { level: f.pct(g.bin >= 3 ? 0.99 : 0.95) })}
                </span>
              </span>
              <span className="gap-sub">
                {t('cooperation.gaps.incidents', { count: g.incidents, n: f.int(g.incidents) })} ·{' '}
                {g.inspector ? (
                  t('cooperation.gaps.inspector', {
                    name: nameOf(f.inspector(g.inspector.name, g.inspector.id)),
                  })
                ) : (
                  <span className="warn">{t('cooperation.gaps.noInspector')}</span>
                )}
              </span>
              {g.missing.map((m) => (
                <span key={m.service} className="gap-need">
                  <span className="dot" style={{ background: cssOf(SERVICE_COLORS[m.service]) }} />
                  <span className="svc">{serviceLabel(m.service, t)}</span>
                  <span className="why">
                    {m.categories.map((c) => codeLabel(c, t)).join(', ')} · {pct(m.share, 0, f.locale)}
                  </span>
                  <span className="last">
                    {m.lastAction
                      ? t('cooperation.last', { day: f.day(m.lastAction) })
                      : t('cooperation.noneInDays', { days: f.int(p.lookbackDays) })}
                  </span>
                </span>
              ))}
            </button>
          </li>
        ))}
      </ol>
      {gaps.gaps.length === 0 && <p className="empty">{t('cooperation.gaps.none')}</p>}
    </div>
  );
}
