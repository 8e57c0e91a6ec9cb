// Request schemas of the applications flow. Isomorphic: zod only.
import type { z } from 'zod';
import { MahallaId, PeriodFields, checkRange } from './common.ts';

/** Applications flow: a period, optionally some districts and/or one mahalla. */
export const FlowQuery = PeriodFields.extend({ mahalla: MahallaId.optional() }).superRefine(checkRange);
export type FlowFilter = z.output<typeof FlowQuery>;

/** Applications per mahalla for the map: a period and optionally some districts. */
export const FlowMahallasQuery = PeriodFields.superRefine(checkRange);
export type FlowMahallasFilter = z.output<typeof FlowMahallasQuery>;
