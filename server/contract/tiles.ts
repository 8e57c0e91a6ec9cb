// The mahalla vector tiles: a TileJSON naming the tile URLs (with the boundaries' fingerprint, so a cached tile of old
// boundaries is never mixed with new ones) and the tiles themselves.
import { z } from 'zod';

export const TileParams = z.object({
  fp: z.string().regex(/^[0-9a-z-]{1,40}$/, 'must be the fingerprint the TileJSON names'),
  z: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).max(24),
  x: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0),
  file: z.string().regex(/^\d{1,8}\.pbf$/, 'must be the tile row followed by .pbf'),
});

/** The header of the packed index: names by row, district codes and names by district index. */
export interface MahallaIndexMeta {
  names: string[];
  districts: Array<{ soato: string; name: string }>;
}
