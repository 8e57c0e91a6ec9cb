// Loads the real boundary files shipped in data/geo/ into the shapes the generator and the loader need.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Scale } from './scales.ts';
import { stitch } from './stitch.ts';
import { normalizeUzName } from '../../server/shared/uz-names.ts';
import { officialNames } from './official-names.ts';

const GEO_DIR = fileURLToPath(new URL('../geo/', import.meta.url));
/**
 * Grid steps (1e-7°) within which a district's vertex is snapped onto a neighbouring district's vertex or edge. OCHA's
 * 6-decimal coordinates leave a few common borders one step of 1e-6° apart (Kitob, Shahrisabz and Shahrisabz city: 9
 * gaps and 2 overlaps, ≈ 190 m²); 15 steps (≈ 15 cm) covers that diagonally. Tashkent's OSM districts already share
 * their vertices, and the stitch leaves them as they are.
 */
const DISTRICT_TOL_GRID = 15;

export interface DistrictBoundary {
  soato: string;
  regionSoato: string;
  nameUz: string;
  /** official names (data/geo/uz_official_names.csv); null for a unit the code list lacks */
  nameUzCyrl: string | null;
  nameRu: string | null;
  nameEn: string | null;
  areaKm2: number;
  source: 'osm' | 'ocha';
  geometry: Polygon | MultiPolygon;
}

export interface RegionBoundary {
  soato: string;
  nameUz: string;
  nameUzCyrl: string | null;
  nameRu: string | null;
  nameEn: string | null;
  geometry: Polygon | MultiPolygon;
}

interface RawCollection {
  features: Array<{ properties: Record<string, unknown>; geometry: Polygon | MultiPolygon }>;
}

function readCollection(file: string): RawCollection {
  return JSON.parse(readFileSync(GEO_DIR + file, 'utf8')) as RawCollection;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Districts of a scale: Tashkent's 12 from OSM (the OCHA layer is shifted ≈ 4 km there), else OCHA's 199, stitched
 * so that neighbours share their common borders vertex for vertex (no gaps, no overlaps between districts).
 */
export function loadDistricts(scale: Scale): DistrictBoundary[] {
  const osm = scale.boundaries === 'tashkent-osm';
  const raw = readCollection(osm ? 'tashkent_city_districts_osm.geojson' : 'uz_adm2_districts_ocha2018.geojson');
  const geometries = stitch(
    raw.features.map((f) => f.geometry),
    raw.features.map((_, i) => i),
    DISTRICT_TOL_GRID,
  ).geometries;
  const official = officialNames();
  const all = raw.features.map(({ properties: p }, i) => ({
    soato: String(p.soato),
    regionSoato: String(p.adm1_soato),
    // The files write oʻ/gʻ with an ASCII apostrophe: stored names have one apostrophe each (uz-names.ts).
    nameUz: normalizeUzName(String(p.name_uz)),
    // The code list's Russian name has its type word ("Алтынкульский район"); OCHA's has not ("Алтынкульский").
    nameUzCyrl: official.get(String(p.soato))?.nameUzCyrl ?? null,
    nameRu: official.get(String(p.soato))?.nameRu ?? str(p.name_ru),
    nameEn: str(p.name_en),
    areaKm2: Number(p.area_km2),
    source: osm ? ('osm' as const) : ('ocha' as const),
    geometry: geometries[i] ?? { type: 'Polygon' as const, coordinates: [] },
  }));
  const keep = scale.districts;
  return (keep ? all.filter((d) => keep.includes(d.soato)) : all).sort((a, b) => a.soato.localeCompare(b.soato));
}

/**
 * A region's Uzbek name with its type word ("Andijon viloyati"). The source abbreviates the city's type inside the
 * name, in Cyrillic ("Toshkent ш."), and also gives the full type: the abbreviation is dropped so the type is written
 * once, in Latin ("Toshkent shahri").
 * @example regionNameUz('Toshkent ш.', 'shahri') // 'Toshkent shahri'
 */
export function regionNameUz(name: string, type: string): string {
  const bare = name.replace(/\s+(ш|sh)\.$/u, '');
  return normalizeUzName(`${bare} ${type}`.trim());
}

/**
 * The 14 regions (OCHA) for context outlines, for national data only: inside Tashkent the OCHA layer is shifted
 * ≈ 4 km against the OSM districts, and drawing it there would put a false border through the city.
 */
export function loadRegions(districts: readonly DistrictBoundary[]): RegionBoundary[] {
  if (districts.every((d) => d.source === 'osm')) return [];
  const wanted = new Set(districts.map((d) => d.regionSoato));
  return readCollection('uz_adm1_regions_ocha2018.geojson')
    .features.map(({ properties: p, geometry }) => ({
      soato: String(p.soato),
      nameUz: regionNameUz(String(p.name_uz), typeof p.type_uz === 'string' ? p.type_uz : ''),
      nameUzCyrl: officialNames().get(String(p.soato))?.nameUzCyrl ?? null,
      nameRu: officialNames().get(String(p.soato))?.nameRu ?? str(p.name_ru),
      nameEn: str(p.name_en),
      geometry,
    }))
    .filter((r) => wanted.has(r.soato));
}
