// Generator invariants on a freshly built test-scale database: counts, national shares, the spatial join, staffing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { buildDatabase } from '../../data/build-db.ts';
import { SCALES } from '../../data/generate/scales.ts';
import { CI_SHARE_TARGET } from '../../data/generate/joint-actions.ts';
import { TARGETS } from '../../data/generate/applications.ts';
import { openDb, type Db } from '../../server/db/database.ts';
import { flattenPolygons } from '../../server/geo/flat-polygons.ts';
import { pointInFlatPolygon } from '../../server/geo/polygon-index.ts';
import { H3_MIN_RES, maxResolutionFor } from '../../server/geo/h3-area.ts';
import { readCellResidents, residentsFingerprint } from '../../server/services/hotspots/cell-residents.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-build-'));
const scale = SCALES.test;
let db: Db;

beforeAll(async () => {
  await buildDatabase({ scale: 'test', out: join(dir, 'a.duckdb'), seed: 7 });
  db = await openDb(join(dir, 'a.duckdb'), { readOnly: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const one = async <T extends Record<string, unknown>>(sql: string): Promise<T> => {
  const [row] = await db.all<T>(sql);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
};

describe('demo database (test scale)', () => {
  it('has the configured numbers of records', async () => {
    const c = await one<{ i: number; a: number; j: number }>(
      `SELECT (SELECT count(*) FROM incidents)::INTEGER AS i, (SELECT count(*) FROM applications)::INTEGER AS a,
              (SELECT count(*) FROM joint_actions)::INTEGER AS j`,
    );
    expect(c).toEqual({ i: scale.incidents, a: scale.applications, j: scale.jointActions });
  });

  it('tiles the two districts into about the planned number of synthetic mahallas', async () => {
    const m = await one<{ n: number; synthetic: boolean; districts: number }>(
      `SELECT count(*)::INTEGER AS n, bool_and(synthetic) AS synthetic, count(DISTINCT district_soato)::INTEGER AS districts FROM mahallas`,
    );
    expect(Math.abs(m.n - scale.mahallas)).toBeLessThanOrEqual(1);
    expect(m.synthetic).toBe(true);
    expect(m.districts).toBe(2);
  });

  it('puts every incident and application in exactly the mahalla that contains it', async () => {
    const mahallas = await db.all<{ id: number; geometry: string }>('SELECT id, geometry FROM mahallas ORDER BY id');
    const flat = flattenPolygons(mahallas.map((m) => JSON.parse(m.geometry) as Polygon | MultiPolygon));
    for (const table of ['incidents', 'applications']) {
      const pts = await db.columns<{ lon: number; lat: number; m: number }>(
        `SELECT lon, lat, mahalla_id AS m FROM ${table}`,
      );
      let wrong = 0;
      for (let i = 0; i < pts.lon.length; i++) {
        // Brute force over every polygon: exactly one must contain the point, and it must be the stored one.
        let hits = 0;
        let hit = -1;
        for (let p = 0; p < flat.count; p++) {
          if (pointInFlatPolygon(flat, p, pts.lon[i] ?? 0, pts.lat[i] ?? 0)) {
            hits++;
            hit = mahallas[p]?.id ?? -1;
          }
        }
        if (hits !== 1 || hit !== pts.m[i]) wrong++;
      }
      expect(wrong, table).toBe(0);
    }
  });

  it('reproduces the national registry shares within ±2 points', async () => {
    const rows = await db.all<{ registry: string; share: number }>(
      `SELECT registry::VARCHAR AS registry, (count(*) / sum(count(*)) OVER ())::DOUBLE AS share FROM applications GROUP BY 1 ORDER BY 1`,
    );
    const byCode = Object.fromEntries(rows.map((r) => [r.registry, r.share]));
    expect(Math.abs((byCode.form1 ?? 0) - TARGETS.registry[0])).toBeLessThan(0.02);
    expect(Math.abs((byCode.form2 ?? 0) - TARGETS.registry[1])).toBeLessThan(0.02);
    expect(Math.abs((byCode.alphabetical ?? 0) - TARGETS.registry[2])).toBeLessThan(0.02);
  });

  it('has about a fifth of applications received by the duty unit', async () => {
    const r = await one<{ share: number }>(
      `SELECT avg((received_by = 'duty_unit')::INTEGER)::DOUBLE AS share FROM applications`,
    );
    expect(Math.abs(r.share - TARGETS.dutyUnit)).toBeLessThan(0.02);
  });

  it('has criminal investigation in about 55 % of joint actions, more than any other service', async () => {
    const rows = await db.all<{ service: string; share: number }>(
      `SELECT service::VARCHAR AS service, (count(DISTINCT action_id) / (SELECT count(*) FROM joint_actions))::DOUBLE AS share
       FROM joint_action_services GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(rows[0]?.service).toBe('criminal_investigation');
    expect(Math.abs((rows[0]?.share ?? 0) - CI_SHARE_TARGET)).toBeLessThan(0.02);
  });

  it('gives inspectors 1–3 mahallas as a rule, with a few unassigned mahallas and overloaded inspectors', async () => {
    const s = await one<{
      mahallas: number;
      inspectors: number;
      unassigned: number;
      overloaded: number;
      maxLoad: number;
    }>(
      `WITH load AS (SELECT inspector_id, count(*) AS n FROM territory_assignment GROUP BY 1)
       SELECT (SELECT count(*) FROM mahallas)::INTEGER AS mahallas, (SELECT count(*) FROM inspectors)::INTEGER AS inspectors,
              (SELECT count(*) FROM mahallas WHERE id NOT IN (SELECT mahalla_id FROM territory_assignment))::INTEGER AS unassigned,
              (SELECT count(*) FROM load WHERE n > 3)::INTEGER AS overloaded, (SELECT max(n) FROM load)::INTEGER AS maxLoad`,
    );
    const perInspector = (s.mahallas - s.unassigned) / s.inspectors;
    expect(perInspector).toBeGreaterThanOrEqual(1);
    expect(perInspector).toBeLessThanOrEqual(3);
    expect(s.maxLoad).toBeLessThanOrEqual(5);
  });

  it('keeps every record inside the three-year period, with a weekly and a seasonal cycle', async () => {
    const r = await one<{
      first: string;
      last: string;
      weekend: number;
      weekdays: number;
      july: number;
      january: number;
    }>(
      `SELECT min(ts)::VARCHAR AS first, max(ts)::VARCHAR AS last,
              (count(*) FILTER (WHERE isodow(ts) IN (5, 6)) / 2)::DOUBLE AS weekend,
              (count(*) FILTER (WHERE isodow(ts) IN (1, 2)) / 2)::DOUBLE AS weekdays,
              count(*) FILTER (WHERE month(ts) = 7)::INTEGER AS july, count(*) FILTER (WHERE month(ts) = 1)::INTEGER AS january
       FROM incidents`,
    );
    expect(r.first >= '2023-11-01').toBe(true);
    expect(r.last < '2026-11-01').toBe(true);
    expect(r.weekend).toBeGreaterThan(r.weekdays);
    expect(r.july).toBeGreaterThan(r.january);
  });

  it('leaves recent incidents mostly registered and older ones solved or unsolved', async () => {
    const r = await one<{ recent: number; old: number }>(
      `SELECT avg((status = 'registered')::INTEGER) FILTER (WHERE ts >= TIMESTAMP '2026-10-17')::DOUBLE AS recent,
              avg((status = 'registered')::INTEGER) FILTER (WHERE ts < TIMESTAMP '2026-06-01')::DOUBLE AS old
       FROM incidents`,
    );
    expect(r.recent).toBeGreaterThan(0.4);
    expect(r.old).toBe(0);
  });

  it("keeps the residents of H3 cells at every resolution the area allows, under its boundaries' fingerprint", async () => {
    const [km2] = await db.all<{ v: number }>('SELECT sum(area_km2)::DOUBLE AS v FROM mahallas');
    const finest = maxResolutionFor(km2?.v ?? 0);
    const fp = await residentsFingerprint(db);
    const [people] = await db.all<{ v: number }>('SELECT sum(population)::DOUBLE AS v FROM mahallas');
    for (let res = H3_MIN_RES; res <= finest; res++) {
      const kept = await readCellResidents(db, res, fp);
      expect(kept?.keys.length, `resolution ${res}`).toBeGreaterThan(0);
      expect(kept?.residents.reduce((a, b) => a + b, 0)).toBeCloseTo(people?.v ?? 0, 3);
    }
  });

  it('is deterministic: the same seed builds the same records', async () => {
    const out = join(dir, 'b.duckdb');
    await buildDatabase({ scale: 'test', out, seed: 7 });
    const other = await openDb(out, { readOnly: true });
    const checksum = `SELECT (SELECT sum(hash(id, ts, lon, lat, mahalla_id, category, status)) FROM incidents)::VARCHAR AS i,
                             (SELECT sum(hash(id, received_at, registry, received_by, service)) FROM applications)::VARCHAR AS a,
                             (SELECT sum(hash(code, name, population, geometry)) FROM mahallas)::VARCHAR AS m`;
    const [a] = await db.all(checksum);
    const [b] = await other.all(checksum);
    other.close();
    expect(b).toEqual(a);
  });
});
