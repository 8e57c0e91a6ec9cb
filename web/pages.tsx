// The pages of the application (one per surface, STYLE.md "views/"): path, tab label and component (label and
// description are message ids, web/i18n/messages/*.json).
// The briefing wall screen is not a page of this shell: web/main.tsx mounts it on its own, without chrome.
import { lazy, type ComponentType } from 'react';
import type { Capability } from '../server/contract/access.ts';
import type { MessageId } from './i18n/messages.ts';
// The hot-spot map is the first screen: in the first script. The other pages load when opened (with what they alone
// use: deck.gl's layers, the planner's model, the import forms), so that script is smaller by ≈ 1 MB (issue 15).
import { HotspotsPage } from './views/hotspots/HotspotsPage.tsx';

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
    component: lazy(() => import('./views/coverage/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage }))),
  },
  {
    path: '/planner',
    label: 'page.planner.label',
    description: 'page.planner.description',
    component: lazy(() => import('./views/planner/PlannerPage.tsx').then((m) => ({ default: m.PlannerPage }))),
  },
  {
    path: '/territories/diff',
    label: 'page.diff.label',
    description: 'page.diff.description',
    component: lazy(() => import('./views/territory-diff/DiffPage.tsx').then((m) => ({ default: m.DiffPage }))),
    tabOf: '/planner',
  },
  {
    path: '/territories/print',
    label: 'page.print.label',
    description: 'page.print.description',
    component: lazy(() => import('./views/territory-print/PrintPage.tsx').then((m) => ({ default: m.PrintPage }))),
    tabOf: '/planner',
  },
  {
    path: '/applications',
    label: 'page.applications.label',
    description: 'page.applications.description',
    component: lazy(() =>
      import('./views/applications/ApplicationsPage.tsx').then((m) => ({ default: m.ApplicationsPage })),
    ),
  },
  {
    path: '/cooperation',
    label: 'page.cooperation.label',
    description: 'page.cooperation.description',
    component: lazy(() =>
      import('./views/cooperation/CooperationPage.tsx').then((m) => ({ default: m.CooperationPage })),
    ),
  },
  {
    path: '/plans',
    label: 'page.plans.label',
    description: 'page.plans.description',
    component: lazy(() => import('./views/plans/PlansPage.tsx').then((m) => ({ default: m.PlansPage }))),
  },
  {
    path: '/playlists',
    label: 'page.briefing.label',
    description: 'page.briefing.description',
    component: lazy(() => import('./views/briefing/BriefingPage.tsx').then((m) => ({ default: m.BriefingPage }))),
  },
  {
    path: '/admin',
    label: 'page.admin.label',
    description: 'page.admin.description',
    component: lazy(() => import('./views/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage }))),
    needs: 'accounts',
  },
  {
    path: '/import',
    label: 'page.import.label',
    description: 'page.import.description',
    component: lazy(() => import('./views/import/ImportPage.tsx').then((m) => ({ default: m.ImportPage }))),
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
