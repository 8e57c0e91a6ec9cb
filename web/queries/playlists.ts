// Wall-screen playlists for the editor: the list, and the changes (create, save, delete) as mutations that refresh the
// list they change. The wall screen reads its playlist afresh on each refresh (briefing.ts), so nothing else is cached.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { PlaylistInput } from '../../server/contract/playlists.ts';
import { CHANGING, getQuery, ok } from './client.ts';

const playlist = api.api.playlists[':id'];
const listQuery = {
  ...getQuery(api.api.playlists.$path(), {}, async (_q, init) =>
    ok(await api.api.playlists.$get(undefined, init), (r) => r.json()),
  ),
  ...CHANGING,
};

/** All stored playlists. */
export function usePlaylists() {
  return useQuery(listQuery);
}

/** A write whose success refetches the list in the background (the editor keeps the old one meanwhile). */
function useChange<A, R>(write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void client.invalidateQueries({ queryKey: listQuery.queryKey, exact: true }),
  });
}

export function useCreatePlaylist() {
  return useChange(async (input: PlaylistInput) => ok(await api.api.playlists.$post({ json: input }), (r) => r.json()));
}

/**
 * Saves a playlist as read at `version`; someone else's save in between is refused (409) with who and when, and the
 * editor keeps the person's changes (web/views/briefing/PlaylistEditor.tsx).
 */
export function useSavePlaylist() {
  return useChange(async ({ id, version, input }: { id: number; version: number; input: PlaylistInput }) =>
    ok(await playlist.$put({ param: { id: String(id) }, json: { ...input, version } }), (r) => r.json()),
  );
}

export function useDeletePlaylist() {
  return useChange(async ({ id, version }: { id: number; version: number }) =>
    ok(await playlist.$delete({ param: { id: String(id) }, query: { version: String(version) } }), (r) => r.json()),
  );
}
