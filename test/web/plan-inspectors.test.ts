// The inspectors a plan's form offers for a district (web/views/plans/plan-view.ts), read from the territories as
// columns (GET /api/coverage/territories) rather than from every mahalla's polygon: the district's own, by name, each
// with the number of mahallas it covers; an inspector without a mahalla is not offered.
import { describe, expect, it } from 'vitest';
import { districtInspectors } from '../../web/views/plans/plan-view.ts';

const TERRITORIES = {
  inspectorId: [12, 7, 30, 41, 9, 3],
  name: ['Rustamov B.', 'Aliyev A.', 'Karimov K.', null, 'Bakirov D.', 'Aliyev A.'],
  districtSoato: ['1726290', '1726290', '1726294', '1726290', '1726290', '1726290'],
  slot: [0, 1, 2, 3, 4, 5],
  mahallaIds: [[101, 102, 103], [104], [201, 202], [105, 106], [], [107, 108]],
};

describe('districtInspectors', () => {
  it('offers the district’s inspectors by name (ties by id), each with its mahallas, none without one', () => {
    expect(districtInspectors(TERRITORIES, '1726290')).toEqual([
      { id: 3, name: 'Aliyev A.', mahallas: 2 },
      { id: 7, name: 'Aliyev A.', mahallas: 1 },
      // A name the asker may not see stands as the inspector's number.
      { id: 41, name: 'Inspector 41', mahallas: 2 },
      { id: 12, name: 'Rustamov B.', mahallas: 3 },
    ]);
  });

  it('offers nobody of another district, so a stale answer for the previous district offers nobody', () => {
    expect(districtInspectors(TERRITORIES, '1726294')).toEqual([{ id: 30, name: 'Karimov K.', mahallas: 2 }]);
    expect(districtInspectors(TERRITORIES, '1726264')).toEqual([]);
  });
});
