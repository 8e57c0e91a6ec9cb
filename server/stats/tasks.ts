// The statistics the pool may run off the main thread: whole analyses whose loops over thousands of units and
// hundreds of time bins would otherwise hold the server's event loop for hundreds of milliseconds.
import { cellResidents } from '../geo/h3-study-area.ts';
import { hexagonColumns, keepStudyArea } from './hexagon-task.ts';
import { neighbourhoodExcess } from './neighbourhood-excess.ts';
import { classifyUnits, testSlices } from './space-time-parts.ts';
import { spatialScan } from './scan.ts';
import { spaceTimeScan } from './scan-space-time.ts';

export const TASKS = {
  testSlices,
  classifyUnits,
  spatialScan,
  spaceTimeScan,
  neighbourhoodExcess,
  cellResidents,
  keepStudyArea,
  hexagonColumns,
} as const;
export type TaskName = keyof typeof TASKS;

/**
 * The buffers of every typed array inside a result (object values or array items, and those of objects inside it,
 * like the hexagons' `columns`), to move them.
 * @example transferables({ columns: { count: new Uint32Array(2) } }) // [its ArrayBuffer]
 */
export function transferables(result: unknown, depth = 2, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  const values = result && typeof result === 'object' ? Object.values(result) : [];
  for (const v of values) {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (depth > 1 && v && typeof v === 'object') transferables(v, depth - 1, out);
  }
  return [...out];
}
