// Territory plan versions as the user store keeps them: content (posts, mahalla → post), workflow steps, approvals.
import type { TerritoryAssignmentInput, TerritoryPostInput, TerritoryStatus } from '../contract/territories.ts';
import type { Versioned } from './versioned.ts';

export interface StoredTerritoryVersion extends Versioned {
  id: number;
  district: string;
  /** 1, 2, … within the district */
  number: number;
  name: string;
  reason: string;
  status: TerritoryStatus;
  /** the version this one was copied from */
  parent: number | null;
  orderNumber: string | null;
  orderDate: string | null;
  /** approved versions: in force from this day (until the district's next approved one) */
  effectiveFrom: string | null;
  createdAt: string;
  createdBy: string;
  /** by post number */
  posts: TerritoryPostInput[];
  /** by mahalla id; a mahalla of the district not listed is unassigned */
  assignments: TerritoryAssignmentInput[];
}

/** A version without its posts and assignments, for lists. */
export type TerritoryVersionHead = Omit<StoredTerritoryVersion, 'posts' | 'assignments'> & {
  posts: number;
  vacantPosts: number;
  mahallas: number;
};

export type TerritoryContent = Pick<StoredTerritoryVersion, 'name' | 'reason' | 'posts' | 'assignments'>;

/** A new version: its district, content and where it came from; the workflow fields only when seeded as approved. */
export type TerritoryNew = TerritoryContent &
  Pick<StoredTerritoryVersion, 'district' | 'parent'> &
  Partial<Pick<StoredTerritoryVersion, 'status' | 'effectiveFrom' | 'orderNumber' | 'orderDate'>>;

/** One step of a version's workflow. */
export interface TerritoryTransition {
  versionId: number;
  /** ISO timestamp (UTC) */
  at: string;
  by: string;
  /** create, seed, submit, return, approve */
  action: string;
  from: TerritoryStatus | null;
  to: TerritoryStatus;
  reason: string;
}

/** A status change with what approval records. */
export interface TerritoryStep {
  action: string;
  to: TerritoryStatus;
  reason: string;
  /** approval sets these; a return to draft clears them */
  effectiveFrom: string | null;
  orderNumber: string | null;
  orderDate: string | null;
}

/** An approved version as the timeline of plans in force needs it. */
export interface ApprovedTerritory {
  id: number;
  district: string;
  effectiveFrom: string;
  /** the edit counter: an approved version returned to draft and changed gets a new one */
  version: number;
}
