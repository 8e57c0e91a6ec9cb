// A boundary run's report: overlaps and gaps between neighbours (area, where; a click opens the map there), slivers
// snapped, and what the new boundary version changes (mahallas kept, added, retired; records that changed mahalla).
import type { Formatters } from '../../format.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import type { Translate } from '../../i18n/translate.ts';
import type { Job } from '../../queries/imports.ts';
import { navigate } from '../../state/route.ts';
import { update } from '../../state/store.ts';
import { TableDownload } from '../common/TableDownload.tsx';

type Outcome = NonNullable<NonNullable<Job['result']>['boundary']>;

/** An area in m² and hectares, e.g. "37 166 m² (3.72 ha)". */
const size = (m2: number, t: Translate, f: Formatters): string =>
  t('import.size', { m2: f.int(Math.round(m2)), ha: f.decimal(m2 / 1e4, 2) });

/** Opens the map on a point (zoom 15: a few streets around it). */
const showOnMap = (lon: number, lat: number): void => {
  update({ view: { lon, lat, zoom: 15 } });
  navigate('/');
};

export function BoundaryReport({ outcome: o, dryRun, kind }: { outcome: Outcome; dryRun: boolean; kind: Job['kind'] }) {
  const t = useT();
  const f = useFmt();
  const dry = dryRun ? 'yes' : 'no';
  const m = o.mahallas;
  const a = o.areas;
  return (
    <>
      {o.findings.length > 0 && (
        <section data-testid="import-topology">
          <TableDownload
            title={t('table.title.topology')}
            what={['import-topology']}
            table="[data-testid=import-topology] table"
            id="topology"
          />
          <h4>{t('import.topology', { n: f.int(o.findings.length), min: f.int(o.sliverM2) })}</h4>
          <div className="import-scroll short">
            <table className="import-table">
              <thead>
                <tr>
                  <th>{t('import.col.what')}</th>
                  <th>{t('import.col.features')}</th>
                  <th>{t('import.col.area')}</th>
                  <th>{t('import.col.where')}</th>
                </tr>
              </thead>
              <tbody>
                {o.findings.map((x, i) => (
                  <tr key={i}>
                    <td>{x.kind === 'overlap' ? t('import.overlap') : t('import.gap')}</td>
                    <td>{x.features.join(', ') || '—'}</td>
                    <td className="num">{size(x.areaM2, t, f)}</td>
                    <td>
                      {x.lon}, {x.lat}
                      <button
                        type="button"
                        className="import-link"
                        data-export-skip
                        data-testid="import-topology-show"
                        onClick={() => showOnMap(x.lon, x.lat)}
                      >
                        {t('import.showOnMap')}
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
          {t('import.snapped', {
            n: f.int(o.snapped),
            min: f.int(o.sliverM2),
            size: size(o.snappedM2, t, f),
            dry,
          })}
        </p>
      )}
      {o.version !== null && (
        <section data-testid="import-version">
          <h4>{t('import.version', { version: String(o.version), dry })}</h4>
          {m && (
            <ul>
              <li>{t('import.keep', { kept: f.int(m.kept), added: f.int(m.added), retired: f.int(m.retired) })}</li>
              <li data-testid="import-moved">
                {t('import.moved', {
                  dry,
                  incidents: f.int(m.moved.incidents),
                  applications: f.int(m.moved.applications),
                  bases: f.int(m.moved.base_points),
                })}
              </li>
              {m.outside.incidents + m.outside.applications + m.outside.base_points > 0 && (
                <li>
                  {t('import.outside', {
                    n: f.int(m.outside.incidents + m.outside.applications + m.outside.base_points),
                  })}
                </li>
              )}
              {m.unassigned > 0 && <li>{t('import.unassigned', { dry, n: f.int(m.unassigned) })}</li>}
            </ul>
          )}
          {a && (
            <p>
              {t('import.areas', {
                kind: kind === 'regions' ? 'regions' : 'districts',
                updated: f.int(a.updated),
                added: f.int(a.added),
                absent: f.int(a.absent),
              })}
            </p>
          )}
        </section>
      )}
    </>
  );
}
