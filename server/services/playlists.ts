// Wall-screen playlists stored in DuckDB: list, read, create, replace, delete, and the default one seeded at build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';
import { perDb } from '../db/per-db.ts';
import { DEFAULT_PLAYLIST, PlaylistInput, Slide, type Playlist } from '../contract/playlists.ts';

type Stored = Omit<Playlist, 'id' | 'updatedAt'>;

// The playlist statements of data/schema.sql (the single source of table definitions), run once per database so a
// database built before playlists existed gains the table instead of failing every request.
const PLAYLIST_DDL = readFileSync(fileURLToPath(new URL('../../data/schema.sql', import.meta.url)), 'utf8')
  .split(';')
  .filter((s) => /CREATE (SEQUENCE|TABLE) IF NOT EXISTS playlist/.test(s))
  .join(';');

const ensureTable = perDb((db) => db.run(PLAYLIST_DDL));

interface Row {
  id: number;
  name: string;
  district: string | null;
  period: string;
  slides: string;
  updatedAt: string;
}

const SELECT = `SELECT id, name, district_soato AS district, period, slides, strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS "updatedAt" FROM playlists`;

/** A stored row as a playlist; slides that no longer validate (a kind removed since) are dropped, not fatal. */
function toPlaylist(r: Row): Playlist {
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
  return { id: r.id, name: r.name, district: r.district, period: r.period, slides, updatedAt: r.updatedAt };
}

export async function listPlaylists(db: Db): Promise<Playlist[]> {
  await ensureTable(db);
  return (await db.all<Row>(`${SELECT} ORDER BY id`)).map(toPlaylist);
}

export async function getPlaylist(db: Db, id: number): Promise<Playlist | null> {
  await ensureTable(db);
  const [row] = await db.all<Row>(`${SELECT} WHERE id = $id`, { id });
  return row ? toPlaylist(row) : null;
}

const now = (): string => new Date().toISOString().slice(0, 19);

export async function createPlaylist(db: Db, p: Stored): Promise<Playlist> {
  await ensureTable(db);
  const [row] = await db.all<{ id: number }>(
    `INSERT INTO playlists (name, district_soato, period, slides, updated_at) VALUES ($name, $district, $period, $slides, $at::TIMESTAMP) RETURNING id`,
    { name: p.name, district: p.district, period: p.period, slides: JSON.stringify(p.slides), at: now() },
  );
  const created = row ? await getPlaylist(db, row.id) : null;
  if (!created) throw new Error('playlist insert returned no row');
  return created;
}

/** Replaces a playlist; null when it does not exist. */
export async function replacePlaylist(db: Db, id: number, p: Stored): Promise<Playlist | null> {
  await ensureTable(db);
  const rows = await db.all<{ id: number }>(
    `UPDATE playlists SET name = $name, district_soato = $district, period = $period, slides = $slides, updated_at = $at::TIMESTAMP
     WHERE id = $id RETURNING id`,
    { id, name: p.name, district: p.district, period: p.period, slides: JSON.stringify(p.slides), at: now() },
  );
  return rows.length > 0 ? getPlaylist(db, id) : null;
}

/** Deletes a playlist: 'deleted', 'missing', or 'last' (the wall screen always needs one to show). */
export async function deletePlaylist(db: Db, id: number): Promise<'deleted' | 'missing' | 'last'> {
  await ensureTable(db);
  const [row] = await db.all<{ n: number; here: number }>(
    'SELECT count(*)::INTEGER AS n, count_if(id = $id)::INTEGER AS here FROM playlists', { id },
  );
  if (!row || row.here === 0) return 'missing';
  if (row.n <= 1) return 'last';
  await db.run('DELETE FROM playlists WHERE id = $id', { id });
  return 'deleted';
}

/** Seeds the default playlist into a freshly built database (data/build-db.ts). */
export async function seedPlaylists(db: Db): Promise<void> {
  await createPlaylist(db, PlaylistInput.parse(DEFAULT_PLAYLIST));
}
