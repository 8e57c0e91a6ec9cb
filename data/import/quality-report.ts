// The geocoding quality report of an import, before anything is committed: the per-row findings tallied while
// placing (place.ts) plus the runs found in the stage read back sorted (quality.ts RunFinder), chunk by chunk so a
// national file never sits in memory: many records on one coordinate, and likely duplicates.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QualityTally } from './place.ts';
import { RunFinder } from './quality.ts';
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

/** Reads `sql`'s rows in chunks: key columns as Float64Arrays (NULL → NaN) and the first column as ids. */
async function feedSorted(con: DuckDBConnection, sql: string, finder: RunFinder): Promise<void> {
  const result = await con.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = chunk.getColumns();
    const ids = (cols[0] ?? []).map(String);
    finder.feed(
      cols.slice(1).map((c) => Float64Array.from(c, (v) => (v === null ? NaN : Number(v)))),
      ids,
    );
  }
}

const fromSeconds = (s: number): string => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/** The report over `import_stage` on `con` and the tally of its rows. */
export async function qualityReport(
  con: DuckDBConnection,
  kind: RecordKind,
  tally: QualityTally,
  days: { start: string; today: string },
  stackMin = STACK_MIN,
): Promise<QualityReport> {
  const stacks = new RunFinder(stackMin, LISTED, 0);
  await feedSorted(con, 'SELECT source_id, lon, lat FROM import_stage WHERE lon IS NOT NULL ORDER BY lon, lat', stacks);
  const s = stacks.end();
  // Same time and place (the point, or the mahalla when there is none) and the same category, different ids (ids
  // are unique in the stage by now).
  const dups = new RunFinder(2, LISTED);
  const cat = kind.duplicateKey ? `, hash(${kind.duplicateKey})::DOUBLE AS k` : '';
  await feedSorted(
    con,
    `SELECT source_id, epoch(${kind.time}::TIMESTAMP)::DOUBLE AS t, mahalla::DOUBLE AS m, lon, lat${cat}
     FROM import_stage ORDER BY t, m, lon, lat${cat ? ', k' : ''}`,
    dups,
  );
  const d = dups.end();
  return {
    outside: tally.outside,
    stacked: {
      min: stackMin,
      stacks: s.runs,
      records: s.rows,
      points: s.longest.map((r) => ({ lon: r.key[0]!, lat: r.key[1]!, records: r.rows })),
    },
    onCentroid: tally.onCentroid,
    future: { ...tally.future, after: days.today },
    beforeStart: { ...tally.beforeStart, before: days.start },
    duplicates: {
      groups: d.runs,
      records: d.rows,
      examples: d.longest.map((r) => ({
        ids: r.ids,
        records: r.rows,
        time: fromSeconds(r.key[0]!),
        lon: orNull(r.key[2]),
        lat: orNull(r.key[3]),
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
