// The pages of the application (one per surface, STYLE.md "views/"): path, tab label and component (label and
// description are message ids, web/i18n/messages/*.json).
// The briefing wall screen is not a page of this shell: web/main.tsx mounts it on its own, without chrome.
import type { ComponentType } from 'react';
import type { Capability } from '../server/contract/access.ts';
import type { MessageId } from './i18n/messages.ts';
import { HotspotsPage } from './views/hotspots/HotspotsPage.tsx';
import { BriefingPage } from './views/briefing/BriefingPage.tsx';
import { CooperationPage } from './views/cooperation/CooperationPage.tsx';
import { PlansPage } from './views/plans/PlansPage.tsx';
import { CoveragePage } from './views/coverage/CoveragePage.tsx';
import { ApplicationsPage } from './views/applications/ApplicationsPage.tsx';
import { AdminPage } from './views/admin/AdminPage.tsx';
import { PlannerPage } from './views/planner/PlannerPage.tsx';
import { ImportPage } from './views/import/ImportPage.tsx';
import { DiffPage } from './views/territory-diff/DiffPage.tsx';
import { PrintPage } from './views/territory-print/PrintPage.tsx';

export interface Page {
  path: string;
  /** tab label in the header (a message id: the header says it in the language in force) */
  label: MessageId;
  /** one line shown as the tab's title (hover) and to screen readers (a message id) */
  description: MessageId;
  component: ComponentType;
  /** shown only to those who hold this capability (the server refuses the rest anyway) */
  needs?: Capability;
  /** a page opened by a link only, not a tab: the tab lit while it is open */
  tabOf?: string;
}

export const PAGES: readonly Page[] = [
  {
    path: '/',
    label: 'page.hotspots.label',
    description: 'page.hotspots.description',
    component: HotspotsPage,
  },
  {
    path: '/coverage',
    label: 'page.coverage.label',
    description: 'page.coverage.description',
    component: CoveragePage,
  },
  {
    path: '/planner',
    label: 'page.planner.label',
    description: 'page.planner.description',
    component: PlannerPage,
  },
  {
    path: '/territories/diff',
    label: 'page.diff.label',
    description: 'page.diff.description',
    component: DiffPage,
    tabOf: '/planner',
  },
  {
    path: '/territories/print',
    label: 'page.print.label',
    description: 'page.print.description',
    component: PrintPage,
    tabOf: '/planner',
  },
  {
    path: '/applications',
    label: 'page.applications.label',
    description: 'page.applications.description',
    component: ApplicationsPage,
  },
  {
    path: '/cooperation',
    label: 'page.cooperation.label',
    description: 'page.cooperation.description',
    component: CooperationPage,
  },
  {
    path: '/plans',
    label: 'page.plans.label',
    description: 'page.plans.description',
    component: PlansPage,
  },
  {
    path: '/playlists',
    label: 'page.briefing.label',
    description: 'page.briefing.description',
    component: BriefingPage,
  },
  {
    path: '/admin',
    label: 'page.admin.label',
    description: 'page.admin.description',
    component: AdminPage,
    needs: 'accounts',
  },
  {
    path: '/import',
    label: 'page.import.label',
    description: 'page.import.description',
    component: ImportPage,
    needs: 'imports',
  },
];

/** Paths that pages had before, so old links and bookmarks still open them. */
const FORMER_PATHS: Readonly<Record<string, string>> = { '/territories': '/coverage' };

/**
 * The page for a path among those a person may open; unknown (or not theirs) paths open the first page (a stale
 * bookmark should still show the map).
 */
export function pageFor(path: string, pages: readonly Page[] = PAGES): Page {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const clean = FORMER_PATHS[trimmed] ?? trimmed;
  return pages.find((p) => p.path === clean) ?? (pages[0] as Page);
}
