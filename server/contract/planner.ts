// Request schema of the territory planner's district model (the editor in the browser builds its PlanState from it).
import { z } from 'zod';
import { DistrictCode } from './common.ts';

/** One district: the editor plans one district at a time, and a model of every district is too large to send. */
export const PlannerModelQuery = z.object({ district: DistrictCode });
