// Shape of one territory on the mahalla graph: its pieces (contiguity), whether another territory surrounds it
// (enclave), its boundary and Polsby–Popper compactness, and the adjacency edges it cuts.
import { UNASSIGNED, type DistrictModel, type Plan } from './model.ts';
import type { Scratch } from './territories.ts';

/**
 * Exterior boundary shorter than this is rounding between a mahalla's perimeter and its measured shared borders, not
 * an edge of the map (shared borders are vertex for vertex, so real edges are tens of metres at least).
 */
export const EXTERIOR_TOLERANCE_KM = 0.005;

/**
 * The connected pieces of a territory (mahalla indices), largest first, ties by smallest index.
 * @example piecesOf(model, plan, [0, 1, 5], scratch) // [[0, 1], [5]]
 */
export function piecesOf(model: DistrictModel, plan: Plan, members: readonly number[], s: Scratch): number[][] {
  if (members.length === 0) return [];
  const p = plan[members[0]!]!;
  const stamp = s.next();
  const { adjStart, adj } = model;
  const pieces: number[][] = [];
  for (const start of members) {
    if (s.mark[start] === stamp) continue;
    const piece = [start];
    s.mark[start] = stamp;
    for (let h = 0; h < piece.length; h++) {
      const u = piece[h]!;
      for (let e = adjStart[u]!; e < adjStart[u + 1]!; e++) {
        const v = adj[e]!;
        if (plan[v] === p && s.mark[v] !== stamp) {
          s.mark[v] = stamp;
          piece.push(v);
        }
      }
    }
    pieces.push(piece.sort((a, b) => a - b));
  }
  return pieces.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/**
 * The post whose territory wholly surrounds this one, or -1: every neighbour outside it belongs to that one post,
 * and none of its mahallas lies on the edge of the map. Unassigned neighbours surround nothing.
 *
 * @example
 * // 3×3 grid, the centre mahalla alone in post 1, the ring in post 0
 * enclaveOf(model, plan, [4]); // 0
 */
export function enclaveOf(model: DistrictModel, plan: Plan, members: readonly number[]): number {
  if (members.length === 0) return -1;
  const p = plan[members[0]!]!;
  const { adjStart, adj } = model;
  let around = -2;
  for (const u of members) {
    if (model.exteriorKm[u]! > EXTERIOR_TOLERANCE_KM) return -1;
    for (let e = adjStart[u]!; e < adjStart[u + 1]!; e++) {
      const q = plan[adj[e]!]!;
      if (q === p) continue;
      if (q === UNASSIGNED || (around !== -2 && q !== around)) return -1;
      around = q;
    }
  }
  return around === -2 ? -1 : around;
}

export interface Shape {
  areaKm2: number;
  /** the territory's boundary: its mahallas' perimeters less twice every border two of them share */
  perimeterKm: number;
  /** 4π·area / perimeter²: 1 for a disc, π/4 ≈ 0.785 for a square, lower for ragged or stretched shapes */
  polsbyPopper: number;
  /** adjacency edges between a mahalla of the territory and one outside it */
  cutEdges: number;
}

/**
 * Area, boundary, Polsby–Popper and cut edges of a territory from its mahallas alone, O(their neighbours).
 * @example shapeOf(model, plan, [0, 1]) // two 1 km squares side by side: { areaKm2: 2, perimeterKm: 6, polsbyPopper: 0.698, cutEdges: … }
 */
export function shapeOf(model: DistrictModel, plan: Plan, members: readonly number[]): Shape {
  if (members.length === 0) return { areaKm2: 0, perimeterKm: 0, polsbyPopper: 0, cutEdges: 0 };
  const p = plan[members[0]!]!;
  const { adjStart, adj, adjKm } = model;
  let area = 0,
    perimeter = 0,
    cut = 0;
  for (const u of members) {
    area += model.areaKm2[u]!;
    perimeter += model.perimeterKm[u]!;
    for (let e = adjStart[u]!; e < adjStart[u + 1]!; e++) {
      // Each inner border is met from both sides: subtracting it once per side removes it twice.
      if (plan[adj[e]!] === p) perimeter -= adjKm[e]!;
      else cut++;
    }
  }
  perimeter = Math.max(0, perimeter);
  return {
    areaKm2: area,
    perimeterKm: perimeter,
    polsbyPopper: perimeter > 0 ? (4 * Math.PI * area) / (perimeter * perimeter) : 0,
    cutEdges: cut,
  };
}

/**
 * Adjacency edges whose two mahallas have different posts (unassigned counts as one more label), within districts
 * only when `withinDistricts` (the proposer's measure: an edge on a district border is cut whatever the plan).
 * @example cutEdges(model, plan) // 12
 */
export function cutEdges(model: DistrictModel, plan: Plan, withinDistricts = false): number {
  const { adjStart, adj } = model;
  let cut = 0;
  for (let u = 0; u < model.n; u++) {
    for (let e = adjStart[u]!; e < adjStart[u + 1]!; e++) {
      const v = adj[e]!;
      if (v > u && plan[u] !== plan[v] && (!withinDistricts || model.district[u] === model.district[v])) cut++;
    }
  }
  return cut;
}
