// The default emerging asks are computed in the background (issue 15): not before the server is up, then kept, and
// computed again after each data change, so the first ask of a national user is answered from kept statistics.
import { describe, expect, it } from 'vitest';
import { bumpDataEpoch } from '../../../server/db/per-db.ts';
import { select } from '../../../server/selection/select.ts';
import { emergingKept, getEmerging } from '../../../server/services/hotspots/emerging.ts';
import { defaultEmergingAsks } from '../../../server/services/hotspots/emerging-warm.ts';
import { keepWarm } from '../../../server/services/warm.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

describe('keepWarm: the emerging hot spots', () => {
  it('keeps the last 90 days and the whole period computed, after start and after every data change', async () => {
    const db = await fixtureDb();
    try {
      const asks = await defaultEmergingAsks(db);
      expect(asks).toHaveLength(2);
      const sels = await Promise.all(asks.map((a) => select(db, a)));
      const kept = (): boolean[] => sels.map((s) => emergingKept(db, s, 'week'));
      expect(kept()).toEqual([false, false]);
      const warmth = keepWarm(db);
      const settled = (): Promise<void> => warmth.settled();
      // Nothing runs before the caller's turn ends: startServer returns, health checks answer.
      expect(kept()).toEqual([false, false]);
      await settled();
      expect(kept()).toEqual([true, true]);
      // A district's ask of the same filters reads the same kept statistics.
      const [one] = await db.all<{ d: string }>('SELECT min(district_soato) AS d FROM mahallas');
      expect(emergingKept(db, await select(db, { ...asks[1]!, district: [one!.d] }), 'week')).toBe(true);
      const before = await getEmerging(db, sels[1]!, 'week');
      bumpDataEpoch(db);
      expect(kept()).toEqual([false, false]);
      await settled();
      expect(kept()).toEqual([true, true]);
      expect(await getEmerging(db, sels[1]!, 'week')).toEqual(before);
      // Four asks are kept, the least recently asked forgotten first: the last 90 days, asked again, outlive three
      // other filter sets; the whole period, not asked since its warm-up, does not.
      await getEmerging(db, sels[0]!, 'week');
      for (const categories of [['person'], ['fraud'], ['drugs']] as const)
        await getEmerging(db, await select(db, { ...asks[0]!, categories }), 'week');
      expect(kept()).toEqual([true, false]);
    } finally {
      db.close();
    }
  });
});
