// Default heading of each slide kind (a slide's caption replaces it); shared by the slides, the agenda and the editor.
import type { SlideKind } from '../../../../server/contract/playlists.ts';

export const SLIDE_TITLES: Record<SlideKind, string> = {
  title: 'Prevention service briefing',
  hotspots: 'Hot spots: this period against the previous one',
  top_mahallas: 'Mahallas with the most incidents',
  applications: 'Applications: received, open, overdue',
  joint_actions: 'Joint actions and model-plan fulfilment',
  coverage: 'Coverage gaps: who is not covered, who is overloaded',
};
