// The background warm-up at start loads the shared caches a first screen and a first card read, and a closing server
// stops it between loads. Seen from outside: once warmed, the kept copies answer even after the tables change beneath
// them (a change only an import makes, and an import bumps the data generation, which reloads them).
import { describe, expect, it } from 'vitest';
import { recordsByMahalla } from '../../../server/services/mahallas/card-figures.ts';
import { metaOf } from '../../../server/services/meta.ts';
import { warmCaches } from '../../../server/services/warm.ts';
import { weekColumns } from '../../../server/db/week-columns.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

describe('warming the caches at start', () => {
  it('loads meta and the card copies, so later reads come from memory', async () => {
    const db = await fixtureDb();
    await warmCaches(db, () => false);
    const before = await metaOf(db);
    const kept = await recordsByMahalla(db, 'incidents');
    expect(kept.minute.length).toBe(before.counts.incidents);
    await db.run(`UPDATE meta SET value = 'changed' WHERE key = 'scale'`);
    await db.run('DELETE FROM incidents');
    expect((await metaOf(db)).scale).toBe(before.scale);
    expect((await recordsByMahalla(db, 'incidents')).minute.length).toBe(before.counts.incidents);
    // The weekly columns of both sources (emerging hot spots of any filter) are kept too.
    await db.run('DELETE FROM incident_weeks; DELETE FROM application_weeks');
    for (const source of ['incidents', 'applications'] as const)
      expect((await weekColumns(db, source)).id.length).toBeGreaterThan(0);
    db.close();
  });

  it('a stopped warm-up loads nothing: the first request reads the tables as they are', async () => {
    const db = await fixtureDb();
    await warmCaches(db, () => true);
    await db.run(`UPDATE meta SET value = 'changed' WHERE key = 'scale'`);
    expect((await metaOf(db)).scale).toBe('changed');
    db.close();
  });
});
