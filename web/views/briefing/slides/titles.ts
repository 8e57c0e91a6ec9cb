// Default heading of each slide kind (a slide's caption replaces it), in the language of `t`; shared by the slides,
// the agenda and the wall screen.
import type { SlideKind } from '../../../../server/contract/playlists.ts';
import { activeT, type Translate } from '../../../i18n/translate.ts';

/**
 * A slide kind's own heading.
 * @example slideTitle('top_mahallas', translator('ru')) // 'Махалли с наибольшим числом происшествий'
 */
export const slideTitle = (kind: SlideKind, t: Translate = activeT()): string => t(`wall.title.${kind}`);

/** The headings in English (the names the playlist API and its tests use). */
export const SLIDE_TITLES: Record<SlideKind, string> = {
  title: slideTitle('title'),
  hotspots: slideTitle('hotspots'),
  top_mahallas: slideTitle('top_mahallas'),
  applications: slideTitle('applications'),
  joint_actions: slideTitle('joint_actions'),
  coverage: slideTitle('coverage'),
};
