// The draft against the plan in force, as saved: how many mahallas change inspector, and each post's mahallas and
// residents before and after (the changed mahallas are outlined on the map by the page).
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import type { TerritoryDiff } from '../../queries/territories.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { sayPostTitle } from '../../../server/shared/post-title.ts';

export function ComparePanel({ diff, dirty }: { diff: TerritoryDiff | undefined; dirty: boolean }) {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  if (!diff) return <p className="muted">{t('planner.compare.loading')}</p>;
  const changed = diff.posts.filter(
    (p) => p.workload.before?.mahallas !== p.workload.after?.mahallas || p.before !== p.after,
  );
  const rows = changed.length > 0 ? changed : [];
  return (
    <section className="planner-compare" aria-label={t('planner.compare.aria')} data-testid="compare">
      {dirty && <p className="note">{t('planner.compare.dirty')}</p>}
      <p className="summary" data-testid="compare-summary">
        <strong>{diff.counts.moved}</strong>{' '}
        {t('planner.compare.summary', {
          count: diff.counts.mahallas,
          before: diff.counts.unassignedBefore,
          after: diff.counts.unassignedAfter,
        })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t('planner.compare.none')}</p>
      ) : (
        <>
          <TableDownload
            title={t('planner.compare.aria')}
            what={['territory-plan-compare']}
            table="[data-testid=planner-compare]"
            id="compare"
          />
          <table className="planner-table" data-testid="planner-compare">
            <thead>
              <tr>
                <th>{t('planner.compare.post')}</th>
                <th title={t('planner.compare.mahallasTitle')}>{t('planner.compare.mahallas')}</th>
                <th title={t('planner.compare.residentsTitle')}>{t('planner.compare.residents')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.post}>
                  <td data-code={p.post}>{sayPostTitle(p.title, t, nameOf)}</td>
                  <td>
                    {p.workload.before?.mahallas ?? '—'} → {p.workload.after?.mahallas ?? '—'}
                  </td>
                  <td>
                    {p.workload.before ? f.int(p.workload.before.residents) : '—'} →{' '}
                    {p.workload.after ? f.int(p.workload.after.residents) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
