// The cooperation-gap rule on hand-made candidates: which services a hot mahalla needs, and when their absence is a gap.
import { describe, expect, it } from 'vitest';
import { RELEVANT_SERVICE, INCIDENT_CATEGORIES, SERVICES } from '../../../server/contract/catalog.ts';
import { cooperationGaps, servicesNeeded, type GapCandidate } from '../../../server/services/cooperation/gap-rule.ts';

const WINDOW_START = '2024-03-02';
const hot = (patch: Partial<GapCandidate>): GapCandidate => ({
  id: 1,
  bin: 3,
  z: 3.5,
  categories: { property: 10 },
  lastAction: {},
  ...patch,
});

describe('servicesNeeded', () => {
  it('groups categories by their service and keeps services with at least a quarter of the incidents', () => {
    expect(servicesNeeded({ property: 5, person: 2, drugs: 2, traffic: 1 })).toEqual([
      { service: 'criminal_investigation', categories: ['property', 'person'], incidents: 7, share: 0.7 },
    ]);
    expect(servicesNeeded({ property: 5, drugs: 3, trafficking: 2 }).map((n) => [n.service, n.share])).toEqual([
      ['criminal_investigation', 0.5],
      ['operational_search', 0.5],
    ]);
  });

  it('always needs the service of the largest category, even below the share', () => {
    const needs = servicesNeeded({ traffic: 2, drugs: 2, fraud: 2, hooliganism: 2, domestic: 2 });
    // Five services at 20 % each: none reaches 25 %; the largest category counts, ties broken by catalog order
    // (fraud comes before drugs, traffic, hooliganism and domestic), whatever order the counts arrive in.
    expect(needs.map((n) => n.service)).toEqual(['investigation']);
  });

  it('needs nothing where there were no incidents', () => {
    expect(servicesNeeded({})).toEqual([]);
    expect(servicesNeeded({ drugs: 0 })).toEqual([]);
  });

  it('maps every category to a known service', () => {
    for (const c of INCIDENT_CATEGORIES) expect(SERVICES).toContain(RELEVANT_SERVICE[c]);
  });
});

describe('cooperationGaps', () => {
  it('is a gap when the needed service never acted there', () => {
    const gaps = cooperationGaps([hot({ categories: { drugs: 4 } })], WINDOW_START);
    expect(gaps).toEqual([
      {
        id: 1,
        bin: 3,
        z: 3.5,
        missing: [{ service: 'operational_search', categories: ['drugs'], incidents: 4, share: 1, lastAction: null }],
      },
    ]);
  });

  it('is no gap when the service acted on the first day of the window, and a gap the day before', () => {
    expect(cooperationGaps([hot({ lastAction: { criminal_investigation: '2024-03-02' } })], WINDOW_START)).toEqual([]);
    const gaps = cooperationGaps([hot({ lastAction: { criminal_investigation: '2024-03-01' } })], WINDOW_START);
    expect(gaps[0]?.missing[0]?.lastAction).toBe('2024-03-01');
  });

  it('ignores actions with other services', () => {
    const gaps = cooperationGaps([hot({ lastAction: { patrol: '2024-03-20', juvenile: '2024-03-21' } })], WINDOW_START);
    expect(gaps[0]?.missing.map((m) => m.service)).toEqual(['criminal_investigation']);
  });

  it('lists only the needed services that are missing', () => {
    const gaps = cooperationGaps(
      [hot({ categories: { property: 6, drugs: 4 }, lastAction: { criminal_investigation: '2024-03-10' } })],
      WINDOW_START,
    );
    expect(gaps[0]?.missing.map((m) => m.service)).toEqual(['operational_search']);
  });

  it('considers only bins +2 and +3', () => {
    const candidates = [
      hot({ id: 1, bin: 1 }),
      hot({ id: 2, bin: 0 }),
      hot({ id: 3, bin: -3 }),
      hot({ id: 4, bin: 2, z: 2.1 }),
    ];
    expect(cooperationGaps(candidates, WINDOW_START).map((g) => g.id)).toEqual([4]);
  });

  it('puts the most significant first: bin, then z', () => {
    const candidates = [hot({ id: 1, bin: 2, z: 2.5 }), hot({ id: 2, bin: 3, z: 2.9 }), hot({ id: 3, bin: 3, z: 4.1 })];
    expect(cooperationGaps(candidates, WINDOW_START).map((g) => g.id)).toEqual([3, 2, 1]);
  });
});
