// The posts of the plan as rows: colour, holder, a workload bar against the district's ideal (with the hovered
// stroke's ghost), deviation, mahallas, pieces (a click frames them), Polsby–Popper and a lock. A click on a row
// chooses the post to paint with.
import type { PlanMetrics } from '../../../server/shared/planner/evaluate.ts';
import type { Preview } from '../../../server/shared/planner/plan-state.ts';
import { TERRITORY_COLORS } from '../coverage/layers.ts';
import type { VersionDetail } from '../../queries/territories.ts';

export interface PostListProps {
  metrics: PlanMetrics;
  posts: VersionDetail['posts'];
  slots: Uint8Array;
  locked: Uint8Array;
  paint: number;
  preview: Preview | null;
  onPaint: (post: number) => void;
  onLock: (post: number) => void;
  onPieces: (pieces: number[][]) => void;
}

export const pct = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 100))} %`;
const css = (c: readonly number[]): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function postName(p: VersionDetail['posts'][number] | undefined, k: number): string {
  if (!p) return `Post ${k + 1}`;
  return p.name ?? p.label ?? (p.vacant ? `Vacant post ${p.id}` : `Inspector #${p.inspector}`);
}

export function PostList({ metrics, posts, slots, locked, paint, preview, onPaint, onLock, onPieces }: PostListProps) {
  const ideal = metrics.districts[0]?.ideal ?? 1;
  const ghost = new Map((preview?.posts ?? []).map((r) => [r.post, r.after]));
  // Bars share one scale: twice the ideal, or the heaviest post (now or after the hovered stroke) if more.
  const top = Math.max(
    2 * ideal,
    ...metrics.posts.map((p) => p.workload),
    ...[...ghost.values()].map((a) => a.workload),
  );
  const w = (x: number): string => `${Math.max(0, Math.min(100, (x / top) * 100))}%`;
  return (
    <ol className="planner-posts" aria-label="Posts and their workload">
      {metrics.posts.map((m) => {
        const after = ghost.get(m.post);
        const over = Math.abs(m.deviation) > 0.25;
        return (
          <li
            key={m.post}
            className={m.post === paint ? 'chosen' : undefined}
            data-testid="planner-post"
            data-post={m.post}
            onClick={() => onPaint(m.post)}
          >
            <span className="swatch" style={{ background: css(TERRITORY_COLORS[slots[m.post] ?? 0] ?? [0, 0, 0]) }} />
            <span className="who" title={postName(posts[m.post], m.post)}>
              {postName(posts[m.post], m.post)}
            </span>
            <span
              className={`dev ${over ? 'warn' : ''}`}
              title="Deviation from the ideal (the district's mean workload)"
            >
              {after ? (
                <>
                  {pct(m.deviation)} → <strong>{pct(after.deviation)}</strong>
                </>
              ) : (
                pct(m.deviation)
              )}
            </span>
            <button
              type="button"
              className={`lock ${locked[m.post] ? 'on' : ''}`}
              aria-pressed={locked[m.post] === 1}
              title={
                locked[m.post] ? 'Locked: its territory keeps every mahalla. Click to unlock' : 'Lock this territory'
              }
              onClick={(e) => (e.stopPropagation(), onLock(m.post))}
            >
              {locked[m.post] ? 'Locked' : 'Lock'}
            </button>
            <span className="bar" aria-hidden="true">
              <span className={`fill ${over ? 'warn' : ''}`} style={{ width: w(m.workload) }} />
              {after && <span className="ghost" style={{ width: w(after.workload) }} />}
              <span className="ideal" style={{ left: w(ideal) }} />
            </span>
            <span className="post-facts">
              {m.mahallas} mahallas · compactness {m.polsbyPopper.toFixed(2)}
              {m.pieces.length > 1 && (
                <>
                  {' · '}
                  <button
                    type="button"
                    className="link warn"
                    title="This territory is in several pieces: show them on the map"
                    onClick={(e) => (e.stopPropagation(), onPieces(m.pieces))}
                  >
                    {m.pieces.length} pieces
                  </button>
                </>
              )}
              {m.flags.length > 0 && <span className="warn"> · over a norm</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
