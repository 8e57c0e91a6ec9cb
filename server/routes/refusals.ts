// The refusals several routes share — an id nobody has, an object outside the asker's area, a change over someone
// else's — each with its issue code (contract/issues.ts), so every route says them the same way in every language.
import { issue, type ApiIssue, type IssueObject } from '../contract/issues.ts';
import type { Versioned } from '../store/types.ts';

/** 404 body: no object of this kind has the id. @example notFound('plan') // reason 'no plan has this id' */
export const notFound = (what: IssueObject, field = 'id', reason = `no ${what} has this id`) => ({
  error: 'not_found' as const,
  issues: [issue(field, 'not_found', reason, { what })],
});

/** 403 body: the object, or the district it would move to, lies outside the asker's area. */
export const outside = (field: string) => ({
  error: 'forbidden' as const,
  issues: [issue(field, 'outside_area', 'is outside the area you may see')],
});

/** The issue of a change based on an older version: who saved since, when, and the version now current. */
export const staleIssue = (current: Versioned, reason: string): ApiIssue =>
  issue('version', 'stale_version', reason, {
    by: current.updatedBy,
    at: current.updatedAt,
    version: current.version,
  });
