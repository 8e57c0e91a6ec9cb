// The overload rule: strict comparisons, the incidents norm scaled to the period, one flag per norm with its reason.
import { describe, expect, it } from 'vitest';
import { NORM_DEFAULTS, type Norms } from '../../../server/contract/coverage.ts';
import { incidentLimit, overloadFlags } from '../../../server/shared/overload.ts';

const norms: Norms = { normResidents: 10_000, normIncidents: 30, normDistanceKm: 4 };
const calm = { residents: 8_000, incidents: 20, maxDistanceKm: 3 };

describe('incidentLimit', () => {
  it('is the 30-day norm for 30 days, scaled for other lengths, to one decimal', () => {
    expect(incidentLimit(norms, 30)).toBe(30);
    expect(incidentLimit(norms, 90)).toBe(90);
    expect(incidentLimit(norms, 7)).toBe(7);
    expect(incidentLimit({ ...norms, normIncidents: 4 }, 31)).toBe(4.1);
  });
});

describe('overloadFlags', () => {
  it('flags nothing within every norm', () => {
    expect(overloadFlags(calm, norms, 30)).toEqual([]);
  });

  it('does not flag a value equal to its norm', () => {
    expect(overloadFlags({ residents: 10_000, incidents: 30, maxDistanceKm: 4 }, norms, 30)).toEqual([]);
  });

  it('flags residents over the norm with value, limit and reason', () => {
    expect(overloadFlags({ ...calm, residents: 10_001 }, norms, 30)).toEqual([
      { norm: 'normResidents', value: 10_001, limit: 10_000, reason: '10,001 residents, norm 10,000' },
    ]);
  });

  it('judges incidents against the norm scaled to the period: 40 in 30 days is over, 40 in 60 days is not', () => {
    expect(overloadFlags({ ...calm, incidents: 40 }, norms, 30).map((f) => f.norm)).toEqual(['normIncidents']);
    expect(overloadFlags({ ...calm, incidents: 40 }, norms, 60)).toEqual([]);
    expect(overloadFlags({ ...calm, incidents: 40 }, norms, 30)[0]?.reason).toBe(
      '40 incidents in 30 days, norm 30 (30 per 30 days)',
    );
  });

  it('flags a far base point with the distance to one decimal in the reason', () => {
    expect(overloadFlags({ ...calm, maxDistanceKm: 4.26 }, norms, 30)).toEqual([
      {
        norm: 'normDistanceKm',
        value: 4.26,
        limit: 4,
        reason: 'farthest mahalla 4.3 km from the base point, norm 4 km',
      },
    ]);
  });

  it('gives every exceeded norm its own flag, residents, incidents, distance', () => {
    expect(
      overloadFlags({ residents: 20_000, incidents: 100, maxDistanceKm: 9 }, norms, 30).map((f) => f.norm),
    ).toEqual(['normResidents', 'normIncidents', 'normDistanceKm']);
  });

  it('leaves an ordinary demo territory alone under the defaults (≈ 9,600 residents, 32 incidents a month, 1.3 km)', () => {
    expect(overloadFlags({ residents: 9_600, incidents: 96, maxDistanceKm: 1.3 }, NORM_DEFAULTS, 90)).toEqual([]);
  });
});
