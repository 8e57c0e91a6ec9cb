// The pages of the application (one per surface, STYLE.md "views/"): path, tab label and component (label and
// description are message ids, web/i18n/messages/*.json).
// The briefing wall screen is not a page of this shell: web/main.tsx mounts it on its own, without chrome.
// Every page but the first (the hot-spot map) is its own chunk, fetched when opened: the first screen's script is
// parsed and run before anything is asked of the server, ≈ 0.6 s in headless Chromium on a busy host (issue 15).
import { lazy, type ComponentType } from 'react';
import type { Capability } from '../server/contract/access.ts';
import type { MessageId } from './i18n/messages.ts';
import { HotspotsPage } from './views/hotspots/HotspotsPage.tsx';

/** A page's component fetched with its chunk when the page is first opened (`name` is the module's export). */
const opened = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType =>
  lazy(() => load().then((m) => ({ default: m[name] })));

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
    component: opened(() => import('./views/coverage/CoveragePage.tsx'), 'CoveragePage'),
  },
  {
    path: '/planner',
    label: 'page.planner.label',
    description: 'page.planner.description',
    component: opened(() => import('./views/planner/PlannerPage.tsx'), 'PlannerPage'),
  },
  {
    path: '/territories/diff',
    label: 'page.diff.label',
    description: 'page.diff.description',
    component: opened(() => import('./views/territory-diff/DiffPage.tsx'), 'DiffPage'),
    tabOf: '/planner',
  },
  {
    path: '/territories/print',
    label: 'page.print.label',
    description: 'page.print.description',
    component: opened(() => import('./views/territory-print/PrintPage.tsx'), 'PrintPage'),
    tabOf: '/planner',
  },
  {
    path: '/applications',
    label: 'page.applications.label',
    description: 'page.applications.description',
    component: opened(() => import('./views/applications/ApplicationsPage.tsx'), 'ApplicationsPage'),
  },
  {
    path: '/cooperation',
    label: 'page.cooperation.label',
    description: 'page.cooperation.description',
    component: opened(() => import('./views/cooperation/CooperationPage.tsx'), 'CooperationPage'),
  },
  {
    path: '/plans',
    label: 'page.plans.label',
    description: 'page.plans.description',
    component: opened(() => import('./views/plans/PlansPage.tsx'), 'PlansPage'),
  },
  {
    path: '/playlists',
    label: 'page.briefing.label',
    description: 'page.briefing.description',
    component: opened(() => import('./views/briefing/BriefingPage.tsx'), 'BriefingPage'),
  },
  {
    path: '/admin',
    label: 'page.admin.label',
    description: 'page.admin.description',
    component: opened(() => import('./views/admin/AdminPage.tsx'), 'AdminPage'),
    needs: 'accounts',
  },
  {
    path: '/import',
    label: 'page.import.label',
    description: 'page.import.description',
    component: opened(() => import('./views/import/ImportPage.tsx'), 'ImportPage'),
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
