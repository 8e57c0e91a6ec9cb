// Sessions and kiosk tokens in the DuckDB store. Only hashes of their secrets are kept.
import type { KioskToken, SessionRow, StoreWrites } from '../types.ts';
import { iso, nowUtc, type Q } from './sql.ts';

/** An ISO time (…Z) as the UTC timestamp text DuckDB stores. */
const ts = (isoTime: string): string => isoTime.replace('T', ' ').replace('Z', '');

const SESSION = `SELECT token_hash AS "tokenHash", kind, subject, ${iso('created_at')} AS "createdAt", ${iso('last_seen_at')} AS "lastSeenAt",
  ${iso('expires_at')} AS "expiresAt" FROM sessions`;

export function sessionOps(q: Q): StoreWrites['sessions'] {
  return {
    list: () => q.all<SessionRow>(`${SESSION} ORDER BY created_at`),
    async put(s) {
      await q.run(
        `INSERT INTO sessions VALUES ($hash, $kind, $subject, $created::TIMESTAMP, $seen::TIMESTAMP, $expires::TIMESTAMP)`,
        {
          hash: s.tokenHash,
          kind: s.kind,
          subject: s.subject,
          created: ts(s.createdAt),
          seen: ts(s.lastSeenAt),
          expires: ts(s.expiresAt),
        },
      );
    },
    async touch(tokenHash, lastSeenAt) {
      await q.run('UPDATE sessions SET last_seen_at = $seen::TIMESTAMP WHERE token_hash = $hash', {
        hash: tokenHash,
        seen: ts(lastSeenAt),
      });
    },
    async remove(tokenHash) {
      await q.run('DELETE FROM sessions WHERE token_hash = $hash', { hash: tokenHash });
    },
    async removeAll(kind, subject) {
      const gone = await q.all<{ h: string }>(
        'DELETE FROM sessions WHERE kind = $kind AND subject = $subject RETURNING token_hash AS h',
        { kind, subject },
      );
      return gone.map((g) => g.h);
    },
    async removeExpired(now) {
      await q.run('DELETE FROM sessions WHERE expires_at <= $now::TIMESTAMP', { now: ts(now) });
    },
  };
}

const KIOSK = `SELECT id, name, playlist_id AS playlist, token_hash AS "tokenHash", ${iso('created_at')} AS "createdAt",
  created_by AS "createdBy", ${iso('revoked_at')} AS "revokedAt" FROM kiosk_tokens`;

export function kioskOps(q: Q): StoreWrites['kiosk'] {
  return {
    list: () => q.all<KioskToken>(`${KIOSK} ORDER BY id`),
    get: async (id) => (await q.all<KioskToken>(`${KIOSK} WHERE id = $id`, { id }))[0] ?? null,
    byHash: async (tokenHash) =>
      (await q.all<KioskToken>(`${KIOSK} WHERE token_hash = $hash`, { hash: tokenHash }))[0] ?? null,
    async create(t, by) {
      const [row] = await q.all<KioskToken>(
        `INSERT INTO kiosk_tokens (name, playlist_id, token_hash, created_at, created_by) VALUES ($name, $playlist, $hash, $at::TIMESTAMP, $by)
         RETURNING id, name, playlist_id AS playlist, token_hash AS "tokenHash", ${iso('created_at')} AS "createdAt", created_by AS "createdBy", NULL AS "revokedAt"`,
        { name: t.name, playlist: t.playlist, hash: t.tokenHash, at: nowUtc(), by: by.username },
      );
      if (!row) throw new Error('INSERT … RETURNING gave no kiosk token');
      return row;
    },
    async revoke(id) {
      const hit = await q.all<{ id: number }>(
        'UPDATE kiosk_tokens SET revoked_at = $at::TIMESTAMP WHERE id = $id AND revoked_at IS NULL RETURNING id',
        { id, at: nowUtc() },
      );
      return hit.length > 0;
    },
  };
}
