// Boundary files in every supported format, coordinate system and code page, field mapping, and every per-feature rule
// with its exact message; fixtures are written here from hand-drawn squares.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { crsFromCode, fromWgs84 } from '../../../data/import/crs.ts';
import { listFields, readMappingFile } from '../../../data/import/boundaries/fields.ts';
import { readBoundaryFile } from '../../../data/import/boundaries/read.ts';
import { LEVELS, validateBoundaries } from '../../../data/import/boundaries/validate.ts';
import { PRJ_TEXT, square, writeGeojson, writeKmz, writeShapefileZip } from './boundary-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-boundaries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DISTRICTS = new Set(['1726287', '1726273']);
const project = (ring: Position[], code: number): Position[] => {
  const f = fromWgs84(crsFromCode(code));
  return ring.map(([x = 0, y = 0]) => f(x, y));
};
/** Largest distance, in degrees, from a vertex of `a` to the nearest vertex of `b` (ring start and direction aside). */
const maxDiff = (a: readonly Position[], b: readonly Position[]): number =>
  Math.max(
    ...a.map((p) =>
      Math.min(...b.map((q) => Math.max(Math.abs((p[0] ?? 0) - (q[0] ?? 0)), Math.abs((p[1] ?? 0) - (q[1] ?? 0))))),
    ),
  );
const ringOf = (g: unknown): Position[] => (g as { coordinates: Position[][] }).coordinates[0] ?? [];

describe('reading boundary files', () => {
  it('a zipped shapefile in UTM 42N with a Windows-1251 .dbf (no .cpg), mapped by field flags', async () => {
    const path = join(dir, 'utm.zip');
    const a = square(69.25, 41.28);
    const b = square(69.254, 41.28);
    writeShapefileZip(
      path,
      [
        { props: { KOD: '1726287001', NOMI: 'Богишамол', TUMAN: '1726287' }, ring: project(a, 32642) },
        { props: { KOD: '1726287002', NOMI: 'Ёшлик', TUMAN: '1726287' }, ring: project(b, 32642) },
      ],
      PRJ_TEXT.utm42,
      { encoding: 'windows-1251' },
    );
    const bf = await readBoundaryFile(path);
    expect([bf.format, bf.crs.code, bf.encoding, bf.problems]).toEqual(['shapefile', 32642, 'windows-1251', []]);
    const { items, problems } = validateBoundaries(
      bf,
      LEVELS.mahallas,
      { code: 'KOD', name: 'NOMI', parent: 'TUMAN' },
      DISTRICTS,
    );
    expect(problems).toEqual([]);
    expect(items.map((m) => [m.code, m.name, m.parent])).toEqual([
      ['1726287001', 'Богишамол', '1726287'],
      ['1726287002', 'Ёшлик', '1726287'],
    ]);
    // Back in WGS84 within 1e-9° (0.1 mm); outer ring orientation as the shapefile reader gives it.
    const back = ringOf(items[0]?.geometry);
    expect(maxDiff(back, a)).toBeLessThan(1e-9);
    expect(maxDiff(a, back)).toBeLessThan(1e-9);
    expect(items[0]?.areaKm2).toBeCloseTo(0.4448 * 0.3344, 2);
  });

  it('a loose shapefile in Pulkovo 1942 Gauss–Krüger zone 12 with a UTF-8 .cpg', async () => {
    const base = join(dir, 'gk');
    const a = square(69.3, 41.31);
    const zipPath = join(dir, 'gk.zip');
    writeShapefileZip(
      zipPath,
      [{ props: { code: '1726273001', name: 'Oʻzbekiston', district: '1726273' }, ring: project(a, 28412) }],
      PRJ_TEXT.gk12,
      { cpg: 'UTF-8' },
    );
    // The same parts unzipped beside each other, read by their .shp.
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipPath))))
      writeFileSync(`${base}.${name.slice(-3)}`, bytes);
    const bf = await readBoundaryFile(`${base}.shp`);
    expect([bf.crs.code, bf.encoding]).toEqual([28412, 'utf-8']);
    const { items } = validateBoundaries(bf, LEVELS.mahallas, {}, DISTRICTS);
    expect(items[0]?.name).toBe('Oʻzbekiston');
    expect(maxDiff(ringOf(items[0]?.geometry), a)).toBeLessThan(1e-7); // 1 cm: the datum shift there and back
  });

  it('a KMZ whose fields are ExtendedData, and a GeoJSON with other field names and a mapping file', async () => {
    const kmz = join(dir, 'm.kmz');
    writeKmz(kmz, [
      { props: { name: 'Navoiy', SOATO: '1726287010', Tuman: '1726287', Aholi: '4100' }, ring: square(69.26, 41.29) },
    ]);
    const k = await readBoundaryFile(kmz);
    expect([k.format, k.crs.code]).toEqual(['kmz', 4326]);
    const ki = validateBoundaries(
      k,
      LEVELS.mahallas,
      { code: 'SOATO', parent: 'Tuman', population: 'Aholi' },
      DISTRICTS,
    );
    expect(ki.items.map((m) => [m.code, m.name, m.population])).toEqual([['1726287010', 'Navoiy', 4100]]);

    const gj = join(dir, 'other.geojson');
    writeGeojson(
      gj,
      [
        {
          props: { MFY_KOD: 1726287011, MFY_NOMI: 'Chilonzor-1', TUMAN_SOATO: '1726287' },
          ring: project(square(69.27, 41.29), 32642),
        },
      ],
      'urn:ogc:def:crs:EPSG::32642',
    );
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ code: 'MFY_KOD', name: 'MFY_NOMI', district: 'TUMAN_SOATO' }));
    const g = await readBoundaryFile(gj);
    expect(g.crs.code).toBe(32642);
    const gi = validateBoundaries(g, LEVELS.mahallas, readMappingFile(mapping), DISTRICTS);
    expect(gi.problems).toEqual([]);
    expect(gi.items.map((m) => [m.code, m.name, m.parent])).toEqual([['1726287011', 'Chilonzor-1', '1726287']]);
  });

  it('lists every field with how many features fill it and sample values', () => {
    expect(
      listFields([
        { props: { KOD: '1', NOMI: 'A', X: '' }, geometry: null },
        { props: { KOD: '2', NOMI: 'A', X: null }, geometry: null },
        { props: { KOD: '3', NOMI: 'B', X: 7 }, geometry: null },
        { props: { KOD: '4' }, geometry: null },
      ]),
    ).toEqual([
      { field: 'KOD', filled: 4, samples: ['1', '2', '3'] },
      { field: 'NOMI', filled: 3, samples: ['A', 'B'] },
      { field: 'X', filled: 1, samples: ['7'] },
    ]);
  });

  it('refuses what it cannot read, saying why', async () => {
    const noShp = join(dir, 'empty.zip');
    writeFileSync(noShp, zipSync({ 'readme.txt': new TextEncoder().encode('x') }));
    await expect(readBoundaryFile(noShp)).rejects.toThrow('the archive holds no .shp file');
    const noPrj = join(dir, 'noprj.zip');
    writeFileSync(noPrj, zipSync({ 'm.shp': new Uint8Array(100) }));
    await expect(readBoundaryFile(noPrj)).rejects.toThrow(
      'the shapefile has no .prj: say its coordinate system with --crs (an EPSG code such as 32642)',
    );
    await expect(readBoundaryFile(join(dir, 'm.csv'))).rejects.toThrow('"m.csv" is not a boundary file');
  });
});

describe('per-feature rules, each with its exact message', () => {
  it('names file, feature, field and reason for every broken rule', async () => {
    const path = join(dir, 'bad.geojson');
    const ok = { NAME: 'A', TUMAN: '1726287' };
    writeGeojson(path, [
      { props: { KOD: '1726287001', ...ok }, ring: square(69.25, 41.28) },
      { props: { KOD: '1726287001', ...ok }, ring: square(69.26, 41.28) }, // duplicate code
      { props: { KOD: '1726287003', NAME: 'C', TUMAN: '1799999' }, ring: square(69.27, 41.28) }, // unknown district
      { props: { KOD: '1726287004', ...ok }, ring: null }, // empty geometry
      {
        props: { KOD: '1726287005', ...ok },
        ring: [
          [69.28, 41.28],
          [69.284, 41.284],
          [69.284, 41.28],
          [69.28, 41.284],
          [69.28, 41.28],
        ],
      }, // bow-tie
      {
        props: { KOD: '1726287006', ...ok },
        ring: [
          [69.29, 41.28],
          [69.294, 41.28],
          [69.29, 41.28],
        ],
      }, // too few points
      { props: { KOD: '1726287007', ...ok }, ring: square(69.3, 41.28).slice(0, 4) }, // not closed
      { props: { KOD: '17262870', NAME: ' ', TUMAN: '1726287', AHOLI: -3 }, ring: square(69.31, 41.28) },
      { props: { KOD: '1726287009', ...ok }, ring: project(square(69.32, 41.28), 32642) }, // metres in a WGS84 file
    ]);
    const bf = await readBoundaryFile(path);
    const { items, problems } = validateBoundaries(
      bf,
      LEVELS.mahallas,
      { code: 'KOD', name: 'NAME', parent: 'TUMAN', population: 'AHOLI' },
      DISTRICTS,
    );
    expect(items).toEqual([]);
    expect(problems.map((p) => `${p.file} #${p.row} ${p.column}: ${p.reason}`)).toEqual([
      'bad.geojson #2 KOD: duplicate of feature 1',
      'bad.geojson #3 TUMAN: "1799999" is not a district SOATO code of this dataset',
      'bad.geojson #4 geometry: the feature has no geometry',
      'bad.geojson #5 geometry: a ring crosses itself at 69.282, 41.282',
      'bad.geojson #6 geometry: a ring needs at least 4 positions',
      'bad.geojson #7 geometry: a ring is not closed (first position ≠ last)',
      'bad.geojson #8 KOD: must be a 10-digit mahalla code',
      'bad.geojson #8 NAME: must be a non-empty string',
      'bad.geojson #8 AHOLI: must be a non-negative integer',
      expect.stringMatching(
        /^bad\.geojson #9 geometry: lies at \d+\.\d+, \d+\.\d+ after reading it as WGS 84 \(EPSG:4326\), outside Uzbekistan \(55–74\.2° E, 36\.2–46\.6° N\): the file's coordinates are not in that system$/,
      ),
    ]);
  });

  it('a mapping that names a missing field is refused before any feature is read', async () => {
    const path = join(dir, 'one.geojson');
    writeGeojson(path, [{ props: { KOD: '1726287001', name: 'A', district: '1726287' }, ring: square(69.25, 41.28) }]);
    const { problems } = validateBoundaries(await readBoundaryFile(path), LEVELS.mahallas, { code: 'MFY' }, DISTRICTS);
    expect(problems).toEqual([
      {
        file: 'one.geojson',
        row: 0,
        column: 'mapping',
        reason: 'the field "MFY" given for code is not in the file (its fields: KOD, name, district)',
        code: 'mapping_field_missing',
        params: { field: 'MFY' },
      },
    ]);
  });
});
