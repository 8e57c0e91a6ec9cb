// Map legend: what the colours mean, the class breaks, and the demo-data notice.
import { classLabels, css } from '../../map/colors.ts';
import type { MetricView } from '../../map/metric-values.ts';
import { useUi } from '../../state/store.ts';
import { noun } from './records.ts';
import { MIN_EVENTS_FOR_CHANGE } from '../../map/metric-values.ts';

/** What a legend needs: the mahalla metric view or the hexagon view both provide it. */
export type LegendView = Pick<MetricView, 'scale' | 'label' | 'unit' | 'classes' | 'note' | 'notice'>;

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
  const { scale, label, unit, classes, note, notice } = view;
  const labels = classLabels(scale, unit);
  return (
    <div className="legend" data-testid="legend">
      {choropleth && (
        <>
          <h3>
            {label}
            {unit === '‰' ? '' : unit ? ` (${unit})` : ''}
          </h3>
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
                too few to compare (fewer than {MIN_EVENTS_FOR_CHANGE} {noun(source).plural})
              </li>
            )}
          </ol>
        </>
      )}
      {choropleth && note && (
        <p className="note method" data-testid="legend-note">
          {/hatched/i.test(note) && <span className="swatch hatched" aria-hidden="true" />}
          {note}
        </p>
      )}
      {heat && (
        <p className="note">
          <span className="heat-swatch" /> {noun(source).title} density (kernel heat map)
        </p>
      )}
      <p className="note">
        <span className="base-swatch" /> Police base point
      </p>
      {withoutPoint > 0 && (
        <p className="note" data-testid="legend-without-point">
          {withoutPointText(withoutPoint, noun(source).plural)}
        </p>
      )}
      {synthetic && <p className="note demo">Demo boundaries: mahalla polygons and records are generated</p>}
    </div>
  );
}

/**
 * The line under the legend for records that have only a mahalla code ("incidents" → "incident" for one).
 * @example withoutPointText(12, 'incidents') // '12 incidents of this view have no exact location (only their mahalla is known): they count in the mahalla figures but not on the heat map or hexagons.'
 */
export function withoutPointText(n: number, plural: string): string {
  const [what, its, it] =
    n === 1
      ? [`${plural.replace(/s$/, '')} of this view has`, 'its', 'it counts']
      : [`${plural} of this view have`, 'their', 'they count'];
  return `${n.toLocaleString('en-GB')} ${what} no exact location (only ${its} mahalla is known): ${it} in the mahalla figures but not on the heat map or hexagons.`;
}
