// The 0.1-day bins that resolution times travel in (server/services/applications-flow.ts): the bin of a time, made in
// SQL, is exactly the rounding the API applies to a time in days, so quantiles of bins equal rounded quantiles.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db/database.ts';
import { TIME_BIN } from '../../../server/services/applications/flow.ts';

describe('resolution-time bins', () => {
  it('bins every minute of the first 5 years as Math.round(days · 10), ties at x.x5 days included', async () => {
    const db = await openDb(':memory:');
    try {
      await db.run(`CREATE TABLE applications AS
                    SELECT TIMESTAMP '2024-01-01 08:00:00' AS received_at, TIMESTAMP '2024-01-01 08:00:00' + to_minutes(range) AS resolved_at
                    FROM range(0, 5 * 366 * 1440)`);
      const { m, bin } = await db.ints<'m' | 'bin'>(
        `SELECT date_diff('minute', received_at, resolved_at)::INTEGER AS m, ${TIME_BIN} AS bin FROM applications`,
      );
      expect(m.length).toBe(5 * 366 * 1440);
      let wrong = 0;
      m.forEach((minutes, k) => {
        if (bin[k] !== Math.round((minutes / 1440) * 10)) wrong++;
      });
      expect(wrong).toBe(0);
    } finally {
      db.close();
    }
  });
});
