// The posts of the plan as rows: colour, holder, a workload bar against the district's ideal (with the hovered
// stroke's ghost), deviation, mahallas, pieces (a click frames them), Polsby–Popper and a lock; vacant posts can be
// added and removed (a removal that leaves mahallas without an inspector asks first). A click on a row chooses the
// post to paint with.
import { useCallback, useState } from 'react';
import type { PlanMetrics } from '../../../server/shared/planner/evaluate.ts';
import type { Preview } from '../../../server/shared/planner/plan-state.ts';
import { TERRITORY_COLORS } from '../coverage/layers.ts';
import { vacantLabel } from './post-edits.ts';
import type { VersionDetail } from '../../queries/territories.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { activeT, type Translate } from '../../i18n/translate.ts';

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

export const pct = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 100))} %`;
const css = (c: readonly number[]): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/**
 * A post as the planner names it: its holder, its label, or its number, in the language of `t`. A vacant post whose
 * label is the one the editor stores ("Vacant post 4"), or none (the server then names it so), is said in the
 * reader's words; a typed label is kept.
 * @example postName(undefined, 2, translator('ru')) // 'Пост 3'
 * @example postName({ id: 4, vacant: true, label: 'Vacant post 4', … }, 3, translator('ru')) // 'Вакантная должность 4'
 */
export function postName(p: VersionDetail['posts'][number] | undefined, k: number, t: Translate = activeT()): string {
  if (!p) return t('planner.postN', { n: k + 1 });
  if (p.vacant) return p.label && p.label !== vacantLabel(p.id) ? p.label : t('planner.vacantPost', { id: p.id });
  return p.name ?? p.label ?? t('common.inspectorNumber', { id: String(p.inspector) });
}

export function PostList(props: PostListProps) {
  const { metrics, posts, slots, locked, paint, preview, onPaint, onLock, onPieces, onAdd, onRemove } = props;
  const [asking, setAsking] = useState<number | null>(null);
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const nameOfPost = (k: number): string => nameOf(postName(posts[k], k, t));
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
      <ol className="planner-posts" aria-label={t('planner.postsAria')}>
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
              <span className="who" title={nameOfPost(m.post)}>
                {nameOfPost(m.post)}
              </span>
              <span className={`dev ${over ? 'warn' : ''}`} title={t('planner.devTitle')}>
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
                title={locked[m.post] ? t('planner.lockedTitle') : t('planner.lockTitle')}
                onClick={(e) => (e.stopPropagation(), onLock(m.post))}
              >
                {locked[m.post] ? t('planner.locked') : t('planner.lock')}
              </button>
              <span className="bar" aria-hidden="true">
                <span className={`fill ${over ? 'warn' : ''}`} style={{ width: w(m.workload) }} />
                {after && <span className="ghost" style={{ width: w(after.workload) }} />}
                <span className="ideal" style={{ left: w(ideal) }} />
              </span>
              <span className="post-facts">
                {m.mahallas === 0 ? (
                  <>{t('planner.noMahallas')}</>
                ) : (
                  <>
                    {t('planner.mahallas', { count: m.mahallas })} ·{' '}
                    <button
                      type="button"
                      className={`link ${m.pieces.length > 1 ? 'warn' : ''}`}
                      title={m.pieces.length > 1 ? t('planner.piecesTitle') : t('planner.showTitle')}
                      onClick={(e) => (e.stopPropagation(), onPieces(m.pieces))}
                      data-testid="pieces"
                    >
                      {m.pieces.length === 1 ? t('planner.onePiece') : t('planner.pieces', { count: m.pieces.length })}
                    </button>{' '}
                    · {t('planner.compactness', { value: f.decimal(m.polsbyPopper, 2) })}
                    <span title={t('planner.distanceTitle')}>
                      {' '}
                      ·{' '}
                      {t('planner.distance', {
                        mean: f.decimal(m.meanDistanceKm, 1),
                        max: f.decimal(m.maxDistanceKm, 1),
                      })}
                    </span>
                    {m.enclaveOf !== null && (
                      <span className="warn" title={t('planner.enclaveTitle')}>
                        {' '}
                        · {t('planner.enclave')}
                      </span>
                    )}
                  </>
                )}
                {m.flags.length > 0 && <span className="warn"> · {t('planner.overNorm')}</span>}
                {onRemove && posts[m.post]?.vacant && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link"
                      onClick={(e) => (e.stopPropagation(), m.mahallas > 0 ? setAsking(m.post) : onRemove(m.post))}
                      data-testid="remove-post"
                    >
                      {t('planner.removePost')}
                    </button>
                  </>
                )}
              </span>
              {asking === m.post && (
                <span className="planner-ask" role="alertdialog" ref={reveal} onClick={(e) => e.stopPropagation()}>
                  {t('planner.removeAsk', { count: m.mahallas })}
                  <button
                    type="button"
                    onClick={() => (setAsking(null), onRemove?.(m.post))}
                    data-testid="confirm-remove"
                  >
                    {t('planner.removeConfirm')}
                  </button>
                  <button type="button" onClick={() => setAsking(null)}>
                    {t('planner.keepPost')}
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
          title={t('planner.addTitle')}
        >
          {t('planner.add')}
        </button>
      )}
    </>
  );
}
