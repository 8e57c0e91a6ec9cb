// The audit log in the DuckDB store: appended, queried, never updated or deleted.
import type { StoreWrites } from '../types.ts';
import { iso, type Q } from './sql.ts';

export function auditOps(q: Q): StoreWrites['audit'] {
  return {
    async append(rows) {
      if (rows.length === 0) return;
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
      await q.run(
        `INSERT INTO audit (happened_at, account_id, username, role, action, area, params, status, ip)
         SELECT t::TIMESTAMP, nullif(account, -1), username, role, action, area, params, status, ip FROM (
           SELECT unnest($at::VARCHAR[]) AS t, unnest($account::INTEGER[]) AS account, unnest($username::VARCHAR[]) AS username,
                  unnest($role::VARCHAR[]) AS role, unnest($action::VARCHAR[]) AS action, unnest($area::VARCHAR[]) AS area,
                  unnest($params::VARCHAR[]) AS params, unnest($status::INTEGER[]) AS status, unnest($ip::VARCHAR[]) AS ip)`,
        {
          at: rows.map((r) => r.at.replace('T', ' ').replace('Z', '')),
          // A number[] parameter carries no NULL: −1 stands for "no account" and becomes NULL in the INSERT.
          account: col('accountId').map((id) => id ?? -1),
          username: col('username'),
          role: col('role'),
          action: col('action'),
          area: col('area'),
          params: col('params'),
          status: col('status'),
          ip: col('ip'),
        },
      );
    },
    async query(f) {
      const where = [
        f.from ? 'happened_at >= $from::TIMESTAMP' : null,
        f.to ? 'happened_at < ($to::DATE + INTERVAL 1 DAY)' : null,
        f.username ? 'username = $username' : null,
        f.action ? 'starts_with(action, $action)' : null,
      ].filter((x): x is string => x !== null);
      const params = {
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        ...(f.username ? { username: f.username } : {}),
        ...(f.action ? { action: f.action } : {}),
      };
      const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const [count] = await q.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM audit ${cond}`, params);
      const rows = await q.all<{
        id: number;
        at: string;
        accountId: number | null;
        username: string;
        role: string;
        action: string;
        area: string;
        params: string;
        status: number;
        ip: string;
      }>(
        `SELECT id::INTEGER AS id, ${iso('happened_at')} AS at, account_id AS "accountId", username, role, action, area, params, status, ip
         FROM audit ${cond} ORDER BY id DESC LIMIT $limit OFFSET $offset`,
        { ...params, limit: f.limit, offset: f.offset },
      );
      return { rows, total: count?.n ?? 0 };
    },
  };
}
