// What each dataset size contains. `city` is the demo (Tashkent), `national` feeds the benchmarks, `test` the browser
// tests, `regions` the browser test of the national view (a few districts of several regions).
import { DAY_MS, dayMs, daysBetween } from '../../server/shared/period.ts';

export type ScaleName = 'test' | 'regions' | 'city' | 'national';

export interface Scale {
  name: ScaleName;
  /** Which boundary set the districts come from. */
  boundaries: 'tashkent-osm' | 'national-ocha';
  /** Restrict to these district SOATO codes (test scale); undefined = all. */
  districts?: readonly string[];
  mahallas: number;
  population: number;
  incidents: number;
  applications: number;
  jointActions: number;
}

// Tashkent city: 585 mahallas, ≈ 3.04 M residents (8.1 % of the country's 37.5 M), so its share of the
// ≈ 390,000 applications a year is ≈ 31,600, i.e. ≈ 95,000 over the three demo years.
export const SCALES: Record<ScaleName, Scale> = {
  test: {
    name: 'test',
    boundaries: 'tashkent-osm',
    districts: ['1726287', '1726273'], // Yakkasaroy, Mirobod: small central districts keep browser tests fast
    mahallas: 43,
    population: 225_000,
    incidents: 12_000,
    applications: 7_000,
    jointActions: 2_400,
  },
  // Three city districts of three regions, far apart (Samarkand, Namangan, Fergana): the country's framing with few,
  // small mahallas, so the national map draws from tiles quickly even in software GL.
  regions: {
    name: 'regions',
    boundaries: 'national-ocha',
    districts: ['1714401', '1718401', '1730401'],
    mahallas: 30,
    population: 600_000,
    incidents: 6_000,
    applications: 3_000,
    jointActions: 1_000,
  },
  city: {
    name: 'city',
    boundaries: 'tashkent-osm',
    mahallas: 585,
    population: 3_040_000,
    incidents: 330_000,
    applications: 95_000,
    jointActions: 31_000,
  },
  national: {
    name: 'national',
    boundaries: 'national-ocha',
    mahallas: 9_400,
    population: 37_500_000,
    incidents: 10_000_000,
    applications: 4_000_000,
    jointActions: 500_000,
  },
};

/** The seed a build uses unless told otherwise (`--seed`). */
export const DEFAULT_SEED = 20_261_128;

/** The demo data covers three full years; `END` is exclusive. Times are local (Tashkent, UTC+5). */
export const PERIOD = { start: '2023-11-01', end: '2026-11-01' } as const;

export { DAY_MS };
export const PERIOD_START_MS = dayMs(PERIOD.start);
export const PERIOD_DAYS = daysBetween(PERIOD.start, PERIOD.end);

/**
 * Relative resident counts of Tashkent's districts (thousands, rounded public estimates of recent years; demo realism
 * only, not statistics). Without them a large, sparsely built district such as Bektemir would get as many residents as
 * dense Chilonzor.
 */
export const TASHKENT_DISTRICT_WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['1726262', 290], // Uchtepa
  ['1726264', 35], // Bektemir
  ['1726266', 360], // Yunusobod
  ['1726269', 300], // Mirzo Ulug'bek
  ['1726273', 150], // Mirobod
  ['1726277', 340], // Shayxontohur
  ['1726280', 380], // Olmazor
  ['1726283', 210], // Sergeli
  ['1726287', 130], // Yakkasaroy
  ['1726290', 290], // Yashnobod
  ['1726292', 170], // Yangihayot
  ['1726294', 265], // Chilonzor
]);
