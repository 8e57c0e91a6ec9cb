// The comparison's figures as a reader sees them: the counts of moved mahallas, each post's workload before → after
// with the change, and the list of moved mahallas from → to.
import { css, type Rgb } from '../../map/colors.ts';
import { fmtInt } from '../../format.ts';
import { changedRow, signed, type MoveRow, type PostRow, type SideFigures } from './diff-summary.ts';

export interface DiffCountsProps {
  counts: {
    mahallas: number;
    moved: number;
    newlyAssigned: number;
    newlyUnassigned: number;
    unassignedBefore: number;
    unassignedAfter: number;
    postsAdded: number;
    postsRemoved: number;
    holdersChanged: number;
  };
  same: boolean;
}

export function DiffCounts({ counts: c, same }: DiffCountsProps) {
  return (
    <section aria-label="What changes" data-testid="diff-counts">
      <h2>What changes</h2>
      {same && <p className="note">A and B are the same version: choose another to see a change.</p>}
      <p className="tdiff-headline">
        <strong data-testid="diff-moved">{c.moved}</strong> of {c.mahallas} mahallas change inspector
      </p>
      <dl className="tdiff-facts">
        <dt>Left without an inspector</dt>
        <dd data-testid="diff-unassigned">{c.newlyUnassigned}</dd>
        <dt>Given an inspector</dt>
        <dd>{c.newlyAssigned}</dd>
        <dt>Without an inspector, A → B</dt>
        <dd>
          {c.unassignedBefore} → {c.unassignedAfter}
        </dd>
        <dt>Posts added · removed</dt>
        <dd>
          {c.postsAdded} · {c.postsRemoved}
        </dd>
        <dt title="Posts in both versions whose inspector changes (an appointment to a vacant post, say)">
          Posts with a new inspector
        </dt>
        <dd>{c.holdersChanged}</dd>
      </dl>
    </section>
  );
}

/** A colour chip, or the same room left empty (rows stay aligned). */
const Swatch = ({ color }: { color: Rgb | undefined }) => (
  <span className="tdiff-swatch" style={{ background: color ? css(color) : 'transparent' }} />
);

const side = (f: SideFigures | null, pick: (f: SideFigures) => string): string => (f ? pick(f) : '—');

function Cell({ row, pick, change }: { row: PostRow; pick: (f: SideFigures) => string; change: string }) {
  return (
    <td>
      {side(row.before, pick)} → {side(row.after, pick)}
      {change !== '0' && <span className="tdiff-change">{change}</span>}
    </td>
  );
}

const STATUS: Record<PostRow['status'], string> = { kept: '', added: ' (new post)', removed: ' (post removed)' };

/** `colors`: the gaining posts' colours (their moved mahallas wear them on the map). */
export function PostTable({ rows, colors }: { rows: readonly PostRow[]; colors: ReadonlyMap<number, Rgb> }) {
  const shown = [...rows.filter(changedRow), ...rows.filter((r) => !changedRow(r))];
  return (
    <section aria-label="Workload per post">
      <h2>Workload per inspector, A → B</h2>
      <table className="tdiff-table" data-testid="diff-posts">
        <thead>
          <tr>
            <th>Inspector</th>
            <th title="Mahallas covered in A → in B">Mahallas</th>
            <th title="Residents of the territory in A → in B">Residents</th>
            <th title="Composite workload index (1 = an average post's share of the district's work) in A → in B">
              Workload index
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr
              key={r.post}
              data-testid="diff-post"
              data-post={r.post}
              className={changedRow(r) ? undefined : 'tdiff-same'}
            >
              <th scope="row">
                <Swatch color={colors.get(r.post)} />
                {r.title}
                {r.vacant && !/vacant/i.test(r.title) ? ' (vacant post)' : ''}
                {STATUS[r.status]}
              </th>
              <Cell row={r} pick={(f) => String(f.mahallas)} change={signed(r.change.mahallas)} />
              <Cell row={r} pick={(f) => fmtInt(f.residents)} change={signed(r.change.residents)} />
              <Cell row={r} pick={(f) => f.index.toFixed(2)} change={signed(r.change.index, 2)} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MoveTable({ moves }: { moves: readonly MoveRow[] }) {
  return (
    <section aria-label="Mahallas that change inspector">
      <h2>Mahallas that change inspector ({moves.length})</h2>
      {moves.length === 0 ? (
        <p className="muted">None: both versions give every mahalla to the same post.</p>
      ) : (
        <table className="tdiff-table" data-testid="diff-moves">
          <thead>
            <tr>
              <th>Mahalla</th>
              <th>From (A)</th>
              <th>To (B)</th>
            </tr>
          </thead>
          <tbody>
            {moves.map((m) => (
              <tr key={m.mahalla} data-testid="diff-move" data-mahalla={m.mahalla}>
                <th scope="row">
                  <Swatch color={m.color} />
                  {m.name} <span className="muted">{m.code}</span>
                </th>
                <td>{m.from}</td>
                <td>{m.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
