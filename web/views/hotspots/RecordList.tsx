// The records behind a mahalla's numbers: a paged table, newest first, and the whole list as CSV.
import { useState } from 'react';
import { recordsCsvUrl, useRecordList } from '../../queries/records.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { codeLabel } from './records.ts';

export function RecordList({ id, range }: { id: number; range: RangeArgs }) {
  const [page, setPage] = useState(1);
  const list = useRecordList(range, id, page);
  const d = list.data;
  const applications = range.source === 'applications';
  const source = range.source ?? 'incidents';
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  const csv = recordsCsvUrl(range, id, f.locale);
  return (
    <section className="incidents" data-testid="incident-list">
      <h3>
        {t('list.title', { source })} {d && `(${f.int(d.total)})`}
        <a className="link" href={csv} download data-testid="incident-csv">
          {t('list.csv')}
        </a>
      </h3>
      {list.error && <p role="alert">{t('list.failed', { reason: said.error(list.error) })}</p>}
      {d && d.total === 0 && <p className="muted">{t('list.none', { source })}</p>}
      {d && d.total > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t('list.time')}</th>
                <th>{t(applications ? 'filters.registeredIn' : 'list.category')}</th>
                <th>{t(applications ? 'filters.receivedBy' : 'filters.status')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.time}</td>
                  <td>{codeLabel(r.category, t)}</td>
                  <td>{codeLabel(r.status, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="chip" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t('list.newer')}
            </button>
            <span data-testid="incident-page">{t('list.page', { page: d.page, pages: d.pages })}</span>
            <button type="button" className="chip" disabled={page >= d.pages} onClick={() => setPage((p) => p + 1)}>
              {t('list.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
