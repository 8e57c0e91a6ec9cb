// A run's progress bar while it reads and writes, and its report when done: counts, rows with problems (row, column,
// value, reason), words no code matched, and the location and date quality notes.
import { fmtInt } from '../../format.ts';
import type { Job } from '../../queries/imports.ts';
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
        {STATE_WORDS[job.state]}: {fmtInt(job.rows)} rows read ({job.percent}% of the file)
        {onCancel && (job.state === 'queued' || job.state === 'reading') && (
          <button type="button" className="import-link" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
    </div>
  );
}

export function ReportView({ job }: { job: Job }) {
  const r = job.result;
  if (!r) return null;
  const unmapped = Object.entries(r.unmapped);
  const would = job.dryRun ? 'would be' : 'were';
  return (
    <div className="import-report" data-testid="import-report">
      <ul className="import-counts" data-testid="import-counts">
        <li>
          <b>{fmtInt(r.rowsRead)}</b> rows read
        </li>
        <li>
          <b>{fmtInt(r.rowsGood)}</b> good
        </li>
        <li className={r.rejected > 0 ? 'bad' : ''}>
          <b>{fmtInt(r.rejected)}</b> with problems
        </li>
        {r.added !== undefined && (
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
            Rows with problems ({fmtInt(r.problemCount)}
            {r.problemCount > r.problems.length ? `, the first ${fmtInt(r.problems.length)} shown` : ''})
          </h4>
          <div className="import-scroll short">
            <table className="import-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th>File</th>
                  <th>Row</th>
                  <th>Column</th>
                  <th>Value</th>
                  <th>What is wrong</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.file}</td>
                    <td className="num">{p.row}</td>
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
    </div>
  );
}
