// Hot spots this period vs the previous one: the map with a legend that needs no hover (classes, and how they were
// tested: counts against residents, exact test, study area, FDR), and the counts beside it.
import { useMemo } from 'react';
import type { SlideProps } from './SlideFrame.tsx';
import { BriefingMap } from '../BriefingMap.tsx';
import { HOTSPOT_CLASSES, HOTSPOT_DARK, hotLabels, hotspotLayers } from '../map-layers.ts';
import { css } from '../../../map/colors.ts';
import { compareCounts } from '../../../../server/shared/poisson-compare.ts';
import type { Hotspots } from '../../../queries/briefing.ts';
import { fmtChange, fmtInt, formatPeriod } from '../../../format.ts';
import { inferenceLine, nounOf, tooFewSentence } from '../../../map/inference-text.ts';

const levels = (h: Hotspots, sign: 1 | -1): string =>
  [3, 2, 1].map((k) => `${h.bin.filter((b) => b === sign * k).length} at ${['90', '95', '99'][k - 1]} %`).join(' · ');

export function HotspotSlide({ snap }: SlideProps) {
  const { territories, hotspots: now, hotspotsPrevious: before, metrics } = snap;
  const labelPx = Math.round(window.innerHeight * 0.026);
  const layers = useMemo(
    () => (territories && now ? hotspotLayers(territories, now, hotLabels(territories, now, 6), labelPx) : []),
    [territories, now, labelPx],
  );
  const fresh = useMemo(() => {
    if (!now || !before || !territories) return [];
    const was = new Map(before.ids.map((id, i) => [id, before.bin[i] ?? 0]));
    const names = new Map(territories.features.map((f) => [f.properties.id, f.properties.name]));
    return now.ids
      .flatMap((id, i) => ((now.bin[i] ?? 0) > 0 && (was.get(id) ?? 0) <= 0 ? [{ id, z: now.z[i] ?? 0 }] : []))
      .sort((a, b) => b.z - a.z)
      .map((x) => names.get(x.id) ?? `#${x.id}`);
  }, [now, before, territories]);
  if (!now || !before || !metrics) return null;
  // Per day, as the change map compares: the two periods can differ in length (29 February).
  const { days } = metrics.change;
  const test = compareCounts(metrics.totals.count, metrics.totals.prev, days.period, days.previous);
  const verdict =
    test.verdict === 'too-few'
      ? 'too few incidents to judge'
      : test.verdict === 'none'
        ? `within normal variation (p = ${test.p.toFixed(2)})`
        : `significant change (p ${test.p < 0.001 ? '< 0.001' : `= ${test.p.toFixed(3)}`})`;
  return (
    <div className="split">
      <div className="map-column">
        <div className="map-legend" data-testid="slide-legend">
          <p className="legend-title">
            Hot &amp; cold spots · {formatPeriod(snap.period)} · {nounOf(now.params.source).plural}
          </p>
          {now.tooFew && (
            <p className="legend-notice" data-testid="slide-notice">
              {tooFewSentence(now.tooFew, now.params.inference, nounOf(now.params.source))}
            </p>
          )}
          <ol hidden={now.tooFew !== null}>
            {[6, 5, 4, 3, 2, 1, 0].map((k) => (
              <li key={k}>
                <span className="swatch" style={{ background: css(HOTSPOT_DARK[k] ?? [0, 0, 0]) }} />
                {HOTSPOT_CLASSES[k]}
              </li>
            ))}
          </ol>
          <p className="legend-title" data-testid="slide-method">
            {inferenceLine(now.params.inference, nounOf(now.params.source))}
          </p>
        </div>
        <div className="map-panel">
          <BriefingMap snap={snap} layers={layers} />
        </div>
      </div>
      <aside className="slide-facts">
        <div className="fact">
          <h3>Hot spots</h3>
          <p className="figure">
            <span className="big">{now.tooFew ? '—' : now.counts.hot}</span>{' '}
            <span className="was">previous period {before.tooFew ? '—' : before.counts.hot}</span>
          </p>
          <p className="detail">{now.tooFew ? 'not tested: too few records' : levels(now, 1)}</p>
        </div>
        <div className="fact">
          <h3>Cold spots</h3>
          <p className="figure">
            <span className="big">{now.tooFew ? '—' : now.counts.cold}</span>{' '}
            <span className="was">previous period {before.tooFew ? '—' : before.counts.cold}</span>
          </p>
        </div>
        <div className="fact">
          <h3>Incidents</h3>
          <p className="figure">
            <span className="big">{fmtInt(metrics.totals.count)}</span>{' '}
            <span className="was">
              {fmtChange(metrics.totals.count, metrics.totals.prev) ?? ''} vs {fmtInt(metrics.totals.prev)}
            </span>
          </p>
          <p className="detail">{verdict}</p>
        </div>
        <div className="fact">
          <h3>New hot spots</h3>
          {fresh.length === 0 ? (
            <p className="detail">None: every hot spot was already hot in {formatPeriod(snap.previous)}</p>
          ) : (
            <p className="detail names">
              {fresh.slice(0, 5).join(', ')}
              {fresh.length > 5 ? ` and ${fresh.length - 5} more` : ''}
            </p>
          )}
        </div>
      </aside>
    </div>
  );
}
