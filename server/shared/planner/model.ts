// The territory planner's district model: mahallas with their workload inputs, who borders whom (CSR), the posts
// (inspectors or vacant posts) with their base points. Typed arrays indexed by position, never by id, so the same
// model runs the editor in the browser and the proposer in Node. Coordinates are lon/lat degrees, lengths km.

/** A plan: for each mahalla (by index), the index of its post, or UNASSIGNED. */
export type Plan = Int32Array;
export const UNASSIGNED = -1;

export interface MahallaInput {
  id: number;
  /** district SOATO code: a mahalla never leaves its district */
  district: string;
  residents: number;
  /** incidents in the period by category, in the order of `ModelInput.categories` */
  incidents: ArrayLike<number>;
  applications: number;
  /** joint actions the cooperation plan requires in this mahalla for the period */
  jointActions: number;
  areaKm2: number;
  /** the mahalla's whole boundary, km (borders with neighbours included) */
  perimeterKm: number;
  /** the point distances from a base point are measured to */
  lon: number;
  lat: number;
}

export interface PostInput {
  /** the inspector holding the post; null for a vacant post */
  inspectorId: number | null;
  district: string;
  /** base point */
  lon: number;
  lat: number;
}

export interface ModelInput {
  mahallas: readonly MahallaInput[];
  /** neighbour pairs by mahalla id, each once or both ways; sharedKm = length of the common border */
  adjacency: { a: ArrayLike<number>; b: ArrayLike<number>; sharedKm: ArrayLike<number> };
  posts: readonly PostInput[];
  /** incident category codes, the columns of `MahallaInput.incidents` */
  categories: readonly string[];
  /** days the counts cover (the incidents norm is scaled to it) */
  days: number;
}

export interface DistrictModel {
  /** mahallas */
  n: number;
  ids: Int32Array;
  /** district index of each mahalla, into `districts` */
  district: Int32Array;
  districts: readonly string[];
  /** mahallas of district d: mahallaList[mahallaStart[d] … mahallaStart[d+1]) */
  mahallaStart: Int32Array;
  mahallaList: Int32Array;
  residents: Float64Array;
  /** n × categories, row-major */
  incidents: Float64Array;
  /** incidents of every category, per mahalla */
  incidentTotal: Float64Array;
  categories: readonly string[];
  applications: Float64Array;
  jointActions: Float64Array;
  areaKm2: Float64Array;
  perimeterKm: Float64Array;
  /** boundary not shared with another mahalla of the model (city edge, or a district edge in a one-district model) */
  exteriorKm: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  /** neighbours of m: adj[adjStart[m] … adjStart[m+1]) with the common border's length in adjKm */
  adjStart: Int32Array;
  adj: Int32Array;
  adjKm: Float64Array;
  /** posts */
  p: number;
  /** inspector id per post, VACANT for a vacant post */
  inspector: Int32Array;
  postDistrict: Int32Array;
  postLon: Float64Array;
  postLat: Float64Array;
  /** posts of district d: postList[postStart[d] … postStart[d+1]); rank[p] = p's position among its district's */
  postStart: Int32Array;
  postList: Int32Array;
  rank: Int32Array;
  days: number;
  /** mahalla id → index */
  index: ReadonlyMap<number, number>;
}

export const VACANT = -1;

/** Two mahallas that touch only at a corner are not neighbours for a territory: nobody walks through a point. */
const MIN_SHARED_KM = 1e-6;

/** Group items 0…count-1 by key (0…groups-1) as CSR: start offsets and the items in ascending order. */
function groupBy(keys: Int32Array, groups: number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (const k of keys) start[k + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const list = new Int32Array(keys.length);
  keys.forEach((k, i) => (list[fill[k]!++] = i));
  return { start, list };
}

/**
 * The model of some districts: indexes, the adjacency as CSR (symmetric, corner-only contacts dropped, pairs
 * across districts kept for contiguity and enclave checks but never painted across), exterior boundary lengths.
 * Throws on duplicate ids, unknown ids in the adjacency, posts of a district without mahallas, or incident rows
 * whose length is not the number of categories.
 *
 * @example
 * const m = buildModel({ mahallas: [a, b], adjacency: { a: [a.id], b: [b.id], sharedKm: [1] }, posts: [post], categories: ['person'], days: 30 });
 * m.adj.subarray(m.adjStart[0], m.adjStart[1]); // Int32Array [1]
 */
export function buildModel(input: ModelInput): DistrictModel {
  const { mahallas, posts, categories } = input;
  const n = mahallas.length;
  const index = new Map<number, number>();
  const districts: string[] = [];
  const districtOf = new Map<string, number>();
  const district = new Int32Array(n);
  const c = categories.length;
  const f = (): Float64Array => new Float64Array(n);
  const [residents, applications, jointActions, areaKm2, perimeterKm, lon, lat, incidentTotal] = [
    f(),
    f(),
    f(),
    f(),
    f(),
    f(),
    f(),
    f(),
  ];
  const incidents = new Float64Array(n * c);
  mahallas.forEach((m, i) => {
    if (index.has(m.id)) throw new Error(`mahalla ${m.id} appears twice`);
    if (m.incidents.length !== c)
      throw new Error(`mahalla ${m.id}: ${m.incidents.length} incident counts for ${c} categories`);
    index.set(m.id, i);
    if (!districtOf.has(m.district)) districtOf.set(m.district, districts.push(m.district) - 1);
    district[i] = districtOf.get(m.district)!;
    residents[i] = m.residents;
    applications[i] = m.applications;
    jointActions[i] = m.jointActions;
    areaKm2[i] = m.areaKm2;
    perimeterKm[i] = m.perimeterKm;
    lon[i] = m.lon;
    lat[i] = m.lat;
    for (let k = 0; k < c; k++) {
      incidents[i * c + k] = m.incidents[k]!;
      incidentTotal[i]! += m.incidents[k]!;
    }
  });
  const { start: mahallaStart, list: mahallaList } = groupBy(district, districts.length);

  // Adjacency: both directions, duplicates merged (longest border kept), corners dropped.
  const pairs = new Map<number, number>();
  const { a, b, sharedKm } = input.adjacency;
  for (let k = 0; k < a.length; k++) {
    const i = index.get(a[k]!),
      j = index.get(b[k]!);
    if (i === undefined || j === undefined)
      throw new Error(`adjacency ${a[k]}–${b[k]} names a mahalla not in the model`);
    const km = sharedKm[k]!;
    if (i === j || !(km > MIN_SHARED_KM)) continue;
    for (const key of [i * n + j, j * n + i]) pairs.set(key, Math.max(km, pairs.get(key) ?? 0));
  }
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  const adjStart = new Int32Array(n + 1);
  const adj = new Int32Array(keys.length);
  const adjKm = new Float64Array(keys.length);
  const exteriorKm = perimeterKm.slice();
  keys.forEach((key, e) => {
    const i = Math.floor(key / n);
    adjStart[i + 1]!++;
    adj[e] = key % n;
    adjKm[e] = pairs.get(key)!;
    exteriorKm[i]! -= adjKm[e];
  });
  for (let i = 0; i < n; i++) {
    adjStart[i + 1]! += adjStart[i]!;
    exteriorKm[i] = Math.max(0, exteriorKm[i]!);
  }

  const postFields = indexPosts(districts, posts);
  return {
    n,
    ids: Int32Array.from(mahallas, (m) => m.id),
    district,
    districts,
    mahallaStart,
    mahallaList,
    residents,
    incidents,
    incidentTotal,
    categories,
    applications,
    jointActions,
    areaKm2,
    perimeterKm,
    exteriorKm,
    lon,
    lat,
    adjStart,
    adj,
    adjKm,
    ...postFields,
    days: input.days,
    index,
  };
}

export type PostFields = Pick<
  DistrictModel,
  'p' | 'inspector' | 'postDistrict' | 'postLon' | 'postLat' | 'postStart' | 'postList' | 'rank'
>;

/**
 * The post arrays of a model whose districts are `districts`; throws for a post of another district.
 * @example indexPosts(['1726294'], [{ inspectorId: 7, district: '1726294', lon: 69.2, lat: 41.3 }]).postList // Int32Array [0]
 */
export function indexPosts(districts: readonly string[], posts: readonly PostInput[]): PostFields {
  const p = posts.length;
  const inspector = new Int32Array(p);
  const postDistrict = new Int32Array(p);
  const postLon = new Float64Array(p);
  const postLat = new Float64Array(p);
  posts.forEach((post, k) => {
    const d = districts.indexOf(post.district);
    if (d === -1) throw new Error(`post ${k} is in district ${post.district}, which has no mahalla in the model`);
    inspector[k] = post.inspectorId ?? VACANT;
    postDistrict[k] = d;
    postLon[k] = post.lon;
    postLat[k] = post.lat;
  });
  const { start: postStart, list: postList } = groupBy(postDistrict, districts.length);
  const rank = new Int32Array(p);
  for (let d = 0; d < districts.length; d++) {
    for (let k = postStart[d]!; k < postStart[d + 1]!; k++) rank[postList[k]!] = k - postStart[d]!;
  }
  return { p, inspector, postDistrict, postLon, postLat, postStart, postList, rank };
}

/**
 * A plan from mahalla id → post index pairs; mahallas not named are unassigned.
 * @example planOf(model, new Map([[101, 0], [102, 0]])) // Int32Array [0, 0, -1, …]
 */
export function planOf(model: DistrictModel, postOfMahalla: ReadonlyMap<number, number>): Plan {
  const plan = new Int32Array(model.n).fill(UNASSIGNED);
  for (const [id, post] of postOfMahalla) {
    const i = model.index.get(id);
    if (i === undefined) throw new Error(`mahalla ${id} is not in the model`);
    if (!(post >= 0 && post < model.p)) throw new Error(`mahalla ${id}: no post ${post}`);
    if (model.postDistrict[post] !== model.district[i])
      throw new Error(`mahalla ${id} and post ${post} are in different districts`);
    plan[i] = post;
  }
  return plan;
}

/** Mahallas whose post differs between two plans. @example movedBetween(Int32Array.of(0, 1), Int32Array.of(0, 0)) // [1] */
export function movedBetween(a: Plan, b: Plan): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}
