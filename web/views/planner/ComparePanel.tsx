// The draft against the plan in force, as saved: how many mahallas change inspector, and each post's mahallas and
// residents before and after (the changed mahallas are outlined on the map by the page).
import { fmtInt } from '../../format.ts';
import type { TerritoryDiff } from '../../queries/territories.ts';

export function ComparePanel({ diff, dirty }: { diff: TerritoryDiff | undefined; dirty: boolean }) {
  if (!diff) return <p className="muted">Loading the comparison…</p>;
  const changed = diff.posts.filter(
    (p) => p.workload.before?.mahallas !== p.workload.after?.mahallas || p.before !== p.after,
  );
  const rows = changed.length > 0 ? changed : [];
  return (
    <section className="planner-compare" aria-label="Comparison with the plan in force" data-testid="compare">
      {dirty && <p className="note">Unsaved edits are not in this comparison: save the draft to include them.</p>}
      <p className="summary" data-testid="compare-summary">
        <strong>{diff.counts.moved}</strong> of {diff.counts.mahallas} mahallas change inspector (outlined on the map) ·{' '}
        unassigned {diff.counts.unassignedBefore} → {diff.counts.unassignedAfter}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No territory changes.</p>
      ) : (
        <table className="planner-table">
          <thead>
            <tr>
              <th>Post</th>
              <th title="Mahallas in force → in this draft">Mahallas</th>
              <th title="Residents in force → in this draft">Residents</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.post}>
                <td>{p.title}</td>
                <td>
                  {p.workload.before?.mahallas ?? '—'} → {p.workload.after?.mahallas ?? '—'}
                </td>
                <td>
                  {p.workload.before ? fmtInt(p.workload.before.residents) : '—'} →{' '}
                  {p.workload.after ? fmtInt(p.workload.after.residents) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
