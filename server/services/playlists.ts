// Wall-screen playlists, through the user store. A delete is decided inside one store write, so the invariant "the
// wall screen always has a playlist to show" holds however many deletes arrive at once.
import { DEFAULT_PLAYLIST, PlaylistInput, type Playlist } from '../contract/playlists.ts';
import type { Actor, StoredPlaylist, UserStore, WriteResult } from '../store/types.ts';

/** A stored playlist as the API answers it. */
export const toPlaylist = (p: StoredPlaylist): Playlist => ({ ...p });

export const fields = (p: PlaylistInput) => {
  const v = PlaylistInput.parse(p);
  return { name: v.name, district: v.district, period: v.period, slides: v.slides };
};

export type DeleteOutcome = WriteResult<null> | { status: 'last' };

/** Deletes a playlist unless it is the last one (the wall screen always needs one to show). */
export function deletePlaylist(
  store: UserStore,
  id: number,
  version: number | null,
  by: Actor,
): Promise<DeleteOutcome> {
  return store.write(async (w) => {
    const current = await w.playlists.get(id);
    if (!current) return { status: 'missing' };
    if ((await w.playlists.count()) <= 1) return { status: 'last' };
    return w.playlists.remove(id, version, by);
  });
}

/** The playlist a store starts with, when it has none: every slide kind, in briefing order. */
export async function seedPlaylists(store: UserStore): Promise<void> {
  await store.write(async (w) => {
    if ((await w.playlists.count()) === 0)
      await w.playlists.create(fields(DEFAULT_PLAYLIST), { accountId: null, username: 'hamkor' });
  });
}
