// The header's search: hits for what was typed, asked once the typing pauses and only for two letters or more.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { searchKey } from '../../server/shared/uz-names.ts';
import { getQuery, ok } from './client.ts';

/** How long typing must pause before the server is asked, ms: one request per word, not one per key. */
const PAUSE_MS = 180;

/** The hits of `text` (null while it is shorter than two letters). */
export function useSearch(text: string, limit = 10) {
  const [asked, setAsked] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setAsked(text), PAUSE_MS);
    return () => clearTimeout(t);
  }, [text]);
  const query = searchKey(asked).length >= 2 ? { q: asked.trim(), limit: String(limit) } : null;
  return useQuery({
    ...getQuery(api.api.search.$path(), query, async (q, init) =>
      ok(await api.api.search.$get({ query: q }, init), (r) => r.json()),
    ),
    // Hits of an earlier word are not hits of this one: nothing is shown while the new ones load.
    placeholderData: undefined,
  });
}
