// The pages of the application (one per surface, STYLE.md "views/"): path, tab label and component.
// The briefing wall screen is not a page of this shell: web/main.tsx mounts it on its own, without chrome.
import type { ComponentType } from 'react';
import { OverviewPage } from './views/overview/OverviewPage.tsx';

export interface Page {
  path: string;
  /** tab label in the header */
  label: string;
  /** one line shown as the tab's title (hover) and to screen readers */
  description: string;
  component: ComponentType;
}

export const PAGES: readonly Page[] = [
  { path: '/', label: 'Hotspots', description: 'Incidents and applications per mahalla: rates, heat map, tested hot spots and trends', component: OverviewPage },
];

/** The page for a path; unknown paths open the first page (a stale bookmark should still show the map). */
export function pageFor(path: string): Page {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((p) => p.path === clean) ?? (PAGES[0] as Page);
}
