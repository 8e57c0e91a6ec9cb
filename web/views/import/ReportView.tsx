// A run's progress bar while it reads and writes, and its report when done: counts, rows with problems (row, column,
// value, reason), words no code matched, and the location and date quality notes.
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { downloadUrl, type Job } from '../../queries/imports.ts';
import { BoundaryReport } from './BoundaryReport.tsx';
import { fieldLabel } from './labels.ts';
import { whatLabel } from './provenance.ts';
import { TableDownload } from '../common/TableDownload.tsx';

export function ProgressBar({ job, onCancel }: { job: Job; onCancel?: () => void }) {
  const t = useT();
  const f = useFmt();
  return (
    <div className="import-progress" data-testid="import-progress">
      <div
        className="import-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.percent}
        aria-label={t('import.progress')}
      >
        <span style={{ width: `${job.percent}%` }} />
      </div>
      <p>
        {t('import.progress.line', {
          state: t(`import.state.${job.state}`),
          count: job.rows,
          n: f.int(job.rows),
          map: isMap(job) ? 'yes' : 'no',
          percent: job.percent,
        })}
        {onCancel && (job.state === 'queued' || job.state === 'reading') && (
          <button type="button" className="import-link" onClick={onCancel}>
            {t('import.cancel')}
          </button>
        )}
      </p>
    </div>
  );
}

const isMap = (job: Job): boolean => ['mahallas', 'districts', 'regions'].includes(job.kind);

/** Links to the run's full JSON report and, when the good rows were imported, the rejected rows as CSV. */
export function Downloads({ job }: { job: Job }) {
  const t = useT();
  if (!job.downloads.report) return null;
  return (
    <p className="import-downloads">
      <a href={downloadUrl(job.id, 'report')} download data-testid="import-download-report">
        {t('import.download.report')}
      </a>
      {job.downloads.rejects && (
        <a href={downloadUrl(job.id, 'rejects')} download data-testid="import-download-rejects">
          {t('import.download.rejects')}
        </a>
      )}
    </p>
  );
}

export function ReportView({ job }: { job: Job }) {
  const t = useT();
  const f = useFmt();
  const said = useApiErrors();
  const r = job.result;
  if (!r) return null;
  const unmapped = Object.entries(r.unmapped);
  const dry = job.dryRun ? 'yes' : 'no';
  const map = isMap(job) ? 'yes' : 'no';
  return (
    <div className="import-report" data-testid="import-report">
      <ul className="import-counts" data-testid="import-counts">
        <li>
          <b>{f.int(r.rowsRead)}</b> {t('import.counts.read', { map, count: r.rowsRead })}
        </li>
        <li>
          <b>{f.int(r.rowsGood)}</b> {t('import.counts.good')}
        </li>
        <li className={r.rejected > 0 ? 'bad' : ''}>
          <b>{f.int(r.rejected)}</b> {t('import.counts.problems')}
        </li>
        {r.added !== undefined && r.added !== null && (
          <>
            <li>
              <b>{f.int(r.added)}</b> {t('import.counts.added', { count: r.added, dry })}
            </li>
            <li>
              <b>{f.int(r.updated ?? 0)}</b> {t('import.counts.updated', { dry })}
            </li>
            <li>
              <b>{f.int(r.unchanged ?? 0)}</b> {t('import.counts.unchanged')}
            </li>
          </>
        )}
      </ul>
      {r.removedDemo !== undefined && r.removedDemo > 0 && (
        <p className="muted">
          {t('import.removedDemo', { n: f.int(r.removedDemo), what: whatLabel(job.kind.replace(/_/g, ' '), t), dry })}
        </p>
      )}
      {r.problemCount > 0 && (
        <section>
          <TableDownload
            title={t('table.title.importProblems')}
            what={['import-problems', job.kind]}
            table="[data-testid=import-problems]"
            id="problems"
          />
          <h4>
            {t('import.problems', {
              n: f.int(r.problemCount),
              more: r.problemCount > r.problems.length ? 'yes' : 'no',
              shown: f.int(r.problems.length),
            })}
          </h4>
          <div className="import-scroll short">
            <table className="import-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th>{t('import.col.file')}</th>
                  <th>{isMap(job) ? t('import.col.feature') : t('import.col.row')}</th>
                  <th>{t('import.col.column')}</th>
                  <th>{t('import.col.value')}</th>
                  <th>{t('import.col.wrong')}</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.file}</td>
                    <td className="num">{p.row > 0 ? p.row : t('import.wholeFile')}</td>
                    <td>{fieldLabel(p.column, t)}</td>
                    <td>{p.value}</td>
                    <td>{said.issue({ ...p, field: p.column })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {unmapped.length > 0 && (
        <section data-testid="import-unmapped">
          <h4>{t('import.unmapped')}</h4>
          <ul>
            {unmapped.map(([col, list]) => (
              <li key={col}>
                {fieldLabel(col, t)}:{' '}
                {list
                  .map((u) => t('import.unmappedWord', { word: u.value, count: u.rows, n: f.int(u.rows) }))
                  .join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.ignoredColumns.length > 0 && (
        <p className="muted" data-testid="import-ignored">
          {t('import.ignored', { columns: r.ignoredColumns.join(', ') })}
        </p>
      )}
      {r.districts && r.districts.length > 0 && (
        <section data-testid="import-districts">
          <h4>{t('import.plans')}</h4>
          <ul>
            {r.districts.map((d) => (
              <li key={d.district}>
                {t('import.plans.line', {
                  district: d.district,
                  count: d.changed,
                  n: f.int(d.changed),
                  outcome:
                    d.status === 'unchanged'
                      ? t('import.plans.unchanged')
                      : d.status === 'dry run'
                        ? t('import.plans.dry')
                        : t('import.plans.made', {
                            version: String(d.version ?? ''),
                            draft: d.status === 'draft' ? 'yes' : 'no',
                          }),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.boundary && <BoundaryReport outcome={r.boundary} dryRun={job.dryRun} kind={job.kind} />}
      {r.qualityNotes.length > 0 && (
        <section data-testid="import-quality">
          <h4>{t('import.quality')}</h4>
          <ul>
            {r.qualityNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <Downloads job={job} />
    </div>
  );
}
