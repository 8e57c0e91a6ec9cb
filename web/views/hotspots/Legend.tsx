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
}: {
  view: LegendView;
  synthetic: boolean;
  heat: boolean;
  choropleth: boolean;
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
      {synthetic && <p className="note demo">Demo boundaries: mahalla polygons and records are generated</p>}
    </div>
  );
}
