// Hot spots this period vs the previous one: the map with a legend that needs no hover (classes, and how they were
// tested: counts against residents, exact test, study area, FDR), and the counts beside it.
import { useMemo } from 'react';
import type { SlideProps } from './SlideFrame.tsx';
import { BriefingMap } from '../BriefingMap.tsx';
import { HOTSPOT_DARK, hotLabels, hotspotLayers } from '../map-layers.ts';
import { css } from '../../../map/colors.ts';
import { testVerdict } from '../../hotspots/change-text.ts';
import type { Hotspots } from '../../../queries/briefing.ts';
import { inferenceLine, nounOf, tooFewSentence } from '../../../map/inference-text.ts';
import { hotspotClasses } from '../../../map/metric-values.ts';
import { useFmt, useNameOf, useT } from '../../../i18n/I18n.tsx';
import type { Translate } from '../../../i18n/translate.ts';

const levels = (h: Hotspots, sign: 1 | -1, t: Translate): string =>
  [3, 2, 1]
    .map((k) =>
      t('wall.hot.level', { n: h.bin.filter((b) => b === sign * k).length, level: ['90', '95', '99'][k - 1]! }),
    )
    .join(' · ');

export function HotspotSlide({ snap }: SlideProps) {
  const { territories, hotspots: now, hotspotsPrevious: before, metrics } = snap;
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const labelPx = Math.round(window.innerHeight * 0.026);
  const layers = useMemo(
    () =>
      territories && now
        ? hotspotLayers(
            territories,
            now,
            hotLabels(territories, now, 6).map((l) => ({ ...l, name: nameOf(l.name) })),
            labelPx,
          )
        : [],
    [territories, now, labelPx, nameOf],
  );
  const fresh = useMemo(() => {
    if (!now || !before || !territories) return [];
    const was = new Map(before.ids.map((id, i) => [id, before.bin[i] ?? 0]));
    const names = new Map(territories.features.map((f) => [f.properties.id, f.properties.name]));
    return now.ids
      .flatMap((id, i) => ((now.bin[i] ?? 0) > 0 && (was.get(id) ?? 0) <= 0 ? [{ id, z: now.z[i] ?? 0 }] : []))
      .sort((a, b) => b.z - a.z)
      .map((x) => nameOf(names.get(x.id) ?? `#${x.id}`));
  }, [now, before, territories, nameOf]);
  if (!now || !before || !metrics) return null;
  // Per day, as the change map compares: the two periods can differ in length (29 February).
  const { days } = metrics.change;
  const verdict = testVerdict(metrics.totals.count, metrics.totals.prev, days.period, days.previous, t, f);
  const classes = hotspotClasses(t);
  const noun = nounOf(now.params.source, t);
  return (
    <div className="split">
      <div className="map-column">
        <div className="map-legend" data-testid="slide-legend">
          <p className="legend-title">
            {t('wall.hot.legendTitle', { period: f.period(snap.period), source: now.params.source })}
          </p>
          {now.tooFew && (
            <p className="legend-notice" data-testid="slide-notice">
              {tooFewSentence(now.tooFew, now.params.inference, noun, t)}
            </p>
          )}
          <ol hidden={now.tooFew !== null}>
            {[6, 5, 4, 3, 2, 1, 0].map((k) => (
              <li key={k}>
                <span className="swatch" style={{ background: css(HOTSPOT_DARK[k] ?? [0, 0, 0]) }} />
                {classes[k]}
              </li>
            ))}
          </ol>
          <p className="legend-title" data-testid="slide-method">
            {inferenceLine(now.params.inference, noun, t)}
          </p>
        </div>
        <div className="map-panel">
          <BriefingMap snap={snap} layers={layers} />
        </div>
      </div>
      <aside className="slide-facts">
        <div className="fact">
          <h3>{t('wall.hotSpots')}</h3>
          <p className="figure">
            <span className="big">{now.tooFew ? '—' : now.counts.hot}</span>{' '}
            <span className="was">{t('wall.hot.previous', { n: before.tooFew ? '—' : before.counts.hot })}</span>
          </p>
          <p className="detail">{now.tooFew ? t('wall.hot.notTested') : levels(now, 1, t)}</p>
        </div>
        <div className="fact">
          <h3>{t('wall.coldSpots')}</h3>
          <p className="figure">
            <span className="big">{now.tooFew ? '—' : now.counts.cold}</span>{' '}
            <span className="was">{t('wall.hot.previous', { n: before.tooFew ? '—' : before.counts.cold })}</span>
          </p>
        </div>
        <div className="fact">
          <h3>{t('wall.incidents')}</h3>
          <p className="figure">
            <span className="big">{f.int(metrics.totals.count)}</span>{' '}
            <span className="was">
              {t('wall.vs', {
                change: f.change(metrics.totals.count, metrics.totals.prev) ?? '',
                before: f.int(metrics.totals.prev),
              })}
            </span>
          </p>
          <p className="detail">{verdict}</p>
        </div>
        <div className="fact">
          <h3>{t('wall.hot.new')}</h3>
          {fresh.length === 0 ? (
            <p className="detail">{t('wall.hot.noneNew', { period: f.period(snap.previous) })}</p>
          ) : (
            <p className="detail names">
              {fresh.length > 5
                ? t('wall.hot.andMore', { names: fresh.slice(0, 5).join(', '), count: fresh.length - 5 })
                : fresh.join(', ')}
            </p>
          )}
        </div>
      </aside>
    </div>
  );
}
