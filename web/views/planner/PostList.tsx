// The posts of the plan as rows: colour, holder, a workload bar against the district's ideal (with the hovered
// stroke's ghost), deviation, mahallas, pieces (a click frames them), Polsby–Popper and a lock; vacant posts can be
// added and removed (a removal that leaves mahallas without an inspector asks first). A click on a row chooses the
// post to paint with.
import { useCallback, useState } from 'react';
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
  /** absent: posts cannot be added or removed (the version is not editable) */
  onAdd?: () => void;
  onRemove?: (post: number) => void;
}

/** "1 mahalla", "3 mahallas". @example plural(1, 'piece') // '1 piece' */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const pct = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 100))} %`;
const css = (c: readonly number[]): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function postName(p: VersionDetail['posts'][number] | undefined, k: number): string {
  if (!p) return `Post ${k + 1}`;
  return p.name ?? p.label ?? (p.vacant ? `Vacant post ${p.id}` : `Inspector #${p.inspector}`);
}

export function PostList(props: PostListProps) {
  const { metrics, posts, slots, locked, paint, preview, onPaint, onLock, onPieces, onAdd, onRemove } = props;
  const [asking, setAsking] = useState<number | null>(null);
  // Stable, so the question scrolls into view once when it appears, not on every re-render while the map is hovered.
  const reveal = useCallback((el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' }), []);
  const ideal = metrics.districts[0]?.ideal ?? 1;
  const ghost = new Map((preview?.posts ?? []).map((r) => [r.post, r.after]));
  // Bars share one scale: twice the ideal, or the heaviest post if more. A stroke's ghost does not rescale them (a big
  // lasso would shrink every bar while hovering); a ghost beyond the scale runs to the bar's end, its figure in text.
  const top = Math.max(2 * ideal, ...metrics.posts.map((p) => p.workload));
  const w = (x: number): string => `${Math.max(0, Math.min(100, (x / top) * 100))}%`;
  return (
    <>
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
                {m.mahallas === 0 ? (
                  <>No mahallas yet: choose the post and paint its territory. Compactness —</>
                ) : (
                  <>
                    {plural(m.mahallas, 'mahalla')} ·{' '}
                    <button
                      type="button"
                      className={`link ${m.pieces.length > 1 ? 'warn' : ''}`}
                      title={
                        m.pieces.length > 1
                          ? 'This territory is in several pieces: show them on the map'
                          : 'Show this territory on the map'
                      }
                      onClick={(e) => (e.stopPropagation(), onPieces(m.pieces))}
                      data-testid="pieces"
                    >
                      {m.pieces.length === 1 ? 'in one piece' : `in ${m.pieces.length} pieces`}
                    </button>{' '}
                    · compactness {m.polsbyPopper.toFixed(2)}
                  </>
                )}
                {m.flags.length > 0 && <span className="warn"> · over a norm</span>}
                {onRemove && posts[m.post]?.vacant && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link"
                      onClick={(e) => (e.stopPropagation(), m.mahallas > 0 ? setAsking(m.post) : onRemove(m.post))}
                      data-testid="remove-post"
                    >
                      Remove post
                    </button>
                  </>
                )}
              </span>
              {asking === m.post && (
                <span className="planner-ask" role="alertdialog" ref={reveal} onClick={(e) => e.stopPropagation()}>
                  Its {plural(m.mahallas, 'mahalla')} will be left without an inspector, to paint or propose again.
                  <button
                    type="button"
                    onClick={() => (setAsking(null), onRemove?.(m.post))}
                    data-testid="confirm-remove"
                  >
                    Remove, leave them unassigned
                  </button>
                  <button type="button" onClick={() => setAsking(null)}>
                    Keep the post
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {onAdd && (
        <button
          type="button"
          className="link planner-add"
          onClick={onAdd}
          data-testid="add-post"
          title="A post without an inspector yet: its territory can be drawn before someone is appointed"
        >
          + Add a vacant post
        </button>
      )}
    </>
  );
}
