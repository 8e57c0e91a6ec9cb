// Playlists for the editor: the list (reloadable after a change) and the changes themselves, over the typed client.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Playlist, PlaylistInput } from '../../server/contract/playlists.ts';
import { ok } from './use-query.ts';

export interface PlaylistList {
  playlists: Playlist[] | undefined;
  error: Error | undefined;
  reload: () => void;
}

/** All stored playlists; `reload()` after a save or delete (the generic cache would keep the old list). */
export function usePlaylists(): PlaylistList {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ playlists?: Playlist[]; error?: Error }>({});
  useEffect(() => {
    const ctrl = new AbortController();
    api.api.playlists.$get(undefined, { init: { signal: ctrl.signal } })
      .then((res) => ok(res, (r) => r.json()))
      .then(({ playlists }) => setState({ playlists }), (err: unknown) => {
        if (!ctrl.signal.aborted) setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)) }));
      });
    return () => ctrl.abort();
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { playlists: state.playlists, error: state.error, reload };
}

export async function createPlaylist(input: PlaylistInput): Promise<Playlist> {
  return ok(await api.api.playlists.$post({ json: input }), (r) => r.json());
}

export async function savePlaylist(id: number, input: PlaylistInput): Promise<Playlist> {
  return ok(await api.api.playlists[':id'].$put({ param: { id: String(id) }, json: input }), (r) => r.json());
}

export async function deletePlaylist(id: number): Promise<void> {
  await ok(await api.api.playlists[':id'].$delete({ param: { id: String(id) } }), (r) => r.json());
}
