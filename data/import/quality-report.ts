// The geocoding quality report of an import, before anything is committed: the per-row findings tallied while
// placing (place.ts, place-bulk.ts) plus groups counted in SQL over the stage (a national file never comes back to
// JavaScript): many records on one coordinate, and likely duplicates.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QualityTally } from './place.ts';
import type { RecordKind } from './record-kinds.ts';

/** Records on one exact coordinate from which it is reported as a stack (a station's default point, say). */
export const STACK_MIN = 10;
/** Stacks and duplicate groups listed in the report (all are counted). */
const LISTED = 20;

export interface QualityReport {
  /** records with a point in no mahalla (also row problems: they are not imported) */
  outside: QualityTally['outside'];
  stacked: {
    min: number;
    stacks: number;
    records: number;
    points: Array<{ lon: number; lat: number; records: number }>;
  };
  onCentroid: QualityTally['onCentroid'];
  future: QualityTally['future'] & { after: string };
  beforeStart: QualityTally['beforeStart'] & { before: string };
  duplicates: {
    groups: number;
    records: number;
    examples: Array<{ ids: string[]; records: number; time: string; lon: number | null; lat: number | null }>;
  };
  /** records placed by their mahalla code only: they count for it but appear on no map as a point */
  withoutPoint: number;
}

interface Group {
  groups: number;
  records: number;
  n: number;
  lon: number | null;
  lat: number | null;
  time?: string;
  ids?: string[];
}

/**
 * Groups of at least `min` rows of `import_stage` with equal `keys` (rows with a point only: a record placed by its
 * code alone is never "on one coordinate" nor a duplicate by place), the `LISTED` largest first (ties: smallest key).
 */
async function groups(con: DuckDBConnection, keys: string[], min: number, withIds = false): Promise<Group[]> {
  const names = keys.map((k) => k.split(' AS ').pop()!);
  const on = names.join(', ');
  // The ids of the listed groups only: an ordered list per group of a national stage costs seconds.
  const reader = await con.runAndReadAll(
    `WITH s AS (SELECT ${keys.join(', ')}, line, source_id FROM import_stage WHERE lon IS NOT NULL),
     g AS (SELECT ${on}, count(*)::INTEGER AS n FROM s GROUP BY ${on} HAVING count(*) >= $min),
     top AS (SELECT (count(*) OVER ())::INTEGER AS groups, (sum(n) OVER ())::INTEGER AS records, * FROM g
       ORDER BY n DESC, ${on} LIMIT ${LISTED})
     ${
       withIds
         ? `SELECT top.*, strftime(top.t, '%Y-%m-%d %H:%M:%S') AS time, list(s.source_id ORDER BY s.line)[1:5] AS ids
            FROM top JOIN s USING (${on}) GROUP BY ALL ORDER BY n DESC, ${on}`
         : `SELECT * FROM top ORDER BY n DESC, ${on}`
     }`,
    { min },
  );
  return reader.getRowObjectsJson() as unknown as Group[];
}

/** The report over `import_stage` on `con` and the tally of its rows, counted in SQL (a national file is 10 M rows). */
export async function qualityReport(
  con: DuckDBConnection,
  kind: RecordKind,
  tally: QualityTally,
  days: { start: string; today: string },
  stackMin = STACK_MIN,
): Promise<QualityReport> {
  const s = await groups(con, ['lon', 'lat'], stackMin);
  // Same time and place and the same category, different ids (ids are unique in the stage by now).
  const d = await groups(
    con,
    [`${kind.time}::TIMESTAMP AS t`, 'mahalla', 'lon', 'lat', ...(kind.duplicateKey ? [kind.duplicateKey] : [])],
    2,
    true,
  );
  return {
    outside: tally.outside,
    stacked: {
      min: stackMin,
      stacks: s[0]?.groups ?? 0,
      records: s[0]?.records ?? 0,
      points: s.map((r) => ({ lon: Number(r.lon), lat: Number(r.lat), records: r.n })),
    },
    onCentroid: tally.onCentroid,
    future: { ...tally.future, after: days.today },
    beforeStart: { ...tally.beforeStart, before: days.start },
    duplicates: {
      groups: d[0]?.groups ?? 0,
      records: d[0]?.records ?? 0,
      examples: d.map((r) => ({
        ids: r.ids ?? [],
        records: r.n,
        time: r.time ?? '',
        lon: r.lon === null ? null : Number(r.lon),
        lat: r.lat === null ? null : Number(r.lat),
      })),
    },
    withoutPoint: tally.withoutPoint,
  };
}

/** `n` and a noun, singular for one. @example count(1, 'record') // '1 record' */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The report as lines for the terminal (only what was found).
 * @example qualityLines(report) // ['12 records on one coordinate 69.2, 41.3 (a default point?)', …]
 */
export function qualityLines(q: QualityReport): string[] {
  const out: string[] = [];
  if (q.outside.records > 0) out.push(`${count(q.outside.records, 'record')} outside every mahalla`);
  for (const p of q.stacked.points)
    out.push(`${p.records} records on one coordinate ${p.lon}, ${p.lat} (a default point of a station?)`);
  if (q.stacked.stacks > q.stacked.points.length)
    out.push(`… ${q.stacked.stacks} coordinates in all carry ${q.stacked.min} or more records`);
  if (q.onCentroid.records > 0) out.push(`${count(q.onCentroid.records, 'record')} exactly on a mahalla's centroid`);
  if (q.future.records > 0) out.push(`${count(q.future.records, 'record')} dated after ${q.future.after} (the future)`);
  if (q.beforeStart.records > 0)
    out.push(`${count(q.beforeStart.records, 'record')} dated before the data start ${q.beforeStart.before}`);
  if (q.duplicates.groups > 0)
    out.push(
      `${q.duplicates.records} records in ${q.duplicates.groups} groups share time, place and category under different ids (likely duplicates), e.g. ${q.duplicates.examples[0]?.ids.join(', ')}`,
    );
  if (q.withoutPoint > 0)
    out.push(`${count(q.withoutPoint, 'record')} with only a mahalla code: counted for it, not drawn on maps`);
  return out;
}
