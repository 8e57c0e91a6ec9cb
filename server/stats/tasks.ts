// The statistics the pool may run off the main thread: whole analyses whose loops over thousands of units and
// hundreds of time bins would otherwise hold the server's event loop for hundreds of milliseconds.
import { buildStudyArea } from '../geo/h3-study-area.ts';
import { neighbourhoodExcess } from './neighbourhood-excess.ts';
import { spaceTimeExcess, spaceTimeExcessOfRows } from './space-time.ts';
import { spatialScan } from './scan.ts';
import { spaceTimeScan } from './scan-space-time.ts';

export const TASKS = {
  spaceTimeExcess,
  spaceTimeExcessOfRows,
  spatialScan,
  spaceTimeScan,
  neighbourhoodExcess,
  buildStudyArea,
} as const;
export type TaskName = keyof typeof TASKS;

/** The buffers of every typed array directly inside a result (object values or array items), to move them. */
export function transferables(result: unknown): ArrayBuffer[] {
  const values = result && typeof result === 'object' ? Object.values(result) : [];
  const out = new Set<ArrayBuffer>();
  for (const v of values) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  return [...out];
}
