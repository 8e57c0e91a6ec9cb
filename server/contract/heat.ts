// Request schema of the heat map's binned answer (records per H3 cell at national and regional zoom). Isomorphic: zod only.
import { z } from 'zod';
import { RangeFields, checkRange } from './common.ts';

/** The coarsest and finest H3 resolutions the heat map is binned at (3: ≈ 12,000 km² a cell, 8: ≈ 0.7 km²). */
export const HEAT_RESOLUTIONS = { min: 3, max: 8 } as const;

/** The range filters and the resolution of the bins. */
export const HeatBinsQuery = RangeFields.extend({
  res: z
    .string({
      error: (iss) =>
        iss.input === undefined ? 'is required (an H3 resolution, 3–8)' : 'must be an H3 resolution, 3–8',
    })
    .regex(/^[3-8]$/, 'must be an H3 resolution, 3–8')
    .transform(Number),
}).superRefine(checkRange);
