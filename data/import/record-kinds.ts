// The importable record kinds, one module each under kinds/, and the shared column schema (record-columns.ts),
// gathered here so importers name one module.
import { APPLICATIONS } from './kinds/applications.ts';
import { INCIDENTS } from './kinds/incidents.ts';

export { APPLICATIONS, INCIDENTS };
export { BASE_POINTS, INSPECTORS, TERRITORIES } from './kinds/reference.ts';
export { normalizeLabel, type ColumnType, type RecordColumn, type RecordKind } from './record-columns.ts';

export const RECORD_KINDS = { incidents: INCIDENTS, applications: APPLICATIONS } as const;
export type RecordKindName = keyof typeof RECORD_KINDS;
