// The demo plans written at build: an ended plan and a running one that between them show every fulfilment state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../data/build-db.ts';
import { openDb, type Db } from '../../server/db/database.ts';
import { getPlan, listPlans } from '../../server/services/plans/progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-plans-'));
let db: Db;

beforeAll(async () => {
  await buildDatabase({ scale: 'test', out: join(dir, 'p.duckdb') });
  db = await openDb(join(dir, 'p.duckdb'), { readOnly: true });
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo plans', () => {
  it('holds last quarter (ended) and this quarter (running at the data end, 2026-11-01)', async () => {
    const plans = await listPlans(db);
    expect(plans.map((p) => [p.from, p.to, p.schedule.ended])).toEqual([
      ['2026-10-01', '2026-12-31', false],
      ['2026-07-01', '2026-09-30', true],
    ]);
    expect(plans.every((p) => p.asOf === '2026-11-01' && p.items > 0)).toBe(true);
  });

  it('shows done and overdue items in the ended plan, done, on-track and behind ones in the running plan', async () => {
    const [running, ended] = await listPlans(db);
    const states = async (id: number | undefined): Promise<string[]> =>
      [...new Set((await getPlan(db, id ?? 0))?.items.map((i) => i.state))].sort();
    expect(await states(ended?.id)).toEqual(['done', 'overdue']);
    expect(await states(running?.id)).toEqual(['behind', 'done', 'on_track']);
  });
});
