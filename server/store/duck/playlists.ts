// Wall-screen playlists in the DuckDB store.
import { Slide } from '../../contract/playlists.ts';
import type { PlaylistFields, StoreWrites, StoredPlaylist, WriteResult } from '../types.ts';
import { VERSION_COLS, nowUtc, type Q } from './sql.ts';

type Row = Omit<StoredPlaylist, 'slides'> & { slides: string };

const SELECT = `SELECT id, name, district_soato AS district, period, slides, ${VERSION_COLS} FROM playlists`;

/** A stored row as a playlist; slides that no longer validate (a kind removed since) are dropped, not fatal. */
function toPlaylist(r: Row): StoredPlaylist {
  let raw: unknown;
  try {
    raw = JSON.parse(r.slides);
  } catch {
    raw = [];
  }
  const slides = (Array.isArray(raw) ? raw : []).flatMap((s: unknown) => {
    const ok = Slide.safeParse(s);
    return ok.success ? [ok.data] : [];
  });
  return { ...r, slides };
}

export function playlistOps(q: Q): StoreWrites['playlists'] {
  const get = async (id: number): Promise<StoredPlaylist | null> => {
    const [row] = await q.all<Row>(`${SELECT} WHERE id = $id`, { id });
    return row ? toPlaylist(row) : null;
  };
  return {
    list: async () => (await q.all<Row>(`${SELECT} ORDER BY id`)).map(toPlaylist),
    get,
    count: async () => (await q.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM playlists'))[0]?.n ?? 0,
    async create(p: PlaylistFields, by) {
      const [row] = await q.all<{ id: number }>(
        `INSERT INTO playlists (name, district_soato, period, slides, version, updated_at, updated_by)
         VALUES ($name, $district, $period, $slides, 1, $at::TIMESTAMP, $by) RETURNING id`,
        {
          name: p.name,
          district: p.district,
          period: p.period,
          slides: JSON.stringify(p.slides),
          at: nowUtc(),
          by: by.username,
        },
      );
      const made = row && (await get(row.id));
      if (!made) throw new Error('INSERT … RETURNING gave no playlist');
      return made;
    },
    async replace(id, version, p, by): Promise<WriteResult<StoredPlaylist>> {
      const current = await get(id);
      if (!current) return { status: 'missing' };
      if (current.version !== version) return { status: 'stale', current };
      await q.run(
        `UPDATE playlists SET name = $name, district_soato = $district, period = $period, slides = $slides,
           version = version + 1, updated_at = $at::TIMESTAMP, updated_by = $by WHERE id = $id`,
        {
          id,
          name: p.name,
          district: p.district,
          period: p.period,
          slides: JSON.stringify(p.slides),
          at: nowUtc(),
          by: by.username,
        },
      );
      const after = await get(id);
      return after ? { status: 'ok', value: after } : { status: 'missing' };
    },
    async remove(id, version) {
      const current = await get(id);
      if (!current) return { status: 'missing' };
      if (version !== null && current.version !== version) return { status: 'stale', current };
      await q.run('DELETE FROM playlists WHERE id = $id', { id });
      return { status: 'ok', value: null };
    },
  };
}
