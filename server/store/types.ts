// The user store: everything a person typed or did (accounts, sessions, kiosk tokens, the audit log, model cooperation
// plans and their archive, wall-screen playlists, territory plan versions), kept apart from the rebuildable analytics
// database so no rebuild, import or upgrade can touch it. One interface, so that a PostgreSQL store can later serve
// several app instances; the DuckDB implementation lives in server/store/duck/.
import type { Role } from '../contract/access.ts';
import type { PlanItemInput } from '../contract/plans.ts';
import type { Slide } from '../contract/playlists.ts';

export type { Actor, Versioned, WriteResult } from './versioned.ts';
export type {
  ApprovedTerritory,
  StoredTerritoryVersion,
  TerritoryContent,
  TerritoryNew,
  TerritoryStep,
  TerritoryTransition,
  TerritoryVersionHead,
} from './territory-types.ts';
import type { Actor, Versioned, WriteResult } from './versioned.ts';
import type {
  ApprovedTerritory,
  StoredTerritoryVersion,
  TerritoryContent,
  TerritoryNew,
  TerritoryStep,
  TerritoryTransition,
  TerritoryVersionHead,
} from './territory-types.ts';

export interface Account extends Versioned {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  region: string | null;
  district: string | null;
  inspector: number | null;
  disabled: boolean;
  createdAt: string;
  failedLogins: number;
  /** ISO timestamp until which sign-in is refused after repeated failures; null when not locked */
  lockedUntil: string | null;
}

export interface AccountSecret extends Account {
  passwordHash: string;
}

export type AccountFields = Pick<Account, 'displayName' | 'role' | 'region' | 'district' | 'inspector' | 'disabled'>;

export interface SessionRow {
  tokenHash: string;
  /** `account` sessions belong to a person, `kiosk` ones to a kiosk token */
  kind: 'account' | 'kiosk';
  subject: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface KioskToken {
  id: number;
  name: string;
  playlist: number;
  tokenHash: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

export interface AuditEntry {
  /** ISO timestamp (UTC) */
  at: string;
  accountId: number | null;
  username: string;
  role: string;
  /** e.g. auth.login, auth.login_failed, plans.create, records.csv, records.list */
  action: string;
  /** the area it concerned, as the selection described it (all, districts, mahallas) */
  area: string;
  /** the request's parameters, as JSON */
  params: string;
  status: number;
  ip: string;
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  username?: string | undefined;
  action?: string | undefined;
  limit: number;
  offset: number;
}

export interface StoredPlan extends Versioned {
  id: number;
  name: string;
  district: string;
  from: string;
  to: string;
  createdAt: string;
  createdBy: string;
  copiedFrom: number | null;
  items: PlanItemInput[];
}

export type PlanFields = Pick<StoredPlan, 'name' | 'district' | 'from' | 'to' | 'items'>;

export interface ArchivedPlan {
  planId: number;
  name: string;
  district: string;
  from: string;
  to: string;
  archivedAt: string;
  archivedBy: string;
}

export interface StoredPlaylist extends Versioned {
  id: number;
  name: string;
  district: string | null;
  period: string;
  slides: Slide[];
}

export type PlaylistFields = Pick<StoredPlaylist, 'name' | 'district' | 'period' | 'slides'>;

/** What can be read outside a write, and inside one (where it sees the write's own changes). */
export interface StoreReads {
  /** facts about the store itself (what has been migrated or seeded into it) */
  meta: { get(key: string): Promise<string | null> };
  accounts: {
    list(): Promise<Account[]>;
    get(id: number): Promise<Account | null>;
    byUsername(username: string): Promise<AccountSecret | null>;
  };
  sessions: { list(): Promise<SessionRow[]> };
  kiosk: {
    list(): Promise<KioskToken[]>;
    get(id: number): Promise<KioskToken | null>;
    byHash(tokenHash: string): Promise<KioskToken | null>;
  };
  audit: { query(f: AuditFilter): Promise<{ rows: Array<AuditEntry & { id: number }>; total: number }> };
  plans: {
    list(): Promise<StoredPlan[]>;
    get(id: number): Promise<StoredPlan | null>;
    archive(): Promise<ArchivedPlan[]>;
    /** the archived state of a deleted (or confirmed-changed) plan, newest first: plan, items and fulfilment as JSON */
    snapshots(planId: number): Promise<string[]>;
  };
  playlists: { list(): Promise<StoredPlaylist[]>; get(id: number): Promise<StoredPlaylist | null> };
  territories: {
    /** every version (of one district when given), newest first */
    list(district?: string): Promise<TerritoryVersionHead[]>;
    get(id: number): Promise<StoredTerritoryVersion | null>;
    /** the version's workflow steps, oldest first */
    history(id: number): Promise<TerritoryTransition[]>;
    /** every approved version, by district and effective day */
    approved(): Promise<ApprovedTerritory[]>;
    /** who covers each mahalla in some versions at once (inspector null: a vacant post) */
    holders(ids: readonly number[]): Promise<Array<{ id: number; mahalla: number; inspector: number | null }>>;
  };
}

/** The changes, all made inside `UserStore.write` (one transaction, one writer at a time). */
export interface StoreWrites extends StoreReads {
  meta: StoreReads['meta'] & { set(key: string, value: string): Promise<void> };
  /** copies legacy rows with their ids (their sequences move past them) */
  legacy: { copy(rows: LegacyRows): Promise<void> };
  accounts: StoreReads['accounts'] & {
    create(
      a: Omit<AccountFields, 'disabled'> & { username: string; passwordHash: string },
      by: Actor,
    ): Promise<Account>;
    update(id: number, version: number, fields: AccountFields, by: Actor): Promise<WriteResult<Account>>;
    setPassword(id: number, passwordHash: string, by: Actor): Promise<boolean>;
    /** a failed sign-in: count it, and lock until `lockUntil` when given */
    failedLogin(id: number, lockUntil: string | null): Promise<void>;
    /** a good sign-in clears the failure count and any lock */
    goodLogin(id: number): Promise<void>;
  };
  sessions: StoreReads['sessions'] & {
    put(s: SessionRow): Promise<void>;
    touch(tokenHash: string, lastSeenAt: string): Promise<void>;
    remove(tokenHash: string): Promise<void>;
    /** every session of one subject (sign-out everywhere, a disabled account, a revoked token) */
    removeAll(kind: SessionRow['kind'], subject: number): Promise<string[]>;
    removeExpired(now: string): Promise<void>;
  };
  kiosk: StoreReads['kiosk'] & {
    create(t: { name: string; playlist: number; tokenHash: string }, by: Actor): Promise<KioskToken>;
    revoke(id: number, by: Actor): Promise<boolean>;
  };
  audit: StoreReads['audit'] & { append(rows: readonly AuditEntry[]): Promise<void> };
  plans: StoreReads['plans'] & {
    create(p: PlanFields, copiedFrom: number | null, by: Actor): Promise<StoredPlan>;
    replace(id: number, version: number, p: PlanFields, by: Actor): Promise<WriteResult<StoredPlan>>;
    /** keeps an archived copy of the plan as it stands (before a confirmed change of a plan with fulfilment) */
    archiveCopy(id: number, snapshot: string, by: Actor): Promise<boolean>;
    /** deletes; with `snapshot`, first keeps an archived copy of the plan as it stood */
    remove(
      id: number,
      version: number | null,
      snapshot: string | null,
      by: Actor,
    ): Promise<WriteResult<{ archived: boolean }>>;
  };
  playlists: StoreReads['playlists'] & {
    create(p: PlaylistFields, by: Actor): Promise<StoredPlaylist>;
    replace(id: number, version: number, p: PlaylistFields, by: Actor): Promise<WriteResult<StoredPlaylist>>;
    remove(id: number, version: number | null, by: Actor): Promise<WriteResult<null>>;
    count(): Promise<number>;
  };
  territories: StoreReads['territories'] & {
    create(v: TerritoryNew, action: string, reason: string, by: Actor): Promise<StoredTerritoryVersion>;
    /** replaces name, reason, posts and assignments of a version read at `version` */
    replace(id: number, version: number, v: TerritoryContent, by: Actor): Promise<WriteResult<StoredTerritoryVersion>>;
    /** a workflow step of a version read at `version`, recorded in its history */
    step(id: number, version: number, s: TerritoryStep, by: Actor): Promise<WriteResult<StoredTerritoryVersion>>;
    remove(id: number, version: number, by: Actor): Promise<WriteResult<null>>;
  };
}

/** Rows of plans and playlists as an older release kept them in the analytics database (server/store/migrate.ts). */
export interface LegacyRows {
  plans: Array<{
    id: number;
    name: string;
    district: string;
    from: string;
    to: string;
    createdAt: string;
    copiedFrom: number | null;
  }>;
  items: Array<{ plan: number; inspector: number; service: string; type: string; required: number }>;
  archive: Array<{
    id: number;
    name: string;
    district: string;
    from: string;
    to: string;
    at: string;
    snapshot: string;
  }>;
  playlists: Array<{ id: number; name: string; district: string | null; period: string; slides: string; at: string }>;
}

export interface UserStore extends StoreReads {
  /**
   * Runs `work` as one transaction, with no other write in between (writes queue up): a check and the change it
   * guards cannot interleave with another request's. Rolled back if `work` throws.
   */
  write<T>(work: (w: StoreWrites) => Promise<T>): Promise<T>;
  /** Audit rows are appended in small batches (one transaction per batch); resolves once the row is stored. */
  audit: StoreReads['audit'] & { append(row: AuditEntry): Promise<void> };
  /** `stamp` changes once a write that changed territory versions has committed (caches of plans in force key on it) */
  territories: StoreReads['territories'] & { stamp(): number };
  close(): void;
  readonly path: string;
}
