// The pages of the application (one per surface, STYLE.md "views/"): path, tab label and component.
// The briefing wall screen is not a page of this shell: web/main.tsx mounts it on its own, without chrome.
import type { ComponentType } from 'react';
import type { Capability } from '../server/contract/access.ts';
import { HotspotsPage } from './views/hotspots/HotspotsPage.tsx';
import { BriefingPage } from './views/briefing/BriefingPage.tsx';
import { CooperationPage } from './views/cooperation/CooperationPage.tsx';
import { PlansPage } from './views/plans/PlansPage.tsx';
import { CoveragePage } from './views/coverage/CoveragePage.tsx';
import { ApplicationsPage } from './views/applications/ApplicationsPage.tsx';
import { AdminPage } from './views/admin/AdminPage.tsx';
import { PlannerPage } from './views/planner/PlannerPage.tsx';
import { DiffPage } from './views/territory-diff/DiffPage.tsx';
import { PrintPage } from './views/territory-print/PrintPage.tsx';

export interface Page {
  path: string;
  /** tab label in the header */
  label: string;
  /** one line shown as the tab's title (hover) and to screen readers */
  description: string;
  component: ComponentType;
  /** shown only to those who hold this capability (the server refuses the rest anyway) */
  needs?: Capability;
  /** a page opened by a link only, not a tab: the tab lit while it is open */
  tabOf?: string;
}

export const PAGES: readonly Page[] = [
  {
    path: '/',
    label: 'Hotspots',
    description: 'Incidents and applications per mahalla: rates, heat map, tested hot spots and trends',
    component: HotspotsPage,
  },
  {
    path: '/coverage',
    label: 'Coverage',
    description:
      'Inspector coverage: territories on the map, workload against norms, unassigned mahallas, inspector cards',
    component: CoveragePage,
  },
  {
    path: '/planner',
    label: 'Planner',
    description: 'Territory planner: redraw inspector territories with live workload balance, proposals and approval',
    component: PlannerPage,
  },
  {
    path: '/territories/diff',
    label: 'Compare territory plans',
    description: 'Two territory plan versions compared: mahallas that change inspector, workload before and after',
    component: DiffPage,
    tabOf: '/planner',
  },
  {
    path: '/territories/print',
    label: 'Order annex (print)',
    description: 'The territory plan as the annex of the order: one A4 page per territory with its map and mahallas',
    component: PrintPage,
    tabOf: '/planner',
  },
  {
    path: '/applications',
    label: 'Applications',
    description:
      'Applications flow: channel, registry, receiver, service; open and overdue; the district against the country',
    component: ApplicationsPage,
  },
  {
    path: '/cooperation',
    label: 'Cooperation',
    description: 'Joint actions with the services: shares, inspector × service matrix, cooperation gaps, before/after',
    component: CooperationPage,
  },
  {
    path: '/plans',
    label: 'Plans',
    description: 'Model cooperation plans: joint actions required per territory and service, and their fulfilment',
    component: PlansPage,
  },
  {
    path: '/playlists',
    label: 'Briefing',
    description: 'Wall-screen briefing: playlists of slides, their order and dwell times; open them on the wall',
    component: BriefingPage,
  },
  {
    path: '/admin',
    label: 'Administration',
    description: 'Accounts and their roles and areas, wall-screen links, and the audit log',
    component: AdminPage,
    needs: 'accounts',
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
