// What the database holds: scale, period, provenance, districts, vocabularies. Read once per server start.
import { basename } from 'node:path';
import type { Db } from '../db/database.ts';
import { perDb } from '../db/per-db.ts';
import { CATEGORY_LABELS, INCIDENT_CATEGORIES } from '../contract/catalog.ts';
import { addDays } from '../shared/period.ts';
import type { PlaceNames } from '../shared/uz-names.ts';
import { withListedRegions } from './region-names.ts';
import { studyArea } from './hotspots/hotspots.ts';
import type { StudyAreaScope } from '../contract/hotspots.ts';

/** One source of the boundaries the map draws: its name and licence as its owners write them (never translated). */
export interface Credit {
  name: string;
  licence: string;
  /** credited to its contributors ("© OpenStreetMap contributors"), in the reader's words (web: credits.*) */
  contributors: boolean;
}

/**
 * The sources the map must credit (every real dataset shipped in data/geo, data/geo/SOURCES.md): data, not a sentence,
 * so that the web words the line in the reader's language ("Boundaries: …", "Границы: …").
 */
export const CREDITS: readonly Credit[] = [
  { name: 'OpenStreetMap', licence: 'ODbL', contributors: true },
  { name: 'OCHA ROCCA COD-AB', licence: 'CC BY 3.0 IGO', contributors: false },
];

export interface Meta {
  scale: string;
  builtAt: string;
  /** inclusive days covered by the data */
  period: { start: string; end: string };
  mahallaSource: string;
  synthetic: boolean;
  /** the sources of the boundaries, to credit on every map, print and export */
  credits: Credit[];
  /** `name` is the Latin Uzbek name; `nameUzCyrl` and `nameRu` the official ones (null: not in the code list). */
  districts: Array<PlaceNames & { soato: string; mahallas: number; population: number }>;
  /** The regions of the listed districts, named as districts are (from the official list where the database has none). */
  regions: Array<PlaceNames & { soato: string }>;
  categories: Array<{ code: string; label: string }>;
  counts: { mahallas: number; inspectors: number; incidents: number; applications: number; jointActions: number };
  /** [minLon, minLat, maxLon, maxLat] of all mahallas */
  bbox: [number, number, number, number];
  /** The latest committed import of each record kind (data/import/commit.ts); a kind not listed is the generated demo. */
  imports: Array<{ kind: string; file: string; sha256: string; importedAt: string; records: number }>;
  /** The whole database's area, as every test's study area (the city, one region or the country): what screens name it. */
  studyArea: { scope: StudyAreaScope; name: string };
}

export async function getMeta(db: Db): Promise<Meta> {
  const kv = Object.fromEntries(
    (await db.all<{ key: string; value: string }>('SELECT key, value FROM meta')).map((r) => [r.key, r.value]),
  );
  const districts = await db.all<Meta['districts'][number]>(
    `SELECT d.soato, d.name_uz AS name, d.name_uz_cyrl AS "nameUzCyrl", d.name_ru AS "nameRu", count(m.id)::INTEGER AS mahallas, coalesce(sum(m.population), 0)::INTEGER AS population
     FROM districts d LEFT JOIN mahallas m ON m.district_soato = d.soato GROUP BY ALL ORDER BY d.name_uz`,
  );
  const regions = withListedRegions(
    await db.all<Meta['regions'][number]>(
      `SELECT soato, name_uz AS name, name_uz_cyrl AS "nameUzCyrl", name_ru AS "nameRu" FROM regions ORDER BY name_uz`,
    ),
    districts.map((d) => d.soato),
  );
  const [counts] = await db.all<Meta['counts']>(
    `SELECT (SELECT count(*) FROM mahallas)::INTEGER AS mahallas, (SELECT count(*) FROM inspectors)::INTEGER AS inspectors,
            (SELECT count(*) FROM incidents)::INTEGER AS incidents, (SELECT count(*) FROM applications)::INTEGER AS applications,
            (SELECT count(*) FROM joint_actions)::INTEGER AS jointActions`,
  );
  const [box] = await db.all<{ x0: number; y0: number; x1: number; y1: number }>(
    `SELECT min(centroid_lon) AS x0, min(centroid_lat) AS y0, max(centroid_lon) AS x1, max(centroid_lat) AS y1 FROM mahallas`,
  );
  const [hasImports] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'imports'`,
  );
  const imports = hasImports?.n
    ? await db.all<Meta['imports'][number]>(
        `SELECT kind, file, sha256, imported_at::VARCHAR AS "importedAt", (added + updated + unchanged)::INTEGER AS records
         FROM imports QUALIFY row_number() OVER (PARTITION BY kind ORDER BY id DESC) = 1 ORDER BY kind`,
      )
    : [];
  const end = kv.period_end ?? '2026-11-01';
  return {
    scale: kv.scale ?? 'unknown',
    builtAt: kv.built_at ?? '',
    period: { start: kv.period_start ?? '2023-11-01', end: addDays(end, -1) },
    // The name of the imported file, never its path on the server.
    mahallaSource: basename(kv.mahalla_source ?? 'synthetic'),
    synthetic: (kv.mahalla_source ?? 'synthetic') === 'synthetic',
    credits: [...CREDITS],
    districts,
    regions,
    categories: INCIDENT_CATEGORIES.map((code) => ({ code, label: CATEGORY_LABELS[code] })),
    counts: counts ?? { mahallas: 0, inspectors: 0, incidents: 0, applications: 0, jointActions: 0 },
    bbox: [box?.x0 ?? 69.1, box?.y0 ?? 41.2, box?.x1 ?? 69.5, box?.y1 ?? 41.4],
    imports: imports.map((i) => ({ ...i, file: basename(i.file) })),
    studyArea: await studyArea(db),
  };
}

/** The database's meta, kept until an import commits new data (its data generation, server/db/per-db.ts). */
export const metaOf = perDb(getMeta);
