// A boundary run's report: overlaps and gaps between neighbours (area, where; a click opens the map there), slivers
// snapped, and what the new boundary version changes (mahallas kept, added, retired; records that changed mahalla).
import { fmtInt } from '../../format.ts';
import type { Job } from '../../queries/imports.ts';
import { navigate } from '../../state/route.ts';
import { update } from '../../state/store.ts';

type Outcome = NonNullable<NonNullable<Job['result']>['boundary']>;

const size = (m2: number): string => `${fmtInt(Math.round(m2))} m² (${(m2 / 1e4).toFixed(2)} ha)`;

/** Opens the map on a point (zoom 15: a few streets around it). */
const showOnMap = (lon: number, lat: number): void => {
  update({ view: { lon, lat, zoom: 15 } });
  navigate('/');
};

export function BoundaryReport({ outcome: o, dryRun, kind }: { outcome: Outcome; dryRun: boolean; kind: Job['kind'] }) {
  const would = dryRun ? 'would be' : 'was';
  const m = o.mahallas;
  const a = o.areas;
  return (
    <>
      {o.findings.length > 0 && (
        <section data-testid="import-topology">
          <h4>
            Overlaps and gaps between neighbours ({fmtInt(o.findings.length)}, larger than {fmtInt(o.sliverM2)} m²):
            kept as they are in the file. Correct them in your GIS if they are mistakes.
          </h4>
          <div className="import-scroll short">
            <table className="import-table">
              <thead>
                <tr>
                  <th>What</th>
                  <th>Features</th>
                  <th>Area</th>
                  <th>Where (longitude, latitude)</th>
                </tr>
              </thead>
              <tbody>
                {o.findings.map((f, i) => (
                  <tr key={i}>
                    <td>
                      {f.kind === 'overlap'
                        ? 'Overlap: two shapes cover the same ground'
                        : 'Gap: ground no shape covers'}
                    </td>
                    <td>{f.features.join(', ') || '—'}</td>
                    <td className="num">{size(f.areaM2)}</td>
                    <td>
                      {f.lon}, {f.lat}
                      <button
                        type="button"
                        className="import-link"
                        data-testid="import-topology-show"
                        onClick={() => showOnMap(f.lon, f.lat)}
                      >
                        Show on the map
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {o.snapped > 0 && (
        <p className="muted" data-testid="import-snapped">
          {fmtInt(o.snapped)} slivers of {fmtInt(o.sliverM2)} m² or less (thin overlaps or gaps along shared borders,{' '}
          {size(o.snappedM2)} in all) {would} closed automatically.
        </p>
      )}
      {o.version !== null && (
        <section data-testid="import-version">
          <h4>
            {dryRun ? `Boundary version ${o.version} would be saved` : `Boundary version ${o.version} saved`} (earlier
            versions are kept)
          </h4>
          {m && (
            <ul>
              <li>
                {fmtInt(m.kept)} mahallas keep their code, {fmtInt(m.added)} are new, {fmtInt(m.retired)} are no longer
                in the file (retired: their records stay, their number is never given to another mahalla)
              </li>
              <li data-testid="import-moved">
                Records that {dryRun ? 'would change' : 'changed'} mahalla: {fmtInt(m.moved.incidents)} incidents,{' '}
                {fmtInt(m.moved.applications)} applications, {fmtInt(m.moved.base_points)} base points
              </li>
              {m.outside.incidents + m.outside.applications + m.outside.base_points > 0 && (
                <li>
                  {fmtInt(m.outside.incidents + m.outside.applications + m.outside.base_points)} records lie inside no
                  new mahalla: they stay in theirs where it remains, else go to the nearest one
                </li>
              )}
              {m.unassigned > 0 && (
                <li>
                  Inspectors’ assignments to retired mahallas {dryRun ? 'that would be removed' : 'removed'}:{' '}
                  {fmtInt(m.unassigned)}
                </li>
              )}
            </ul>
          )}
          {a && (
            <p>
              {fmtInt(a.updated)} {kind} updated, {fmtInt(a.added)} added, {fmtInt(a.absent)} not in the file kept as
              they were
            </p>
          )}
        </section>
      )}
    </>
  );
}
