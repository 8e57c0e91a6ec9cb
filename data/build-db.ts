// Builds a complete Hamkor database from the shipped boundaries: mahallas (generated or imported), staff,
// incidents, applications, joint actions. Written to `<out>.tmp` and renamed at the end: all or nothing.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { openDb, type Db } from '../server/db/database.ts';
import { flattenPolygons } from '../server/geo/flat-polygons.ts';
import { PolygonIndex } from '../server/geo/polygon-index.ts';
import { computeAdjacency } from '../server/geo/adjacency.ts';
import { boundaryFingerprint, storeTiles, tileInput } from '../server/tiles/store.ts';
import { cutTiles } from '../server/tiles/tiles.ts';
import { hexResolutions } from '../server/services/hotspots/hexagons.ts';
import { writeCellResidents } from '../server/services/hotspots/cell-residents.ts';
import { INCIDENT_CATEGORIES, SERVICES, SERVICE_LABELS } from '../server/contract/catalog.ts';
import { loadDistricts, loadRegions, type DistrictBoundary } from './generate/boundaries.ts';
import { generateMahallas, type Mahalla } from './generate/mahallas.ts';
import { assignPopulation, assignTerritories, inspectorIdentity } from './generate/people.ts';
import { Rng } from './generate/random.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { DEFAULT_SEED, PERIOD, SCALES, TASHKENT_DISTRICT_WEIGHTS, type ScaleName } from './generate/scales.ts';
import { makeHotspots, PlaceSampler } from './generate/space-time.ts';
import { generateIncidents } from './generate/incidents.ts';
import { generateApplications } from './generate/applications.ts';
import { generateJointActions } from './generate/joint-actions.ts';
import { appendRows, createSchema, loadApplications, loadIncidents, writeMonthlyCounts } from './load.ts';
import { writeJointActions } from './load-joint-actions.ts';
import { normalizeUzName } from '../server/shared/uz-names.ts';

/** A mahalla to load: generated (data/generate) or imported, then optionally with known residents. */
export type MahallaInput = Mahalla & { population?: number; households?: number };

export interface BuildOptions {
  scale: ScaleName;
  out: string;
  seed?: number;
  /** Real mahalla boundaries (validated by data/import); when absent, demo ones are generated. */
  mahallas?: { source: string; items: MahallaInput[] };
  log?: (line: string) => void;
}

export interface BuildReport {
  out: string;
  seconds: number;
  peakRssMb: number;
  counts: Record<string, number>;
}

/** Builds the database at `opts.out`. Deterministic for a given scale and seed (except `built_at`). */
export async function buildDatabase(opts: BuildOptions): Promise<BuildReport> {
  const t0 = performance.now();
  const log = opts.log ?? (() => undefined);
  let peak = process.memoryUsage().rss;
  const step = (what: string): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
    log(`${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${what}`);
  };
  const scale = SCALES[opts.scale];
  const seed = opts.seed ?? DEFAULT_SEED;
  const rng = new Rng(seed);
  const districts = loadDistricts(scale);
  const regions = loadRegions(districts);

  const mahallas: MahallaInput[] =
    opts.mahallas?.items ??
    generateMahallas(
      districts.map((d) => ({ soato: d.soato, name: d.nameUz, geometry: d.geometry, areaKm2: d.areaKm2 })),
      { total: scale.mahallas, mode: scale.name === 'national' ? 'national' : 'city', seed },
    );
  const synthetic = !opts.mahallas;
  step(`${mahallas.length} mahallas ${synthetic ? 'generated' : `imported from ${opts.mahallas?.source}`}`);

  const flat = flattenPolygons(mahallas.map((m) => m.geometry));
  const index = new PolygonIndex(flat);
  const adjacency = computeAdjacency(flat);
  const neighbours: number[][] = mahallas.map(() => []);
  for (let i = 0; i < adjacency.a.length; i++) {
    const a = adjacency.a[i] ?? 0;
    const b = adjacency.b[i] ?? 0;
    neighbours[a]?.push(b);
    neighbours[b]?.push(a);
  }
  step(`spatial index and adjacency (${adjacency.a.length} pairs)`);

  const generated = assignPopulation(
    mahallas,
    scale.population,
    rng,
    scale.boundaries === 'tashkent-osm' ? TASHKENT_DISTRICT_WEIGHTS : undefined,
  );
  const population = Int32Array.from(mahallas, (m, i) => m.population ?? generated.population[i] ?? 0);
  const households = Int32Array.from(mahallas, (m, i) => m.households ?? generated.households[i] ?? 0);
  const territories = assignTerritories(mahallas, population, neighbours, rng);

  const tmp = `${opts.out}.tmp`;
  for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
  const db = await openDb(tmp);
  try {
    await createSchema(db);
    const con = await db.connect();
    await writeBoundaries(db, regions, districts);
    await appendRows(
      con,
      'mahallas',
      mahallas.map((m, i) => [
        i + 1,
        m.code,
        normalizeUzName(m.name),
        m.districtSoato,
        population[i] ?? 0,
        households[i] ?? 0,
        m.areaKm2,
        m.centroid[0],
        m.centroid[1],
        synthetic,
        JSON.stringify(m.geometry),
      ]),
      new Set([0, 4, 5]),
    );
    await appendRows(
      con,
      'mahalla_adjacency',
      Array.from(adjacency.a, (a, i) => [a + 1, (adjacency.b[i] ?? 0) + 1, adjacency.sharedM[i] ?? 0]),
      new Set([0, 1]),
    );
    await appendRows(
      con,
      'base_points',
      territories.basePoints.map((b, j) => [
        j + 1,
        // Stored in Uzbek, as the service names them; the UI writes it in the reader's script (useNameOf).
        `${j + 1}-sonli tayanch punkti`,
        b.districtSoato,
        b.mahalla + 1,
        b.lon,
        b.lat,
      ]),
      new Set([0, 3]),
    );
    const identities = Array.from({ length: territories.inspectorCount }, () => inspectorIdentity(rng));
    await appendRows(
      con,
      'inspectors',
      identities.map((p, k) => [
        k + 1,
        p.name,
        p.rank,
        territories.inspectorDistrict[k] ?? '',
        (territories.inspectorBase[k] ?? 0) + 1,
      ]),
      new Set([0, 4]),
    );
    const assigned = [...territories.inspectorOf].flatMap((k, i) =>
      k >= 0 ? [[i + 1, k + 1, '2023-01-09'] as const] : [],
    );
    await appendRows(con, 'territory_assignment', assigned, new Set([0, 1]));
    await appendRows(
      con,
      'services',
      SERVICES.map((s, i) => [s, SERVICE_LABELS[s], i + 1]),
      new Set([2]),
    );
    con.closeSync();
    step(`${territories.inspectorCount} inspectors, ${territories.basePoints.length} base points`);

    const centroids = mahallas.map((m) => m.centroid);
    const places = new PlaceSampler(index, flat.bbox, centroids, population, rng);
    const hotspots = makeHotspots(centroids, population, INCIDENT_CATEGORIES.length, rng);
    const incidents = await loadIncidents(db, generateIncidents(scale.incidents, places, hotspots, rng), index);
    step(`${incidents} incidents`);
    const applications = await loadApplications(
      db,
      generateApplications(scale.applications, places, hotspots, rng),
      index,
    );
    step(`${applications} applications`);
    const territoryLists: number[][] = Array.from({ length: territories.inspectorCount }, () => []);
    territories.inspectorOf.forEach((k, i) => {
      if (k >= 0) territoryLists[k]?.push(i);
    });
    const actions = await writeJointActions(db, generateJointActions(scale.jointActions, territoryLists, rng));
    step(`${actions} joint actions`);

    const meta: Record<string, string> = {
      scale: scale.name,
      seed: String(seed),
      built_at: new Date().toISOString(),
      period_start: PERIOD.start,
      period_end: PERIOD.end,
      schema_version: String(SCHEMA_VERSION),
      mahalla_source: synthetic ? 'synthetic' : (opts.mahallas?.source ?? 'imported'),
    };
    await db.run(`INSERT INTO meta SELECT unnest($k), unnest($v)`, { k: Object.keys(meta), v: Object.values(meta) });
    await writeMonthlyCounts(db);
    const tiles = await storeTiles(db, await cutTiles(await tileInput(db)), await boundaryFingerprint(db));
    step(`${tiles} vector tiles of the mahallas`);
    const hexRes = await hexResolutions(db);
    await writeCellResidents(db, hexRes);
    step(`residents of H3 cells at resolutions ${hexRes.join(', ')}`);
    await db.run('CHECKPOINT');
    db.close();
  } catch (err) {
    db.close();
    for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
    throw err;
  }
  for (const f of [opts.out, `${opts.out}.wal`]) if (existsSync(f)) rmSync(f);
  renameSync(tmp, opts.out);
  step(`written ${opts.out}`);
  return {
    out: opts.out,
    seconds: (performance.now() - t0) / 1000,
    peakRssMb: Math.round(peak / 2 ** 20),
    counts: {
      mahallas: mahallas.length,
      inspectors: territories.inspectorCount,
      incidents: scale.incidents,
      applications: scale.applications,
      jointActions: scale.jointActions,
    },
  };
}

async function writeBoundaries(
  db: Db,
  regions: ReturnType<typeof loadRegions>,
  districts: DistrictBoundary[],
): Promise<void> {
  const con = await db.connect();
  await appendRows(
    con,
    'regions',
    regions.map((r) => [r.soato, r.nameUz, r.nameRu, r.nameEn, JSON.stringify(r.geometry), r.nameUzCyrl]),
    new Set(),
  );
  await appendRows(
    con,
    'districts',
    districts.map((d) => [
      d.soato,
      d.regionSoato,
      d.nameUz,
      d.nameRu,
      d.nameEn,
      d.areaKm2,
      d.source,
      JSON.stringify(d.geometry),
      d.nameUzCyrl,
    ]),
    new Set(),
  );
  con.closeSync();
}
