// Importing real mahalla boundaries: every problem is named (file, feature, field, reason) and nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, parseMahallas, readMahallaFile } from '../../data/import/mahallas.ts';
import { buildDatabase } from '../../data/build-db.ts';
import { openDb } from '../../server/db/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const square = (x: number, y: number, s = 0.004) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});
const feature = (props: Record<string, unknown>, geometry: unknown = square(69.28, 41.29)) => ({
  type: 'Feature',
  properties: props,
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const DISTRICTS = new Set(['1726287', '1726273']);

function problemsOf(text: string): Array<{ row: number; column: string; reason: string }> {
  try {
    parseMahallas('m.geojson', text, DISTRICTS);
  } catch (err) {
    if (err instanceof ImportError) return err.problems.map(({ row, column, reason }) => ({ row, column, reason }));
    throw err;
  }
  return [];
}

describe('mahalla import validation', () => {
  it('accepts a valid collection and computes area and an interior point', () => {
    const items = parseMahallas(
      'm.geojson',
      collection(feature({ code: '1726287001', name: ' Bogʻishamol ', district: '1726287', population: 5200 })),
      DISTRICTS,
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.name).toBe('Bogʻishamol');
    expect(items[0]?.population).toBe(5200);
    expect(items[0]?.areaKm2).toBeGreaterThan(0.1);
    expect(items[0]?.areaKm2).toBeLessThan(0.2);
  });

  it('names feature, field and reason for each problem, all at once', () => {
    const problems = problemsOf(
      collection(
        feature({ code: '123', name: 'A', district: '1726287' }),
        feature({ code: '1726287002', name: '', district: '9999999' }),
        feature({ code: '1726287003', name: 'C', district: '1726287', population: -5 }),
        feature({ code: '1726287003', name: 'D', district: '1726287' }),
        feature({ code: '1726287005', name: 'E', district: '1726287' }, { type: 'Point', coordinates: [69, 41] }),
        feature(
          { code: '1726287006', name: 'F', district: '1726287' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [69, 41],
                [69.1, 41],
                [69.1, 41.1],
                [69, 41.1],
              ],
            ],
          },
        ),
      ),
    );
    expect(problems).toEqual([
      { row: 1, column: 'code', reason: 'must be a 10-digit mahalla code' },
      { row: 2, column: 'name', reason: 'must be a non-empty string' },
      { row: 2, column: 'district', reason: '"9999999" is not a district SOATO code of this dataset' },
      { row: 3, column: 'population', reason: 'must be a non-negative integer' },
      { row: 4, column: 'code', reason: 'duplicate of feature 3' },
      { row: 5, column: 'geometry', reason: 'must be a Polygon or MultiPolygon' },
      { row: 6, column: 'geometry', reason: 'a ring is not closed (first position ≠ last)' },
    ]);
  });

  it('refuses files that are not JSON or not a FeatureCollection', () => {
    expect(problemsOf('{not json')[0]?.column).toBe('file');
    expect(problemsOf(JSON.stringify({ type: 'Feature' }))[0]).toEqual({
      row: 0,
      column: 'type',
      reason: 'must be a GeoJSON FeatureCollection',
    });
    expect(problemsOf(collection())[0]?.column).toBe('features');
  });

  it('puts the file name in the error message', () => {
    expect(() =>
      parseMahallas('real.geojson', collection(feature({ code: 'x', name: 'A', district: '1726287' })), DISTRICTS),
    ).toThrow(/real\.geojson: feature 1, code: must be a 10-digit mahalla code/);
  });
});

describe('building on imported mahallas', () => {
  it('stores them as real (not synthetic) and joins every generated point to them', async () => {
    const file = join(dir, 'real.geojson');
    // A 4×3 block of squares covering part of Yakkasaroy: shared edges, no gaps.
    const features = [];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        features.push(
          feature(
            {
              code: `1726287${String(i * 3 + j + 1).padStart(3, '0')}`,
              name: `M${i}${j}`,
              district: '1726287',
              population: 3000,
            },
            square(69.255 + i * 0.004, 41.28 + j * 0.004),
          ),
        );
      }
    }
    writeFileSync(file, collection(...features));
    const out = join(dir, 'imported.duckdb');
    await buildDatabase({ scale: 'test', out, mahallas: await readMahallaFile(file, 'test') });
    const db = await openDb(out, { readOnly: true });
    const [r] = await db.all<{ n: number; synthetic: boolean; source: string; outside: number }>(
      `SELECT count(*)::INTEGER AS n, bool_or(synthetic) AS synthetic, (SELECT value FROM meta WHERE key = 'mahalla_source') AS source,
              (SELECT count(*) FROM incidents WHERE lon < 69.255 OR lon > 69.271 OR lat < 41.28 OR lat > 41.292)::INTEGER AS outside
       FROM mahallas`,
    );
    db.close();
    expect(r).toEqual({ n: 12, synthetic: false, source: file, outside: 0 });
  });

  it('leaves an existing database untouched when the file is invalid', async () => {
    const out = join(dir, 'keep.duckdb');
    writeFileSync(out, 'previous database');
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, collection(feature({ code: '1', name: 'A', district: '1726287' })));
    await expect(readMahallaFile(bad, 'test')).rejects.toThrow(ImportError);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('previous database');
  });
});
