// The incidents behind a mahalla's numbers: a paged table, newest first, and the whole list as CSV.
import { useState } from 'react';
import { CATEGORY_LABELS } from '../../../server/contract/catalog.ts';
import { incidentsCsvUrl, useIncidentList, type RangeArgs } from '../../queries/index.ts';
import { fmtInt } from './dates.ts';

const STATUS: Record<string, string> = { registered: 'Registered', solved: 'Solved', unsolved: 'Unsolved' };

export function IncidentList({ id, range }: { id: number; range: RangeArgs }) {
  const [page, setPage] = useState(1);
  const list = useIncidentList(range, id, page);
  const d = list.data;
  const csv = incidentsCsvUrl(range, id);
  return (
    <section className="incidents" data-testid="incident-list">
      <h3>
        Incidents in the period {d && `(${fmtInt(d.total)})`}
        <a className="link" href={csv} download data-testid="incident-csv">Download CSV</a>
      </h3>
      {list.error && <p role="alert">Could not load the list: {list.error.message}</p>}
      {d && d.total === 0 && <p className="muted">No incidents match the filters.</p>}
      {d && d.total > 0 && (
        <>
          <table>
            <thead>
              <tr><th>Time</th><th>Category</th><th>Status</th></tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.time}</td>
                  <td>{CATEGORY_LABELS[r.category]}</td>
                  <td>{STATUS[r.status] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="chip" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>‹ Newer</button>
            <span data-testid="incident-page">Page {d.page} of {d.pages}</span>
            <button type="button" className="chip" disabled={page >= d.pages} onClick={() => setPage((p) => p + 1)}>Older ›</button>
          </div>
        </>
      )}
    </section>
  );
}
