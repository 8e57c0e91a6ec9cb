// The planner's district model read from the hand-made API fixture database (test/fixtures/api/fixture-db.ts): March
// 2024 counts per mahalla, borders (the corner-only contact dropped), inspectors as posts, the plan in force (with no
// version on record: the analytics database's assignment, as assignmentOn falls back to it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/database.ts';
import { loadDistrictModel, loadModelInForce } from '../../../../server/services/planner/district-model.ts';
import { openStore } from '../../../../server/store/duck/open.ts';
import type { UserStore } from '../../../../server/store/types.ts';
import { INCIDENT_CATEGORIES } from '../../../../server/contract/catalog.ts';
import { fixtureDb } from '../../../fixtures/api/fixture-db.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
let db: Db;
let store: UserStore;
beforeAll(async () => {
  db = await fixtureDb();
  store = await openStore(':memory:');
});
afterAll(() => {
  store.close();
  db.close();
});

describe('loadDistrictModel', () => {
  it('reads every mahalla with the period counts, posts and the plan in force', async () => {
    const { model, inForce, jointActions } = await loadModelInForce(db, store, { districts: null, period: MARCH });
    expect(Array.from(model.ids)).toEqual([1, 2, 3, 4]);
    expect(model.districts).toEqual(['1726287', '1726273']);
    expect(Array.from(model.residents)).toEqual([1000, 2000, 3000, 500]);
    expect(Array.from(model.incidentTotal)).toEqual([3, 2, 5, 1]);
    expect(Array.from(model.applications)).toEqual([2, 2, 2, 2]);
    expect(jointActions).toBe('recorded');
    expect(Array.from(model.jointActions)).toEqual([1, 0, 1, 0]);
    expect(model.days).toBe(31);
    // mahalla 1: property 2, fraud 1
    const row = (m: number): Record<string, number> => {
      const out: Record<string, number> = {};
      INCIDENT_CATEGORIES.forEach((c, k) => {
        const n = model.incidents[m * INCIDENT_CATEGORIES.length + k]!;
        if (n > 0) out[c] = n;
      });
      return out;
    };
    expect(row(0)).toEqual({ property: 2, fraud: 1 });
    expect(row(2)).toEqual({ hooliganism: 2, person: 1, property: 1, fraud: 1 });
    expect(Array.from(model.inspector)).toEqual([1, 2]);
    expect(Array.from(inForce)).toEqual([0, 0, 1, -1]);
  });

  it('keeps the two shared borders, drops the corner contact, and measures the exterior', async () => {
    const { model } = await loadDistrictModel(db, { districts: null, period: MARCH });
    const neighbours = (m: number) => Array.from(model.adj.subarray(model.adjStart[m], model.adjStart[m + 1]));
    expect([0, 1, 2, 3].map(neighbours)).toEqual([[1], [0], [3], [2]]);
    expect(model.adjKm[0]).toBeCloseTo(5.56, 6);
    // a 0.05° square at 41.2° N: two meridian sides of ≈ 5.55 km and two parallel sides of ≈ 4.19 km
    expect(model.perimeterKm[0]).toBeCloseTo(19.48, 1);
    expect(model.exteriorKm[0]).toBeCloseTo(model.perimeterKm[0]! - 5.56, 9);
  });

  it('loads one district alone, and spreads a plan requirement over the territory by residents', async () => {
    const one = await loadModelInForce(db, store, { districts: ['1726273'], period: MARCH });
    expect(Array.from(one.model.ids)).toEqual([3, 4]);
    expect(Array.from(one.model.inspector)).toEqual([2]);
    expect(Array.from(one.inForce)).toEqual([0, -1]);
    const all = await loadModelInForce(db, store, {
      districts: null,
      period: MARCH,
      required: new Map([
        [1, 6],
        [2, 4],
      ]),
    });
    expect(all.jointActions).toBe('plan');
    expect(Array.from(all.model.jointActions)).toEqual([2, 4, 4, 0]);
  });

  it('takes the plan in force it is given, keeps each mahalla to inspectors of its own district, else none', async () => {
    // inspector 2 works in Mirobod: it cannot hold mahalla 2 of Yakkasaroy
    const given = new Map([
      [2, 1],
      [1, 2],
      [3, 2],
    ]);
    const { inForce } = await loadDistrictModel(db, { districts: null, period: MARCH, assignment: given });
    expect(Array.from(inForce)).toEqual([-1, 0, 1, -1]);
    const bare = await loadDistrictModel(db, { districts: null, period: MARCH });
    expect(Array.from(bare.inForce)).toEqual([-1, -1, -1, -1]);
    await expect(
      loadDistrictModel(db, { districts: null, period: MARCH, required: new Map([[1, 6]]) }),
    ).rejects.toThrow(/plan in force/);
  });
});
