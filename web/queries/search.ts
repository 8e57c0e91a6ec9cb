// The header's search: hits for what was typed, asked once the typing pauses and only for two letters or more.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SearchHit } from '../../server/contract/search.ts';
import { searchKey } from '../../server/shared/uz-names.ts';
import { api } from '../api.ts';
import { getQuery, ok } from './client.ts';

/** How long typing must pause before the server is asked, ms: one request per word, not one per key. */
const PAUSE_MS = 180;

export interface SearchState {
  /** the hits on screen: those of the text typed, or of an earlier text while the new ones load */
  hits: SearchHit[];
  /** whether `hits` are those of the text as it is now (a pick by Enter waits for them) */
  settled: boolean;
  /** whether the text is long enough to be searched */
  searchable: boolean;
  error: Error | null;
}

/** The hits of `text`; nothing is asked while it is shorter than two letters or digits. */
export function useSearch(text: string, limit = 10): SearchState {
  const [asked, setAsked] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setAsked(text), PAUSE_MS);
    return () => clearTimeout(t);
  }, [text]);
  const searchable = searchKey(text).length >= 2;
  const query = searchKey(asked).length >= 2 ? { q: asked.trim(), limit: String(limit) } : null;
  const r = useQuery(
    getQuery(api.api.search.$path(), query, async (q, init) =>
      ok(await api.api.search.$get({ query: q }, init), (res) => res.json()),
    ),
  );
  return {
    hits: searchable ? (r.data?.hits ?? []) : [],
    settled: asked === text && r.data !== undefined && !r.isPlaceholderData && !r.isFetching,
    searchable,
    error: r.error,
  };
}
