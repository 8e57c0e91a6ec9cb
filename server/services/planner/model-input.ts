// A district model as the plain input it was built from (mahallas, adjacency by id, inspectors' base points), so the
// editor in the browser can rebuild it with buildModel and the posts of the version it edits.
import type { DistrictModel, ModelInput } from '../../shared/planner/model.ts';

/** A base point per inspector of the model: vacant posts of a version are placed by the editor. */
export interface BaseInput {
  inspectorId: number;
  district: string;
  lon: number;
  lat: number;
}

export type ModelJson = Omit<ModelInput, 'posts'> & { bases: BaseInput[] };

const r = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The input of `model` with each adjacency pair once (a < b); the model's posts become inspectors' base points.
 * @example modelInputOf(model).mahallas[0]!.id // 1726294001
 */
export function modelInputOf(model: DistrictModel): ModelJson {
  const k = model.categories.length;
  const a: number[] = [];
  const b: number[] = [];
  const sharedKm: number[] = [];
  for (let m = 0; m < model.n; m++)
    for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]!; e++) {
      const q = model.adj[e]!;
      if (q <= m) continue;
      a.push(model.ids[m]!);
      b.push(model.ids[q]!);
      sharedKm.push(r(model.adjKm[e]!, 5));
    }
  const bases: BaseInput[] = [];
  for (let p = 0; p < model.p; p++)
    if (model.inspector[p]! >= 0)
      bases.push({
        inspectorId: model.inspector[p]!,
        district: model.districts[model.postDistrict[p]!]!,
        lon: model.postLon[p]!,
        lat: model.postLat[p]!,
      });
  return {
    mahallas: Array.from(model.ids, (id, m) => ({
      id,
      district: model.districts[model.district[m]!]!,
      residents: model.residents[m]!,
      incidents: Array.from(model.incidents.subarray(m * k, m * k + k)),
      applications: model.applications[m]!,
      jointActions: r(model.jointActions[m]!, 4),
      areaKm2: r(model.areaKm2[m]!, 5),
      perimeterKm: r(model.perimeterKm[m]!, 5),
      lon: model.lon[m]!,
      lat: model.lat[m]!,
    })),
    adjacency: { a, b, sharedKm },
    categories: model.categories,
    days: model.days,
    bases,
  };
}
