// The record import's memory bound: the limit read from a flag, the environment or the default (anything else refused
// by name), set on DuckDB for the import's length and put back after, even when the import fails.
import { describe, expect, it } from 'vitest';
import { importMemoryLimit, withMemoryLimit } from '../../../data/import/memory.ts';
import { openDb } from '../../../server/db/database.ts';

describe('import memory limit', () => {
  it('comes from the flag, else HAMKOR_IMPORT_MEMORY, else 2GB; anything not a size is refused naming its source', () => {
    expect(importMemoryLimit('512mb', { HAMKOR_IMPORT_MEMORY: '3GB' })).toBe('512MB');
    expect(importMemoryLimit(undefined, { HAMKOR_IMPORT_MEMORY: '1.5 GiB' })).toBe('1.5GiB');
    expect(importMemoryLimit(undefined, {})).toBe('2GB');
    expect(() => importMemoryLimit("2GB'; DROP TABLE x; --", {})).toThrow(
      `--memory-limit: "2GB'; DROP TABLE x; --" is not a memory size (say 2GB or 512MB)`,
    );
    expect(() => importMemoryLimit(undefined, { HAMKOR_IMPORT_MEMORY: 'lots' })).toThrow(
      'HAMKOR_IMPORT_MEMORY: "lots" is not a memory size (say 2GB or 512MB)',
    );
  });

  it('holds for the work and is put back after, also when the work fails', async () => {
    const db = await openDb(':memory:');
    const con = await db.connect();
    const limit = async (): Promise<string> =>
      String((await con.runAndReadAll("SELECT current_setting('memory_limit')")).getRows()[0]?.[0]);
    try {
      const before = await limit();
      expect(await withMemoryLimit(con, '256MB', ':memory:', limit)).toBe('244.1 MiB');
      expect(await limit()).toBe(before);
      await con.run("SET memory_limit = '3GB'");
      const set = await limit();
      await expect(
        withMemoryLimit(con, '128MB', ':memory:', () => Promise.reject(new Error('the import failed'))),
      ).rejects.toThrow('the import failed');
      expect(await limit()).toBe(set);
    } finally {
      con.closeSync();
      db.close();
    }
  });
});
