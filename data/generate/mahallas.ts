// Demo mahallas: real district boundaries tiled into seeded cells with official-looking codes and Uzbek names.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { normalizeUzName } from '../../server/shared/uz-names.ts';
import { Rng } from './random.ts';
import { stitch } from './stitch.ts';
import { planMahallaCounts } from './mahalla-counts.ts';
import { tessellateDistrict } from './tessellate.ts';

/** One generated mahalla; coordinates are [lon, lat] (WGS84), areas km². */
export interface Mahalla {
  /** District SOATO (7 digits) + 3-digit sequence in reading order. */
  code: string;
  name: string;
  districtSoato: string;
  geometry: Polygon | MultiPolygon;
  areaKm2: number;
  /** Area-weighted centroid [lon, lat], rounded to 1e-7°. */
  centroid: [number, number];
}

/** Name stems of real-sounding Tashkent and Fergana-valley mahallas (Uzbek Latin: ʻ is U+02BB, ʼ is U+02BC). */
const STEMS = [
  'Navroʻz',
  'Bogʻishamol',
  'Oqtepa',
  'Yangiobod',
  'Doʻstlik',
  'Mustaqillik',
  'Guliston',
  'Chinor',
  'Qoʻrgʻon',
  'Beshyogʻoch',
  'Ziyokor',
  'Olmazor',
  'Bodomzor',
  'Tinchlik',
  'Istiqlol',
  'Obod',
  'Nurafshon',
  'Ishonch',
  'Bunyodkor',
  'Mehnatobod',
  'Bogʻbon',
  'Gulshan',
  'Sebzor',
  'Qoraqamish',
  'Koʻkcha',
  'Taxtapul',
  'Beltepa',
  'Qatortol',
  'Shodlik',
  'Uzumzor',
  'Yakkatut',
  'Oltintepa',
  'Chorsu',
  'Labzak',
  'Ipakchi',
  'Temirchi',
  'Zargar',
  'Paxtakor',
  'Gulbahor',
  'Yoshlik',
  'Nurli yoʻl',
  'Bahor',
  'Lolazor',
  'Anorzor',
  'Madaniyat',
  'Maʼrifat',
  'Umid',
  'Ilgʻor',
  'Kamolot',
  'Farovon',
  'Barkamol',
  'Oybek',
  'Alisher Navoiy',
  'Bobur',
  'Ulugʻbek',
  'Furqat',
  'Muqimiy',
  'Chashma',
  'Buloqboshi',
  'Ariqboʻyi',
  'Toshkoʻprik',
  'Qumariq',
  'Oqsaroy',
  'Saodat',
  'Jarariq',
  'Oqqoʻrgʻon',
  'Tolzor',
  'Terakzor',
  'Oʻrikzor',
  'Sharq yulduzi',
  'Mirobod',
  'Qorasuv',
  'Yunusobod',
  'Shayxontohur',
  'Xadra',
  'Kosonsoy',
  'Bunyodobod',
  'Sogʻbon',
];
/** Qualifiers that make a second mahalla of the same stem plausible ("Yuqori Chinor", "Quyi Chinor"). */
const QUALIFIERS = ['Yuqori', 'Quyi', 'Katta', 'Kichik', 'Eski'];
const SUFFIX = ' MFY'; // mahalla fuqarolar yigʻini: how official lists name a mahalla
/**
 * Grid steps (1e-7°) within which vertices of neighbouring districts' mahallas are snapped together: a crossing point
 * rounded to the grid sits at most √2/2 steps off the common border, and at most twice that off a neighbour's edge
 * that ends in such a point.
 */
const STITCH_TOL_GRID = 2;

/**
 * Generates the mahallas of the given districts: counts by planMahallaCounts, cells by tessellateDistrict, borders
 * between districts stitched (both sides carry the same vertices), codes in reading order (rows from north to south,
 * west to east within a row), names unique within a district.
 * Each district draws from its own stream (seed × SOATO), so one district's cells do not depend on the others; only
 * the stitch, which moves or adds vertices within STITCH_TOL_GRID of a neighbouring district's, looks across.
 * @example generateMahallas(tashkentDistricts, { total: 585, mode: 'city', seed: 1 })[0]?.code // '1726262001'
 */
export function generateMahallas(
  districts: Array<{ soato: string; name: string; geometry: Polygon | MultiPolygon; areaKm2: number }>,
  opts: { total: number; mode: 'city' | 'national'; seed: number },
): Mahalla[] {
  const plan = planMahallaCounts(districts, opts.total, opts.mode);
  const tiled = districts.map((d) => {
    if (!/^\d{7}$/.test(d.soato)) throw new Error(`district SOATO must have 7 digits: ${d.soato}`);
    const streamSeed = (Math.imul(opts.seed >>> 0, 0x9e3779b1) ^ Number(d.soato)) >>> 0;
    const planned = plan.get(d.soato) ?? 1;
    // Sliver merging can leave a district a cell or two short of its plan; ask again for the shortfall so the
    // city total matches the real number of mahallas (585 in Tashkent). Deterministic: attempt k uses stream + k.
    let geometries = tessellateDistrict(d.geometry, planned, new Rng(streamSeed));
    for (let attempt = 1; attempt < 8 && geometries.length !== planned; attempt++) {
      const retry = tessellateDistrict(d.geometry, planned + (attempt >> 1), new Rng(streamSeed + attempt));
      if (Math.abs(retry.length - planned) < Math.abs(geometries.length - planned)) geometries = retry;
    }
    if (geometries.length > 999) throw new Error(`${d.soato}: ${geometries.length} mahallas do not fit 3 digits`);
    return { soato: d.soato, streamSeed, geometries };
  });
  const stitched = stitch(
    tiled.flatMap((t) => t.geometries),
    tiled.flatMap((t, k) => t.geometries.map(() => k)),
    STITCH_TOL_GRID,
  ).geometries;

  const out: Mahalla[] = [];
  let next = 0;
  for (const t of tiled) {
    const cells = stitched
      .slice(next, (next += t.geometries.length))
      .map((geometry) => ({ geometry, centroid: centroidOf(geometry) }));
    const names = nameList(cells.length, new Rng(t.streamSeed ^ 0x5bd1e995));
    readingOrder(cells).forEach((c, i) => {
      out.push({
        code: t.soato + String(i + 1).padStart(3, '0'),
        name: names[i] ?? `${i + 1}-mahalla${SUFFIX}`,
        districtSoato: t.soato,
        geometry: c.geometry,
        areaKm2: turfArea(c.geometry) / 1e6,
        centroid: c.centroid,
      });
    });
  }
  return out;
}

/** Sorts cells into rows about one mean cell high, north first, and west to east inside a row. */
function readingOrder<T extends { centroid: [number, number] }>(cells: T[]): T[] {
  if (cells.length === 0) return cells;
  const lats = cells.map((c) => c.centroid[1]);
  const lons = cells.map((c) => c.centroid[0]);
  const north = Math.max(...lats);
  const span = Math.max(north - Math.min(...lats), (Math.max(...lons) - Math.min(...lons)) * 0.75, 1e-9);
  const rowHeight = span / Math.max(1, Math.round(Math.sqrt(cells.length)));
  const row = (c: T): number => Math.floor((north - c.centroid[1]) / rowHeight);
  return cells.slice().sort((a, b) => row(a) - row(b) || a.centroid[0] - b.centroid[0]);
}

/** `count` distinct names: stems first, then qualified stems, then numbered stems, in seeded order. */
function nameList(count: number, rng: Rng): string[] {
  const stems = shuffle(STEMS, rng);
  const qualified = shuffle(
    QUALIFIERS.flatMap((q) => STEMS.filter((s) => !s.startsWith('Yangi') && !s.includes(' ')).map((s) => `${q} ${s}`)),
    rng,
  );
  const names = [...stems, ...qualified].slice(0, count);
  for (let k = 2; names.length < count; k++)
    names.push(...stems.slice(0, count - names.length).map((s) => `${s}-${k}`));
  return names.map((n) => normalizeUzName(n + SUFFIX));
}

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

/** Area-weighted centroid of all rings (holes subtract through their winding), rounded to 1e-7°. */
function centroidOf(g: Polygon | MultiPolygon): [number, number] {
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const [ox = 0, oy = 0] = rings[0]?.[0] ?? [];
  let a = 0,
    x = 0,
    y = 0;
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      const [x0 = 0, y0 = 0] = r[i] ?? [];
      const [x1 = 0, y1 = 0] = r[i + 1] ?? [];
      const c = (x0 - ox) * (y1 - oy) - (x1 - ox) * (y0 - oy);
      a += c;
      x += (x0 + x1 - 2 * ox) * c;
      y += (y0 + y1 - 2 * oy) * c;
    }
  }
  const round = (v: number): number => Math.round(v * 1e7) / 1e7;
  return a === 0 ? [round(ox), round(oy)] : [round(ox + x / (3 * a)), round(oy + y / (3 * a))];
}
