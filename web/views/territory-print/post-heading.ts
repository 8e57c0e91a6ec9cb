// The heading of an annex sheet: the post and its holder (rank and name, or the inspector's number for a reader who
// may not see names), a vacant post (with its own label, if it has one), or the mahallas no post covers.
import { sayPostTitle, type PostTitle } from '../../../server/shared/post-title.ts';
import type { Translate } from '../../i18n/translate.ts';
import { rankLabel } from '../coverage/labels.ts';

/**
 * A sheet's heading in the language of `t`, stored names in the script of `nameOf`; `post` null: the unassigned.
 * @example postHeading({ post: 1, title: { kind: 'name', name: 'Aziz Karimov' }, rank: 'Captain', vacant: false }, translator('ru'), nameOf) // 'Пост 1: Капитан Азиз Каримов'
 * @example postHeading({ post: 9, title: { kind: 'vacant', n: 9 }, rank: null, vacant: true }, translator('en'), nameOf) // 'Post 9: vacant post'
 */
export function postHeading(
  post: { post: number; title: PostTitle; rank: string | null; vacant: boolean } | null,
  t: Translate,
  nameOf: (name: string) => string,
): string {
  if (post === null) return t('tprint.unassigned');
  if (post.vacant)
    return post.title.kind === 'name'
      ? t('tprint.vacantTitled', { post: post.post, title: nameOf(post.title.name) })
      : t('tprint.vacant', { post: post.post });
  const rank = post.rank ? `${rankLabel(post.rank, t)} ` : '';
  return t('tprint.post', { post: post.post, holder: `${rank}${sayPostTitle(post.title, t, nameOf)}` });
}
