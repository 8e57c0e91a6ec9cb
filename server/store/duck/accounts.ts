// Accounts in the DuckDB store: people who sign in, their role and area, their password hash and sign-in failures.
import type { Account, AccountFields, AccountSecret, Actor, StoreWrites, WriteResult } from '../types.ts';
import { VERSION_COLS, iso, nowUtc, type Q } from './sql.ts';

const SELECT = `SELECT id, username, display_name AS "displayName", role, region_soato AS region, district_soato AS district,
  inspector_id AS inspector, disabled, failed_logins AS "failedLogins", ${iso('locked_until')} AS "lockedUntil",
  ${iso('created_at')} AS "createdAt", ${VERSION_COLS}, password_hash AS "passwordHash" FROM accounts`;

const withoutSecret = ({ passwordHash: _hash, ...a }: AccountSecret): Account => a;

export function accountOps(q: Q): StoreWrites['accounts'] {
  const get = async (id: number): Promise<AccountSecret | null> =>
    (await q.all<AccountSecret>(`${SELECT} WHERE id = $id`, { id }))[0] ?? null;
  return {
    list: async () => (await q.all<AccountSecret>(`${SELECT} ORDER BY username`)).map(withoutSecret),
    get: async (id) => {
      const a = await get(id);
      return a && withoutSecret(a);
    },
    byUsername: async (username) =>
      (await q.all<AccountSecret>(`${SELECT} WHERE username = $username`, { username }))[0] ?? null,
    async create(a, by: Actor) {
      const at = nowUtc();
      const [row] = await q.all<{ id: number }>(
        `INSERT INTO accounts (username, display_name, role, region_soato, district_soato, inspector_id, password_hash, disabled,
                               failed_logins, locked_until, created_at, version, updated_at, updated_by)
         VALUES ($username, $displayName, $role, $region, $district, $inspector, $hash, false, 0, NULL, $at::TIMESTAMP, 1, $at::TIMESTAMP, $by)
         RETURNING id`,
        {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          region: a.region,
          district: a.district,
          inspector: a.inspector,
          hash: a.passwordHash,
          at,
          by: by.username,
        },
      );
      const made = row && (await get(row.id));
      if (!made) throw new Error('INSERT … RETURNING gave no account');
      return withoutSecret(made);
    },
    async update(id, version, f: AccountFields, by): Promise<WriteResult<Account>> {
      const current = await get(id);
      if (!current) return { status: 'missing' };
      if (current.version !== version) return { status: 'stale', current };
      await q.run(
        `UPDATE accounts SET display_name = $displayName, role = $role, region_soato = $region, district_soato = $district,
           inspector_id = $inspector, disabled = $disabled, version = version + 1, updated_at = $at::TIMESTAMP, updated_by = $by
         WHERE id = $id`,
        {
          id,
          displayName: f.displayName,
          role: f.role,
          region: f.region,
          district: f.district,
          inspector: f.inspector,
          disabled: f.disabled,
          at: nowUtc(),
          by: by.username,
        },
      );
      const after = await get(id);
      return after ? { status: 'ok', value: withoutSecret(after) } : { status: 'missing' };
    },
    async setPassword(id, passwordHash, by) {
      const hit = await q.all<{ id: number }>(
        `UPDATE accounts SET password_hash = $hash, failed_logins = 0, locked_until = NULL, version = version + 1,
           updated_at = $at::TIMESTAMP, updated_by = $by WHERE id = $id RETURNING id`,
        { id, hash: passwordHash, at: nowUtc(), by: by.username },
      );
      return hit.length > 0;
    },
    async failedLogin(id, lockUntil) {
      await q.run(
        'UPDATE accounts SET failed_logins = failed_logins + 1, locked_until = $lock::TIMESTAMP WHERE id = $id',
        {
          id,
          lock: lockUntil === null ? null : lockUntil.replace('T', ' ').replace('Z', ''),
        },
      );
    },
    async goodLogin(id) {
      await q.run('UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = $id', { id });
    },
  };
}
