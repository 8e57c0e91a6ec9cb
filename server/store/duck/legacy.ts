// Copying plans and playlists of an older release into the DuckDB store with their ids, so links to them still work.
import type { LegacyRows, StoreWrites } from '../types.ts';
import type { Q } from './sql.ts';

const BY = 'migration';

/** Moves a sequence past `max` (DuckDB cannot set a sequence's value; drawing from it is cheap for these counts). */
async function passSequence(q: Q, seq: string, max: number): Promise<void> {
  if (max > 0) await q.run(`SELECT max(nextval('${seq}')) FROM range($n)`, { n: max });
}

export function legacyOps(q: Q): StoreWrites['legacy'] {
  return {
    async copy(r: LegacyRows) {
      for (const p of r.plans) {
        await q.run(
          `INSERT INTO plans VALUES ($id, $name, $district, $from::DATE, $to::DATE, $at::TIMESTAMP, $by, $copiedFrom, 1, $at::TIMESTAMP, $by)`,
          {
            id: p.id,
            name: p.name,
            district: p.district,
            from: p.from,
            to: p.to,
            at: p.createdAt,
            by: BY,
            copiedFrom: p.copiedFrom,
          },
        );
      }
      for (const i of r.items) {
        await q.run('INSERT INTO plan_items VALUES ($plan, $inspector, $service, $type, $required)', { ...i });
      }
      for (const a of r.archive) {
        await q.run(
          `INSERT INTO plans_archive VALUES ($id, $name, $district, $from::DATE, $to::DATE, $at::TIMESTAMP, $by, $snapshot)`,
          { ...a, by: BY },
        );
      }
      for (const p of r.playlists) {
        await q.run(`INSERT INTO playlists VALUES ($id, $name, $district, $period, $slides, 1, $at::TIMESTAMP, $by)`, {
          ...p,
          by: BY,
        });
      }
      await passSequence(q, 'plan_ids', Math.max(0, ...r.plans.map((p) => p.id), ...r.archive.map((a) => a.id)));
      await passSequence(q, 'playlist_ids', Math.max(0, ...r.playlists.map((p) => p.id)));
    },
  };
}
