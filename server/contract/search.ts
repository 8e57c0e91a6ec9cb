// The name search of the header (`GET /api/search`): what may be asked and what each hit carries. Isomorphic.
import { z } from 'zod';
import { coded } from './issues.ts';
import { searchKey } from '../shared/uz-names.ts';

/** What a search finds, in the order hits of equal match are listed. */
export const SEARCH_KINDS = ['district', 'mahalla', 'inspector', 'base_point'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How a hit matched, best first: its code, its whole name, the name's start, a word's start, anywhere. */
export const MATCH_KINDS = ['code', 'exact', 'prefix', 'word', 'substring'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Hits one search returns at most. */
export const SEARCH_LIMIT_MAX = 50;

export const SearchQuery = z.object({
  /** a name in either script with any apostrophe, or a code (mahalla 10 digits, district 7) */
  q: z
    .string({ error: 'is required (a name or code to look for)' })
    .max(100, 'must be at most 100 characters')
    .refine(
      (q) => searchKey(q).length >= 2,
      coded('too_few_letters', 'must have at least 2 letters or digits', { min: 2 }),
    ),
  limit: z
    .string()
    .regex(/^\d{1,2}$/, `must be a whole number from 1 to ${SEARCH_LIMIT_MAX}`)
    .transform(Number)
    .refine(
      (n) => n >= 1 && n <= SEARCH_LIMIT_MAX,
      coded('out_of_range', `must be a whole number from 1 to ${SEARCH_LIMIT_MAX}`, { min: 1, max: SEARCH_LIMIT_MAX }),
    )
    .default(10),
});

/** [west, south, east, north], lon/lat degrees. */
export type BBox = [number, number, number, number];

export interface SearchHit {
  kind: SearchKind;
  id: number;
  /** as stored (Uzbek Latin); the web shows it in the reader's script (server/shared/uz-names.ts displayName) */
  name: string;
  /** the official Russian name (districts), null where there is none */
  nameRu: string | null;
  /** mahalla code, district SOATO code, or an inspector's or base point's id in the department's records */
  code: string | null;
  /** the district it lies in (a district: itself) */
  district: { soato: string; name: string; nameRu: string | null } | null;
  /** where to fly: the outline's box (mahallas, districts) or a point (base points, an inspector's base point) */
  bbox: BBox | null;
  point: [number, number] | null;
  match: MatchKind;
}

export interface SearchResult {
  hits: SearchHit[];
}
