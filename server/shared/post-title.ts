// How a territory post is named where a name must be written (the annex's print page and files, the comparison of two
// versions, the GeoJSON download): the server sends the parts, each reader words them in its language. Sending words
// instead made the readers recognise the server's English ("Inspector #12") by its text to translate it. Isomorphic:
// the server builds titles (services/territories/read.ts postTitle) and the web and the exports word them.

/**
 * A post's title as parts: `inspector` for a holder whose name the asker may not see (n: the inspector's id),
 * `vacant` for a vacant post whose label only says so or that has none (n: the post's number), `name` for a holder's
 * name or a vacant post's own label, both as stored (Latin), for the reader to write in its script.
 */
export type PostTitle =
  { kind: 'inspector'; n: number } | { kind: 'vacant'; n: number } | { kind: 'name'; name: string };

/** The messages sayPostTitle words a title with (web/i18n/messages). */
type TitleMessage = 'common.inspectorNumber' | 'tprint.vacant';

/**
 * A post's title in the words of `t`, a stored name in the script of `nameOf`.
 * @example sayPostTitle({ kind: 'inspector', n: 12 }, translator('ru'), nameOf) // 'Инспектор № 12'
 * @example sayPostTitle({ kind: 'vacant', n: 3 }, translator('en'), nameOf) // 'Post 3: vacant post'
 * @example sayPostTitle({ kind: 'name', name: 'Aziz Karimov' }, translator('uz-Cyrl'), nameOf) // 'Азиз Каримов'
 */
export function sayPostTitle(
  title: PostTitle,
  t: (id: TitleMessage, values: Record<string, string | number>) => string,
  nameOf: (name: string) => string,
): string {
  if (title.kind === 'inspector') return t('common.inspectorNumber', { id: String(title.n) });
  if (title.kind === 'vacant') return t('tprint.vacant', { post: title.n });
  return nameOf(title.name);
}
