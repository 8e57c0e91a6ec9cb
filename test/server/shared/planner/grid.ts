// Hand-drawn grid districts for the planner's tests: rows × cols squares of 1 km² (perimeter 4 km, 1 km borders
// between rook neighbours; corner contacts listed with 0 km, as the ingest does, so the model must drop them).
// Mahalla k is row floor(k / cols), column k % cols; its id is 100 + k; lon/lat step 0.01° (distances unused unless a
// test weights them).
import {
  buildModel,
  planOf,
  type DistrictModel,
  type Plan,
  type PostInput,
} from '../../../../server/shared/planner/model.ts';
import { WEIGHT_KEYS, type WorkloadWeights } from '../../../../server/shared/planner/workload.ts';

export interface GridOptions {
  residents?: (k: number) => number;
  incidents?: (k: number) => number[];
  applications?: (k: number) => number;
  jointActions?: (k: number) => number;
  /** district of mahalla k (default: one district 'D') */
  district?: (k: number) => string;
  /** posts; default one per post index used, all in district 'D' at the grid's corner */
  posts: PostInput[];
  categories?: string[];
  days?: number;
}

export const id = (k: number): number => 100 + k;

export function grid(rows: number, cols: number, o: GridOptions): DistrictModel {
  const cells = rows * cols;
  const a: number[] = [],
    b: number[] = [],
    km: number[] = [];
  const pair = (i: number, j: number, len: number): void => void (a.push(id(i)), b.push(id(j)), km.push(len));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      if (c + 1 < cols) pair(k, k + 1, 1);
      if (r + 1 < rows) pair(k, k + cols, 1);
      if (r + 1 < rows && c + 1 < cols) pair(k, k + cols + 1, 0);
      if (r + 1 < rows && c > 0) pair(k, k + cols - 1, 0);
    }
  }
  const categories = o.categories ?? ['person'];
  return buildModel({
    mahallas: Array.from({ length: cells }, (_, k) => ({
      id: id(k),
      district: o.district?.(k) ?? 'D',
      residents: o.residents?.(k) ?? 1,
      incidents: o.incidents?.(k) ?? categories.map(() => 0),
      applications: o.applications?.(k) ?? 0,
      jointActions: o.jointActions?.(k) ?? 0,
      areaKm2: 1,
      perimeterKm: 4,
      lon: 69 + 0.01 * (k % cols),
      lat: 41 - 0.01 * Math.floor(k / cols),
    })),
    adjacency: { a, b, sharedKm: km },
    posts: o.posts,
    categories,
    days: o.days ?? 30,
  });
}

/** A post in district `district` at the grid's top-left corner. */
export const post = (inspectorId: number | null, district = 'D'): PostInput => ({
  inspectorId,
  district,
  lon: 69,
  lat: 41,
});

/** A plan from a picture: one character per mahalla, row by row ('.' = unassigned, digits = post index). */
export function drawn(model: DistrictModel, picture: string): Plan {
  const chars = picture.replace(/\s+/g, '');
  if (chars.length !== model.n) throw new Error(`picture has ${chars.length} cells for ${model.n} mahallas`);
  const pairs = new Map<number, number>();
  [...chars].forEach((ch, k) => ch !== '.' && pairs.set(id(k), Number(ch)));
  return planOf(model, pairs);
}

/** Weights that are all 0 but the named ones. */
export const only = (w: Partial<WorkloadWeights>): WorkloadWeights => ({
  ...(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, 0])) as Record<(typeof WEIGHT_KEYS)[number], number>),
  categories: {},
  ...w,
});
