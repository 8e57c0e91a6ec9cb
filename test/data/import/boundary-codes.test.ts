// Boundary files refused feature by feature or whole: every problem keeps its English reason (the CLI's) and carries
// the issue code the import page says it with in the reader's language (issue 14: they showed English on that page).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { crsFromCode, crsFromPrj, fromWgs84 } from '../../../data/import/crs.ts';
import { ImportError, type ImportProblem } from '../../../data/import/boundaries/problems.ts';
import { readBoundaryFile } from '../../../data/import/boundaries/read.ts';
import { LEVELS, validateBoundaries } from '../../../data/import/boundaries/validate.ts';
import { UnreadableFile } from '../../../data/import/report.ts';
import { issueText } from '../../../web/i18n/api-error.ts';
import { PRJ_TEXT, shpBytes, square, writeGeojson, writeShapefileZip } from './boundary-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-boundary-codes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DISTRICTS = new Set(['1726287']);
const ok = { NAME: 'A', TUMAN: '1726287' };
const utm = (ring: Position[]): Position[] => ring.map((p) => fromWgs84(crsFromCode(32642))(p[0] ?? 0, p[1] ?? 0));
/** A problem as the import page's report shows it in `locale` (ReportView: said.issue). */
const said = (p: ImportProblem, locale: 'ru' | 'uz-Cyrl' | 'uz-Latn') => issueText({ field: p.column, ...p }, locale);

describe('the problems of a boundary file, said in the reader’s language', () => {
  it('gives every per-feature problem a code, and the page says it in Russian and Uzbek Cyrillic', async () => {
    const path = join(dir, 'bad.geojson');
    writeGeojson(path, [
      { props: { KOD: '1726287001', ...ok }, ring: square(69.25, 41.28) },
      { props: { KOD: '1726287001', ...ok }, ring: square(69.26, 41.28) }, // duplicate code
      { props: { KOD: '1726287003', NAME: 'C', TUMAN: '1799999' }, ring: square(69.27, 41.28) }, // unknown district
      { props: { KOD: '1726287004', ...ok }, ring: null }, // no geometry
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
      { props: { KOD: '1726287006', ...ok }, ring: square(69.29, 41.28).slice(0, 3) }, // too few points
      { props: { KOD: '1726287007', ...ok }, ring: square(69.3, 41.28).slice(0, 4) }, // not closed
      { props: { KOD: '17262870', NAME: ' ', TUMAN: '1726287', AHOLI: -3 }, ring: square(69.31, 41.28) },
      { props: { KOD: '1726287009', ...ok }, ring: utm(square(69.32, 41.28)) }, // metres in a WGS84 file
    ]);
    const { problems } = validateBoundaries(
      await readBoundaryFile(path),
      LEVELS.mahallas,
      { code: 'KOD', name: 'NAME', parent: 'TUMAN', population: 'AHOLI' },
      DISTRICTS,
    );
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'KOD', 'duplicate_feature'],
      [3, 'TUMAN', 'unknown_parent'],
      [4, 'geometry', 'no_geometry'],
      [5, 'geometry', 'ring_crosses'],
      [6, 'geometry', 'ring_too_short'],
      [7, 'geometry', 'ring_not_closed'],
      [8, 'KOD', 'boundary_code_format'],
      [8, 'NAME', 'empty'],
      [8, 'AHOLI', 'not_count'],
      [9, 'geometry', 'outside_uzbekistan'],
    ]);
    // The English reason stays for the CLI and the JSON report.
    expect(problems[0]?.reason).toBe('duplicate of feature 1');
    expect(problems.slice(0, 9).map((p) => said(p, 'ru'))).toEqual([
      'повторяет код объекта 1',
      '«1799999» — не код СОАТО района из базы данных',
      'у объекта нет геометрии',
      'контур пересекает сам себя в точке 69.282, 41.282',
      'в контуре должно быть не меньше 4 точек',
      'контур не замкнут (первая точка не совпадает с последней)',
      'должен быть кодом махалли из 10 цифр',
      'не может быть пустым',
      'должно быть целым неотрицательным числом',
    ]);
    expect(said(problems[9] as ImportProblem, 'ru')).toMatch(
      /^в системе WGS 84 \(EPSG:4326\) попадает в точку \d+(\.\d+)?, \d+(\.\d+)? за пределами Узбекистана/,
    );
    // Uzbek Cyrillic: no English word left (numbers, codes and "СОАТО" only).
    for (const p of problems.slice(0, 9)) expect(said(p, 'uz-Cyrl')).not.toMatch(/[A-Za-z]/);
    expect(said(problems[6] as ImportProblem, 'uz-Latn')).toBe('mahalla kodi 10 ta raqamdan iborat boʻlishi kerak');
  });

  it('gives the refusals of a whole file a code too', async () => {
    const codeOf = async (name: string, bytes: string | Uint8Array, crs?: string) => {
      writeFileSync(join(dir, name), bytes);
      try {
        await readBoundaryFile(join(dir, name), crs);
        return null;
      } catch (err) {
        if (err instanceof ImportError) return [err.problems[0]?.code, err.problems[0]?.params];
        if (err instanceof UnreadableFile) return [err.why.issue?.code, err.why.issue?.params];
        throw err;
      }
    };
    expect(await codeOf('a.geojson', '{"type": "Feature"')).toEqual(['not_json_file', undefined]);
    expect(await codeOf('b.geojson', '{"type": "Feature"}')).toEqual(['not_feature_collection', undefined]);
    expect(await codeOf('c.txt', 'x')).toEqual([
      'wrong_extension',
      { allowed: '.geojson, .json, .zip, .shp, .kml, .kmz' },
    ]);
    expect(await codeOf('d.kmz', zipSync({ 'readme.txt': new Uint8Array([65]) }))).toEqual(['kmz_no_kml', undefined]);
    const shp = shpBytes([{ props: { KOD: '1726287001' }, ring: square(69.25, 41.28) }]);
    expect(await codeOf('e.zip', zipSync({ 'a.shp': shp, 'b.shp': shp }))).toEqual(['zip_shp_count', { count: 2 }]);
    expect(await codeOf('f.zip', zipSync({ 'a.shp': shp }))).toEqual(['no_prj', undefined]);
    const g = join(dir, 'g.zip');
    writeShapefileZip(g, [{ props: { KOD: '1726287001' }, ring: square(69.25, 41.28) }], PRJ_TEXT.utm42);
    await expect(readBoundaryFile(g, 'EPSG:2154')).rejects.toThrow(UnreadableFile);
    expect(() => crsFromCode('EPSG:2154')).toThrow(/coordinate system "EPSG:2154" is not supported/);
  });

  it('says an unsupported .prj by what it describes', () => {
    const refused = (wkt: string) => {
      try {
        crsFromPrj(wkt);
        return null;
      } catch (err) {
        return err instanceof UnreadableFile ? issueText({ field: 'file', ...err.why, ...err.why.issue }, 'ru') : null;
      }
    };
    const feet = PRJ_TEXT.utm42.replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]');
    expect(refused(feet)).toMatch(/^файл \.prj описывает координаты в «Foot_US», а не в метрах: используйте WGS 84/);
    expect(refused('GEOGCS["Mars_2000",DATUM["D_Mars_2000",SPHEROID["Mars",3396190,169.9]]]')).toMatch(
      /^файл \.prj описывает неизвестный датум \(GEOGCS\["Mars_2000"/,
    );
  });
});
