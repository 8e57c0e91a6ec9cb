// Request schema of the heat map's binned answer (records per H3 cell at national and regional zoom). Isomorphic: zod only.
import { z } from 'zod';
import { coded } from './issues.ts';
import { RangeFields, checkRange } from './common.ts';

/** The coarsest and finest H3 resolutions the heat map is binned at (3: ≈ 12,000 km² a cell, 8: ≈ 0.7 km²). */
export const HEAT_RESOLUTIONS = { min: 3, max: 8 } as const;

/** A box of WGS84 degrees: west ≤ lon < east, south ≤ lat < north (half-open, so boxes that tile share no cell). */
export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

const BBOX_REASON = 'must be west,south,east,north in degrees (west < east within ±180, south < north within ±90)';

/**
 * `bbox=west,south,east,north`: only the cells whose centre lies in the box (the map's view, padded). A box across
 * the antimeridian is not needed in Uzbekistan and is refused rather than guessed.
 * @example Bbox.parse('69,41,70,42') // { west: 69, south: 41, east: 70, north: 42 }
 */
export const BboxParam = z
  .string()
  .max(100)
  .transform((s, ctx): Bbox => {
    const parts = s.split(',');
    const v = parts.map((x) => (/^\s*-?\d+(\.\d+)?\s*$/.test(x) ? Number(x) : NaN));
    const [west = NaN, south = NaN, east = NaN, north = NaN] = v;
    const ok =
      v.length === 4 &&
      v.every(Number.isFinite) &&
      west >= -180 &&
      east <= 180 &&
      west < east &&
      south >= -90 &&
      north <= 90 &&
      south < north;
    if (!ok) {
      ctx.addIssue({ code: 'custom', ...coded('invalid_bbox', BBOX_REASON) });
      return z.NEVER;
    }
    return { west, south, east, north };
  });

/** The range filters, the resolution of the bins and, optionally, the box they are wanted in. */
export const HeatBinsQuery = RangeFields.extend({
  res: z
    .string({
      error: (iss) =>
        iss.input === undefined ? 'is required (an H3 resolution, 3–8)' : 'must be an H3 resolution, 3–8',
    })
    .regex(/^[3-8]$/, 'must be an H3 resolution, 3–8')
    .transform(Number),
  bbox: BboxParam.optional(),
}).superRefine(checkRange);
