// Sessions: created at sign-in, held in memory for speed and in the user store so they survive a restart. A session
// ends after `idleMs` without a request or `maxMs` after sign-in, whichever comes first (kiosks have no idle limit:
// a wall screen may sit on one slide for hours). Only token hashes are stored or kept.
import type { SessionRow, UserStore } from '../store/types.ts';
import { newToken, tokenHash } from './tokens.ts';

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
  kioskMaxMs: number;
}

/** How often a session's last-seen time is written back (in memory it is exact). */
const TOUCH_EVERY_MS = 60_000;

const iso = (ms: number): string => new Date(ms).toISOString();

export class Sessions {
  private readonly live = new Map<string, SessionRow & { written: number }>();

  constructor(
    private readonly store: UserStore,
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the stored sessions (after a restart every session still valid goes on). */
  async load(): Promise<void> {
    await this.store.write((w) => w.sessions.removeExpired(iso(this.now())));
    for (const s of await this.store.sessions.list())
      this.live.set(s.tokenHash, { ...s, written: Date.parse(s.lastSeenAt) });
  }

  /** A new session for an account or a kiosk; the token goes to the browser, its hash to the store. */
  async create(kind: SessionRow['kind'], subject: number): Promise<{ token: string; expiresAt: string }> {
    const token = newToken();
    const now = this.now();
    const row: SessionRow = {
      tokenHash: tokenHash(token),
      kind,
      subject,
      createdAt: iso(now),
      lastSeenAt: iso(now),
      expiresAt: iso(now + (kind === 'kiosk' ? this.limits.kioskMaxMs : this.limits.maxMs)),
    };
    await this.store.write((w) => w.sessions.put(row));
    this.live.set(row.tokenHash, { ...row, written: now });
    return { token, expiresAt: row.expiresAt };
  }

  /** The live session of a token, refreshed; null when unknown, idle too long or past its end (then it is removed). */
  resolve(token: string): SessionRow | null {
    const hash = tokenHash(token);
    const s = this.live.get(hash);
    if (!s) return null;
    const now = this.now();
    const idle = s.kind === 'account' && now - Date.parse(s.lastSeenAt) > this.limits.idleMs;
    if (idle || now >= Date.parse(s.expiresAt)) {
      void this.end(hash);
      return null;
    }
    s.lastSeenAt = iso(now);
    if (now - s.written > TOUCH_EVERY_MS) {
      s.written = now;
      void this.store.write((w) => w.sessions.touch(hash, s.lastSeenAt)).catch(() => undefined);
    }
    return s;
  }

  /** Signs one session out. */
  async revoke(token: string): Promise<void> {
    await this.end(tokenHash(token));
  }

  /** Signs every session of an account (or kiosk token) out: "sign out everywhere", a disabled account. */
  async revokeAll(kind: SessionRow['kind'], subject: number): Promise<number> {
    const gone = await this.store.write((w) => w.sessions.removeAll(kind, subject));
    for (const [hash, s] of this.live) if (s.kind === kind && s.subject === subject) this.live.delete(hash);
    return gone.length;
  }

  private async end(hash: string): Promise<void> {
    this.live.delete(hash);
    await this.store.write((w) => w.sessions.remove(hash));
  }
}
