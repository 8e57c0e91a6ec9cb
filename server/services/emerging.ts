// Emerging hot spots: a space-time cube of weekly or monthly incident counts per mahalla, Gi* per time slice,
// Mann–Kendall on each mahalla's z-series, and the standard classes (new, intensifying, persistent, …).
import type { Db } from '../db/database.ts';
import type { EmergingFilter } from '../contract/api.ts';
import { EMERGING_CLASSES } from '../stats/emerging.ts';
import { spaceTimeGiStar } from '../stats/space-time.ts';
import { contiguity } from './hotspots.ts';
import { districtIds } from './metrics.ts';
import { recordFilter } from './incident-filter.ts';
import { addDays, nextDay } from './period.ts';

export interface EmergingResult {
  params: {
    method: 'Emerging hot spot analysis (Gi* per time slice + Mann–Kendall)';
    bin: 'week' | 'month';
    /** first day of the first bin and last day of the last bin (whole bins ending at `to`) */
    from: string;
    to: string;
    bins: number;
    categories: string[];
    statuses: string[];
    fdr: true;
  };
  classes: Array<{ id: string; label: string }>;
  /** Columnar, in mahalla id order (of the district when one is given); `category` indexes `classes`. */
  ids: number[];
  category: number[];
  finalZ: number[];
  trendZ: number[];
  trendP: number[];
  /** One mahalla's Gi* z per bin, when `mahalla` was asked for. */
  series?: { id: number; binStarts: string[]; z: number[] };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Whole bins ending on `to`: weeks of 7 days, or calendar months (the last one may be partial). */
function binStarts(f: EmergingFilter): string[] {
  if (f.bin === 'week') {
    const days = Math.round((Date.parse(f.to) - Date.parse(f.from)) / 86_400_000) + 1;
    const n = Math.floor(days / 7);
    const first = addDays(f.to, 1 - 7 * n);
    return Array.from({ length: n }, (_, k) => addDays(first, 7 * k));
  }
  const out: string[] = [];
  const [y0, m0] = f.from.split('-').map(Number) as [number, number];
  for (let y = y0, m = m0; `${y}-${String(m).padStart(2, '0')}-01` <= f.to; m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
  }
  return out;
}

export async function getEmerging(db: Db, f: EmergingFilter): Promise<EmergingResult> {
  const { table, sql: filter, params: filterParams } = recordFilter(f);
  const starts = binStarts(f);
  const nBins = starts.length;
  const first = starts[0] ?? f.from;
  const { ids, w } = await contiguity(db);
  const rows = await db.columns<{ id: number; k: number; n: number }>(
    `SELECT mahalla_id AS id,
            (CASE WHEN $bin = 'week' THEN date_diff('day', $first::TIMESTAMP, ts) // 7
                  ELSE date_diff('month', $first::TIMESTAMP, ts) END)::INTEGER AS k,
            count(*)::INTEGER AS n
     FROM ${table}
     WHERE ts >= $first::TIMESTAMP AND ts < $end::TIMESTAMP AND ${filter}
     GROUP BY ALL`,
    { bin: f.bin, first, end: nextDay(f.to), ...filterParams },
  );
  const index = new Map(ids.map((id, i) => [id, i]));
  const counts = new Float64Array(ids.length * nBins);
  rows.id.forEach((id, r) => {
    const i = index.get(id);
    const k = rows.k[r] ?? -1;
    if (i !== undefined && k >= 0 && k < nBins) counts[i * nBins + k] = rows.n[r] ?? 0;
  });
  const st = spaceTimeGiStar(counts, ids.length, nBins, w, { fdr: true });
  const keep = await districtIds(db, f.district);
  const out: EmergingResult = {
    params: {
      method: 'Emerging hot spot analysis (Gi* per time slice + Mann–Kendall)', bin: f.bin, from: first, to: f.to, bins: nBins,
      categories: f.categories, statuses: f.statuses, fdr: true,
    },
    classes: EMERGING_CLASSES.map(({ id, label }) => ({ id, label })),
    ids: [], category: [], finalZ: [], trendZ: [], trendP: [],
  };
  ids.forEach((id, i) => {
    if (keep && !keep.has(id)) return;
    out.ids.push(id);
    out.category.push(st.category[i] ?? 0);
    out.finalZ.push(round3(st.finalZ[i] ?? 0));
    out.trendZ.push(round3(st.trendZ[i] ?? 0));
    out.trendP.push(Math.round((st.trendP[i] ?? 1) * 1e5) / 1e5);
  });
  const m = f.mahalla === undefined ? undefined : index.get(f.mahalla);
  if (m !== undefined && f.mahalla !== undefined) {
    out.series = { id: f.mahalla, binStarts: starts, z: Array.from(st.z.subarray(m * nBins, (m + 1) * nBins), round3) };
  }
  return out;
}
