// Territory plan versions in the DuckDB store: the version, its posts and assignments (replaced as a whole), and the
// append-only history of its workflow steps.
import type {
  ApprovedTerritory,
  StoreWrites,
  StoredTerritoryVersion,
  TerritoryContent,
  TerritoryTransition,
  TerritoryVersionHead,
  WriteResult,
} from '../types.ts';
import { iso, nowUtc, type Q } from './sql.ts';

type Head = Omit<StoredTerritoryVersion, 'posts' | 'assignments'>;

const COLS = `v.id, v.district_soato AS district, v.number, v.name, v.reason, v.status, v.parent_id AS parent,
  v.order_number AS "orderNumber", v.order_date::VARCHAR AS "orderDate", v.effective_from::VARCHAR AS "effectiveFrom",
  ${iso('v.created_at')} AS "createdAt", v.created_by AS "createdBy",
  v.version, ${iso('v.updated_at')} AS "updatedAt", v.updated_by AS "updatedBy"`;

async function content(q: Q, id: number): Promise<Pick<StoredTerritoryVersion, 'posts' | 'assignments'>> {
  const [posts, assignments] = await Promise.all([
    q.all<StoredTerritoryVersion['posts'][number]>(
      'SELECT post AS id, inspector_id AS inspector, label FROM territory_posts WHERE version_id = $id ORDER BY post',
      { id },
    ),
    q.all<StoredTerritoryVersion['assignments'][number]>(
      'SELECT mahalla_id AS mahalla, post FROM territory_assignments WHERE version_id = $id ORDER BY mahalla_id',
      { id },
    ),
  ]);
  return { posts, assignments };
}

async function writeContent(q: Q, id: number, v: Pick<TerritoryContent, 'posts' | 'assignments'>): Promise<void> {
  await q.run('DELETE FROM territory_posts WHERE version_id = $id', { id });
  await q.run('DELETE FROM territory_assignments WHERE version_id = $id', { id });
  // Lists carry no NULL: 0 and '' stand for "vacant" and "no label" on the way in.
  if (v.posts.length > 0)
    await q.run(
      `INSERT INTO territory_posts SELECT $id, p, nullif(i, 0), nullif(l, '')
       FROM (SELECT unnest($posts::INTEGER[]) AS p, unnest($inspectors::INTEGER[]) AS i, unnest($labels::VARCHAR[]) AS l)`,
      {
        id,
        posts: v.posts.map((p) => p.id),
        inspectors: v.posts.map((p) => p.inspector ?? 0),
        labels: v.posts.map((p) => p.label ?? ''),
      },
    );
  if (v.assignments.length > 0)
    await q.run(
      `INSERT INTO territory_assignments SELECT $id, unnest($mahallas::INTEGER[]), unnest($posts::INTEGER[])`,
      { id, mahallas: v.assignments.map((a) => a.mahalla), posts: v.assignments.map((a) => a.post) },
    );
}

async function record(q: Q, t: Omit<TerritoryTransition, 'at'>): Promise<void> {
  await q.run(`INSERT INTO territory_transitions VALUES ($id, $at::TIMESTAMP, $by, $action, $from, $to, $reason)`, {
    id: t.versionId,
    at: nowUtc(),
    by: t.by,
    action: t.action,
    from: t.from,
    to: t.to,
    reason: t.reason,
  });
}

/** Territory version operations on one connection; `touched` is told of every change (the store's stamp). */
export function territoryOps(q: Q, touched: () => void = () => undefined): StoreWrites['territories'] {
  const get = async (id: number): Promise<StoredTerritoryVersion | null> => {
    const [head] = await q.all<Head>(`SELECT ${COLS} FROM territory_versions v WHERE v.id = $id`, { id });
    return head ? { ...head, ...(await content(q, id)) } : null;
  };
  const current = async (id: number, version: number): Promise<WriteResult<StoredTerritoryVersion>> => {
    const v = await get(id);
    if (!v) return { status: 'missing' };
    return v.version === version ? { status: 'ok', value: v } : { status: 'stale', current: v };
  };
  const bump = async (id: number, by: string): Promise<void> => {
    await q.run(
      'UPDATE territory_versions SET version = version + 1, updated_at = $at::TIMESTAMP, updated_by = $by WHERE id = $id',
      { id, at: nowUtc(), by },
    );
  };
  const reread = async (id: number): Promise<WriteResult<StoredTerritoryVersion>> => {
    touched();
    const after = await get(id);
    return after ? { status: 'ok', value: after } : { status: 'missing' };
  };
  return {
    list: (district?: string) =>
      q.all<TerritoryVersionHead>(
        `SELECT ${COLS},
           (SELECT count(*) FROM territory_posts p WHERE p.version_id = v.id)::INTEGER AS posts,
           (SELECT count(*) FROM territory_posts p WHERE p.version_id = v.id AND p.inspector_id IS NULL)::INTEGER AS "vacantPosts",
           (SELECT count(*) FROM territory_assignments a WHERE a.version_id = v.id)::INTEGER AS mahallas
         FROM territory_versions v WHERE $district IS NULL OR v.district_soato = $district
         ORDER BY v.district_soato, v.number DESC`,
        { district: district ?? null },
      ),
    get,
    history: (id) =>
      q.all<TerritoryTransition>(
        `SELECT version_id AS "versionId", ${iso('happened_at')} AS at, done_by AS by, action, from_status AS "from", to_status AS "to", reason
         FROM territory_transitions WHERE version_id = $id ORDER BY happened_at, rowid`,
        { id },
      ),
    approved: () =>
      q.all<ApprovedTerritory>(
        `SELECT id, district_soato AS district, effective_from::VARCHAR AS "effectiveFrom", version
         FROM territory_versions WHERE status = 'approved' AND effective_from IS NOT NULL
         ORDER BY district_soato, effective_from, id`,
      ),
    holders: (ids) =>
      q.all<{ id: number; mahalla: number; inspector: number | null }>(
        `SELECT a.version_id AS id, a.mahalla_id AS mahalla, p.inspector_id AS inspector
         FROM territory_assignments a JOIN territory_posts p ON p.version_id = a.version_id AND p.post = a.post
         WHERE a.version_id IN (SELECT unnest($ids::INTEGER[]))`,
        { ids: [...ids] },
      ),
    async create(v, action, reason, by) {
      const at = nowUtc();
      const status = v.status ?? 'draft';
      const [row] = await q.all<{ id: number }>(
        `INSERT INTO territory_versions (district_soato, number, name, reason, status, parent_id, order_number, order_date,
           effective_from, created_at, created_by, version, updated_at, updated_by)
         VALUES ($district, (SELECT coalesce(max(number), 0) + 1 FROM territory_versions WHERE district_soato = $district),
           $name, $reason, $status, $parent, $orderNumber, $orderDate::DATE, $effectiveFrom::DATE, $at::TIMESTAMP, $by, 1,
           $at::TIMESTAMP, $by)
         RETURNING id`,
        {
          district: v.district,
          name: v.name,
          reason: v.reason,
          status,
          parent: v.parent,
          orderNumber: v.orderNumber ?? null,
          orderDate: v.orderDate ?? null,
          effectiveFrom: v.effectiveFrom ?? null,
          at,
          by: by.username,
        },
      );
      if (!row) throw new Error('INSERT … RETURNING gave no territory version');
      await writeContent(q, row.id, v);
      await record(q, { versionId: row.id, by: by.username, action, from: null, to: status, reason });
      touched();
      const made = await get(row.id);
      if (!made) throw new Error('a territory version just written cannot be read back');
      return made;
    },
    async replace(id, version, v, by) {
      const now = await current(id, version);
      if (now.status !== 'ok') return now;
      await q.run('UPDATE territory_versions SET name = $name, reason = $reason WHERE id = $id', {
        id,
        name: v.name,
        reason: v.reason,
      });
      await writeContent(q, id, v);
      await bump(id, by.username);
      return reread(id);
    },
    async step(id, version, s, by) {
      const now = await current(id, version);
      if (now.status !== 'ok') return now;
      await q.run(
        `UPDATE territory_versions SET status = $to, effective_from = $effectiveFrom::DATE, order_number = $orderNumber,
           order_date = $orderDate::DATE WHERE id = $id`,
        { id, to: s.to, effectiveFrom: s.effectiveFrom, orderNumber: s.orderNumber, orderDate: s.orderDate },
      );
      await bump(id, by.username);
      await record(q, {
        versionId: id,
        by: by.username,
        action: s.action,
        from: now.value.status,
        to: s.to,
        reason: s.reason,
      });
      return reread(id);
    },
    async remove(id, version, by) {
      const now = await current(id, version);
      if (now.status !== 'ok') return now;
      await record(q, {
        versionId: id,
        by: by.username,
        action: 'delete',
        from: now.value.status,
        to: now.value.status,
        reason: 'deleted',
      });
      await q.run('DELETE FROM territory_posts WHERE version_id = $id', { id });
      await q.run('DELETE FROM territory_assignments WHERE version_id = $id', { id });
      await q.run('DELETE FROM territory_versions WHERE id = $id', { id });
      touched();
      return { status: 'ok', value: null };
    },
  };
}
