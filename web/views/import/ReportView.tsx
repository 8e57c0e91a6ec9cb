// A run's progress bar while it reads and writes, and its report when done: counts, rows with problems (row, column,
// value, reason), words no code matched, and the location and date quality notes.
import { fmtInt } from '../../format.ts';
import { downloadUrl, type Job } from '../../queries/imports.ts';
import { BoundaryReport } from './BoundaryReport.tsx';
import { fieldLabel } from './labels.ts';

const STATE_WORDS: Record<Job['state'], string> = {
  queued: 'Waiting for another import to finish',
  reading: 'Reading and checking the rows',
  writing: 'Writing',
  done: 'Finished',
  failed: 'Stopped by an error',
  cancelled: 'Cancelled: nothing was changed',
};

export function ProgressBar({ job, onCancel }: { job: Job; onCancel?: () => void }) {
  return (
    <div className="import-progress" data-testid="import-progress">
      <div
        className="import-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.percent}
        aria-label="Progress"
      >
        <span style={{ width: `${job.percent}%` }} />
      </div>
      <p>
        {STATE_WORDS[job.state]}: {fmtInt(job.rows)} {isMap(job) ? 'features' : 'rows'} read
        {` (${job.percent}% ${isMap(job) ? 'done' : 'of the file'})`}
        {onCancel && (job.state === 'queued' || job.state === 'reading') && (
          <button type="button" className="import-link" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
    </div>
  );
}

const isMap = (job: Job): boolean => ['mahallas', 'districts', 'regions'].includes(job.kind);

/** Links to the run's full JSON report and, when the good rows were imported, the rejected rows as CSV. */
export function Downloads({ job }: { job: Job }) {
  if (!job.downloads.report) return null;
  return (
    <p className="import-downloads">
      <a href={downloadUrl(job.id, 'report')} download data-testid="import-download-report">
        Download the full report (JSON, every problem)
      </a>
      {job.downloads.rejects && (
        <a href={downloadUrl(job.id, 'rejects')} download data-testid="import-download-rejects">
          Download the rows left out (CSV, with what is wrong in each)
        </a>
      )}
    </p>
  );
}

export function ReportView({ job }: { job: Job }) {
  const r = job.result;
  if (!r) return null;
  const unmapped = Object.entries(r.unmapped);
  const would = job.dryRun ? 'would be' : 'were';
  const unit = isMap(job) ? 'features' : 'rows';
  return (
    <div className="import-report" data-testid="import-report">
      <ul className="import-counts" data-testid="import-counts">
        <li>
          <b>{fmtInt(r.rowsRead)}</b> {unit} read
        </li>
        <li>
          <b>{fmtInt(r.rowsGood)}</b> good
        </li>
        <li className={r.rejected > 0 ? 'bad' : ''}>
          <b>{fmtInt(r.rejected)}</b> with problems
        </li>
        {r.added !== undefined && r.added !== null && (
          <>
            <li>
              <b>{fmtInt(r.added)}</b> new records {would} added
            </li>
            <li>
              <b>{fmtInt(r.updated ?? 0)}</b> {would} updated
            </li>
            <li>
              <b>{fmtInt(r.unchanged ?? 0)}</b> already there, unchanged
            </li>
          </>
        )}
      </ul>
      {r.removedDemo !== undefined && r.removedDemo > 0 && (
        <p className="muted">
          The {fmtInt(r.removedDemo)} generated demo {job.kind} {would} removed: from then on only imported {job.kind}{' '}
          are shown.
        </p>
      )}
      {r.problemCount > 0 && (
        <section>
          <h4>
            Problems ({fmtInt(r.problemCount)}
            {r.problemCount > r.problems.length ? `, the first ${fmtInt(r.problems.length)} shown` : ''})
          </h4>
          <div className="import-scroll short">
            <table className="import-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th>File</th>
                  <th>{isMap(job) ? 'Feature' : 'Row'}</th>
                  <th>Column</th>
                  <th>Value</th>
                  <th>What is wrong</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.file}</td>
                    <td className="num">{p.row > 0 ? p.row : 'whole file'}</td>
                    <td>{fieldLabel(p.column)}</td>
                    <td>{p.value}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {unmapped.length > 0 && (
        <section data-testid="import-unmapped">
          <h4>Words Hamkor did not recognise (choose what they mean above, then check again)</h4>
          <ul>
            {unmapped.map(([col, list]) => (
              <li key={col}>
                {fieldLabel(col)}: {list.map((u) => `“${u.value}” (${fmtInt(u.rows)} rows)`).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.ignoredColumns.length > 0 && (
        <p className="muted" data-testid="import-ignored">
          Columns of your file Hamkor does not read (left as they are): {r.ignoredColumns.join(', ')}
        </p>
      )}
      {r.districts && r.districts.length > 0 && (
        <section data-testid="import-districts">
          <h4>Territory plans</h4>
          <ul>
            {r.districts.map((d) => (
              <li key={d.district}>
                District {d.district}: {fmtInt(d.changed)} mahallas change inspector;{' '}
                {d.status === 'unchanged'
                  ? 'nothing new, no version made'
                  : d.status === 'dry run'
                    ? 'a new draft version would be made'
                    : `version ${d.version ?? ''} made (${d.status === 'draft' ? 'a draft to approve' : 'approved'})`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.boundary && <BoundaryReport outcome={r.boundary} dryRun={job.dryRun} kind={job.kind} />}
      {r.qualityNotes.length > 0 && (
        <section data-testid="import-quality">
          <h4>Check the locations and dates</h4>
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
