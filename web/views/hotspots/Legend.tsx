// Map legend: what the colours mean, the class breaks, and the demo-data notice, in the language in force.
import { classLabels, css } from '../../map/colors.ts';
import type { MetricView } from '../../map/metric-values.ts';
import { useUi } from '../../state/store.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { activeT, type Translate } from '../../i18n/translate.ts';
import { fmtInt } from '../../format.ts';
import { MIN_EVENTS_FOR_CHANGE } from '../../map/metric-values.ts';
import { MapLegend } from '../common/MapLegend.tsx';

/** What a legend needs: the mahalla metric view or the hexagon view both provide it. */
export type LegendView = Pick<MetricView, 'scale' | 'label' | 'unit' | 'classes' | 'note' | 'notice' | 'foldNote'>;

export function Legend({
  view,
  synthetic,
  heat,
  choropleth,
  withoutPoint = 0,
}: {
  view: LegendView;
  synthetic: boolean;
  heat: boolean;
  choropleth: boolean;
  /** records of the view with only a mahalla code: in its figures, not among the points or hexagons */
  withoutPoint?: number;
}) {
  const source = useUi((s) => s.source);
  const t = useT();
  const f = useFmt();
  const { scale, label, unit, classes, note, notice } = view;
  const labels = classLabels(scale, unit, t, f.locale);
  return (
    <MapLegend
      page="map"
      testId="legend"
      title={choropleth ? `${label}${unit === '‰' ? '' : unit ? ` (${unit})` : ''}` : t('legend.title')}
    >
      {choropleth && (
        <>
          {/* Too few records to test: said in words, in place of classes that nothing is coloured by. */}
          {notice && (
            <p className="note notice" role="status" data-testid="legend-notice">
              {notice}
            </p>
          )}
          <ol className="ramp" hidden={notice !== undefined}>
            {scale.colors.map((c, k) => {
              const text = classes?.[k] ?? labels[k];
              return (
                <li key={k}>
                  <span className="swatch" style={{ background: css(c) }} />
                  {text}
                </li>
              );
            })}
            {unit === '%' && (
              <li>
                <span className="swatch hatched" />
                {t('legend.tooFewToCompare', { min: MIN_EVENTS_FOR_CHANGE, source })}
              </li>
            )}
          </ol>
        </>
      )}
      {choropleth && note && <LegendNote note={note} fold={view.foldNote === true} />}
      {heat && (
        <p className="note">
          <span className="heat-swatch" /> {t('legend.heat', { source })}
        </p>
      )}
      <p className="note">
        <span className="base-swatch" /> {t('legend.base')}
      </p>
      {withoutPoint > 0 && (
        <p className="note" data-testid="legend-without-point">
          {withoutPointText(withoutPoint, source, t)}
        </p>
      )}
      {synthetic && <p className="note demo">{t('legend.demo')}</p>}
    </MapLegend>
  );
}

/**
 * How the values were obtained, under the classes; a long account of a test folds under "How it was tested" (closed
 * at first) so that on a 900 px screen the legend leaves the map in view. Folded, it is still the map export's text.
 */
function LegendNote({ note, fold }: { note: string; fold: boolean }) {
  const t = useT();
  const text = (
    <p className="note method" data-testid="legend-note">
      {/* "Hatched: …" in the note's own language: the word before the colon of the shared sentence. */}
      {note.includes(t('mv.hatchedNotTested').split(':')[0] ?? '') && (
        <span className="swatch hatched" aria-hidden="true" />
      )}
      {note}
    </p>
  );
  if (!fold) return text;
  return (
    <details className="note-fold" data-testid="legend-note-fold">
      <summary>{t('legend.howTested')}</summary>
      {text}
    </details>
  );
}

/**
 * The line under the legend for records that have only a mahalla code (singular for one, in the language of `t`).
 * @example withoutPointText(12, 'incidents') // '12 incidents of this view have no exact location (only their mahalla is known): they count in the mahalla figures but not on the heat map or hexagons.'
 */
export function withoutPointText(n: number, source: string, t: Translate = activeT()): string {
  return t('legend.withoutPoint', {
    count: n,
    n: fmtInt(n),
    source: source === 'applications' ? 'applications' : 'incidents',
  });
}
