// The records behind a mahalla's numbers: a paged table, newest first, and the whole list as CSV.
import { useState } from 'react';
import { recordsCsvUrl, useRecordList } from '../../queries/records.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { fmtInt } from '../../format.ts';
import { codeLabel, noun } from './records.ts';

export function RecordList({ id, range }: { id: number; range: RangeArgs }) {
  const [page, setPage] = useState(1);
  const list = useRecordList(range, id, page);
  const d = list.data;
  const csv = recordsCsvUrl(range, id);
  const applications = range.source === 'applications';
  const what = noun(range.source ?? 'incidents');
  return (
    <section className="incidents" data-testid="incident-list">
      <h3>
        {what.title} in the period {d && `(${fmtInt(d.total)})`}
        <a className="link" href={csv} download data-testid="incident-csv">
          Download CSV
        </a>
      </h3>
      {list.error && <p role="alert">Could not load the list: {list.error.message}</p>}
      {d && d.total === 0 && <p className="muted">No {what.plural} match the filters.</p>}
      {d && d.total > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th>Time</th>
                <th>{applications ? 'Registered in' : 'Category'}</th>
                <th>{applications ? 'Received by' : 'Status'}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.time}</td>
                  <td>{codeLabel(r.category)}</td>
                  <td>{codeLabel(r.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="chip" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              ‹ Newer
            </button>
            <span data-testid="incident-page">
              Page {d.page} of {d.pages}
            </span>
            <button type="button" className="chip" disabled={page >= d.pages} onClick={() => setPage((p) => p + 1)}>
              Older ›
            </button>
          </div>
        </>
      )}
    </section>
  );
}
