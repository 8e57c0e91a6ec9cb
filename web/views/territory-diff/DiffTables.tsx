// The comparison's figures as a reader sees them: the counts of moved mahallas, each post's workload before → after
// with the change, and the list of moved mahallas from → to.
import { css, type Rgb } from '../../map/colors.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { changedRow, signed, type MoveRow, type PostRow, type SideFigures } from './diff-summary.ts';
import { TableDownload } from '../common/TableDownload.tsx';
import { sayPostTitle } from '../../../server/shared/post-title.ts';

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
  const t = useT();
  return (
    <section aria-label={t('tdiff.changes')} data-testid="diff-counts">
      <h2>{t('tdiff.changes')}</h2>
      {same && <p className="note">{t('tdiff.same')}</p>}
      <p className="tdiff-headline">
        <strong data-testid="diff-moved">{c.moved}</strong> {t('tdiff.moved', { count: c.mahallas })}
      </p>
      <dl className="tdiff-facts">
        <dt>{t('tdiff.leftWithout')}</dt>
        <dd data-testid="diff-unassigned">{c.newlyUnassigned}</dd>
        <dt>{t('tdiff.given')}</dt>
        <dd>{c.newlyAssigned}</dd>
        <dt>{t('tdiff.withoutAB')}</dt>
        <dd>
          {c.unassignedBefore} → {c.unassignedAfter}
        </dd>
        <dt>{t('tdiff.postsAddedRemoved')}</dt>
        <dd>
          {c.postsAdded} · {c.postsRemoved}
        </dd>
        <dt title={t('tdiff.holdersTitle')}>{t('tdiff.holders')}</dt>
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

/** `colors`: the gaining posts' colours (their moved mahallas wear them on the map). */
export function PostTable({ rows, colors }: { rows: readonly PostRow[]; colors: ReadonlyMap<number, Rgb> }) {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const status = { kept: '', added: t('tdiff.newPost'), removed: t('tdiff.removedPost') };
  const shown = [...rows.filter(changedRow), ...rows.filter((r) => !changedRow(r))];
  return (
    <section aria-label={t('tdiff.perPostAria')}>
      <TableDownload
        title={t('tdiff.perPost')}
        what={['territory-diff-posts']}
        table="[data-testid=diff-posts]"
        id="posts"
      />
      <h2>{t('tdiff.perPost')}</h2>
      <table className="tdiff-table" data-testid="diff-posts">
        <thead>
          <tr>
            <th>{t('tdiff.inspector')}</th>
            <th title={t('tdiff.mahallasTitle')}>{t('tdiff.mahallas')}</th>
            <th title={t('tdiff.residentsTitle')}>{t('tdiff.residents')}</th>
            <th title={t('tdiff.indexTitle')}>{t('tdiff.index')}</th>
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
              <th scope="row" data-code={r.post}>
                <Swatch color={colors.get(r.post)} />
                {sayPostTitle(r.title, t, nameOf)}
                {r.vacant && r.title.kind === 'name' ? t('tdiff.vacantPost') : ''}
                {status[r.status]}
              </th>
              <Cell row={r} pick={(s) => String(s.mahallas)} change={signed(r.change.mahallas, 0, f.locale)} />
              <Cell row={r} pick={(s) => f.int(s.residents)} change={signed(r.change.residents, 0, f.locale)} />
              <Cell row={r} pick={(s) => f.decimal(s.index, 2)} change={signed(r.change.index, 2, f.locale)} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MoveTable({ moves }: { moves: readonly MoveRow[] }) {
  const t = useT();
  return (
    <section aria-label={t('tdiff.movesAria')}>
      {moves.length > 0 && (
        <TableDownload
          title={t('tdiff.moves', { count: moves.length })}
          what={['territory-diff-moves']}
          table="[data-testid=diff-moves]"
          id="moves"
        />
      )}
      <h2>{t('tdiff.moves', { count: moves.length })}</h2>
      {moves.length === 0 ? (
        <p className="muted">{t('tdiff.noMoves')}</p>
      ) : (
        <table className="tdiff-table" data-testid="diff-moves">
          <thead>
            <tr>
              <th>{t('tdiff.mahalla')}</th>
              <th>{t('tdiff.from')}</th>
              <th>{t('tdiff.to')}</th>
            </tr>
          </thead>
          <tbody>
            {moves.map((m) => (
              <tr key={m.mahalla} data-testid="diff-move" data-mahalla={m.mahalla}>
                <th scope="row" data-code={m.code}>
                  <Swatch color={m.color} />
                  {m.name}{' '}
                  <span className="muted" data-export-skip>
                    {m.code}
                  </span>
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
