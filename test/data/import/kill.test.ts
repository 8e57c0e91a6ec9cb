// The import CLI as a separate process: refused while another process (the server) holds the database, and a kill -9
// in the middle of a large import leaves the previous data intact so that the next import succeeds.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db/database.ts';
import { INCIDENTS } from '../../../data/import/record-kinds.ts';
import { importRecords } from '../../../data/import/records.ts';
import { dump, makeDb, writeText } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]): string[] => ['--import', 'tsx', 'data/import/cli.ts', ...args];

/** A large valid incidents file: `n` rows spread over both fixture mahallas. */
async function writeLarge(path: string, n: number): Promise<void> {
  const w = createWriteStream(path);
  w.write('id,date,lon,lat,category,status\n');
  for (let i = 0; i < n; i += 10_000) {
    let block = '';
    for (let j = i; j < Math.min(n, i + 10_000); j++)
      block += `L${j},2024-02-${10 + (j % 19)} 12:00,${(69.2001 + (j % 199) * 1e-4).toFixed(4)},41.305,drugs,solved\n`;
    if (!w.write(block)) await once(w, 'drain');
  }
  w.end();
  await once(w, 'finish');
}

describe('the import command beside a running server and under kill -9', () => {
  it('refuses while another process holds the database, and changes nothing', async () => {
    const path = join(dir, 'held.duckdb');
    await makeDb(path);
    const csv = join(dir, 'small.csv');
    writeText(csv, 'id,date,lon,lat,category,status\nH1,2024-01-01,69.205,41.305,fraud,solved\n');
    const held = await openDb(path);
    try {
      const before = await dump(held);
      const r = spawnSync(process.execPath, cli('incidents', csv, '--out', path), { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${path} is open in a running Hamkor server: stop it first`);
      expect(await dump(held)).toBe(before);
    } finally {
      held.close();
    }
  });

  // Killed while reading, nothing can have been written; killed once writing has begun, the transaction is either
  // committed whole or not at all (whichever the kill lands on), never in part.
  it.each([
    ['while reading', ' rows read'],
    ['while writing', '; writing'],
  ])('a kill -9 %s leaves the previous data or the whole import, and the next import succeeds', async (_, cue) => {
    const path = join(dir, `killed-${cue.length}.duckdb`);
    await makeDb(path);
    const db0 = await openDb(path);
    const before = await dump(db0);
    db0.close();
    const big = join(dir, 'big.csv');
    await writeLarge(big, 300_000);
    const child = spawn(process.execPath, cli('incidents', big, '--out', path), { stdio: ['ignore', 'pipe', 'pipe'] });
    // The progress lines go to stderr, the log to stdout.
    let out = '';
    const watch = (b: Buffer): void => {
      out += b.toString();
      if (out.includes(cue)) child.kill('SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const db = await openDb(path);
    try {
      const [{ n, months } = { n: -1, months: -1 }] = await db.all<{ n: number; months: number }>(
        'SELECT (SELECT count(*) FROM incidents)::INTEGER AS n, (SELECT sum(n) FROM incident_months)::INTEGER AS months',
      );
      if (cue.startsWith('read')) expect(await dump(db)).toBe(before);
      else if ((await dump(db)) !== before) expect({ n, months }).toEqual({ n: 300_000, months: 300_000 });
      const small = join(dir, 'after.csv');
      writeText(small, 'id,date,lon,lat,category,status\nN1,2024-01-01,69.215,41.305,fraud,solved\n');
      expect(await importRecords(db, { kind: INCIDENTS, file: small })).toMatchObject({ committed: true, added: 1 });
      expect(await db.all(`SELECT mahalla_id FROM incidents WHERE source_id = 'N1'`)).toEqual([{ mahalla_id: 2 }]);
    } finally {
      db.close();
    }
  });
});
