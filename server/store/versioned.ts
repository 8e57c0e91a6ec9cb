// Who changed a stored object, when, and at which version: what every versioned write of the user store names.

/** Who makes a change: recorded on the object (`updatedBy`) and in the audit log. */
export interface Actor {
  accountId: number | null;
  username: string;
}

/** Who changed an object last and when, and the version a writer must name to change it again. */
export interface Versioned {
  version: number;
  /** ISO timestamp (UTC) */
  updatedAt: string;
  updatedBy: string;
}

/** The outcome of a versioned write: done, no such object, or someone changed it since the version named. */
export type WriteResult<T> =
  { status: 'ok'; value: T } | { status: 'missing' } | { status: 'stale'; current: Versioned };
