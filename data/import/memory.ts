// Bounds the memory of a record import: DuckDB is given a memory limit for the import's length (default 2 GB, or
// HAMKOR_IMPORT_MEMORY / --memory-limit), so its temporary tables spill to its temp directory beside the database
// instead of growing (10 M rows peaked at 5.5 GB without it); the previous limit is restored afterwards.
import type { DuckDBConnection } from '@duckdb/node-api';

/** The import's DuckDB memory limit unless told otherwise: leaves the server and the JavaScript side room on 8 GB. */
export const DEFAULT_IMPORT_MEMORY = '2GB';

/** A DuckDB memory size as an operator writes it: a number and a unit (KB … TB, KiB … TiB). */
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

/**
 * The memory limit to use: `given` (a flag), else HAMKOR_IMPORT_MEMORY, else 2GB; anything that is not a size is
 * refused naming where it came from (it goes into a SET statement, which takes no parameters).
 * @example importMemoryLimit('512MB') // '512MB'
 * @example importMemoryLimit(undefined, {}) // '2GB'
 */
export function importMemoryLimit(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  const [from, value] =
    given !== undefined
      ? ['--memory-limit', given]
      : env.HAMKOR_IMPORT_MEMORY
        ? ['HAMKOR_IMPORT_MEMORY', env.HAMKOR_IMPORT_MEMORY]
        : ['default', DEFAULT_IMPORT_MEMORY];
  const m = SIZE.exec(value);
  if (!m) throw new Error(`${from}: "${value}" is not a memory size (say 2GB or 512MB)`);
  return `${m[1]}${m[2]!.toUpperCase().replace('IB', 'iB')}`;
}

const setting = async (con: DuckDBConnection, name: string): Promise<string> =>
  String((await con.runAndReadAll('SELECT current_setting($name)', { name })).getRows()[0]?.[0] ?? '');

/**
 * Runs `work` with DuckDB's memory limit at `limit` (an importMemoryLimit value) and its temp directory set (beside
 * the database, DuckDB's own default for a file, `<db>.tmp`, which it empties as spilled blocks are freed and removes
 * on close); restores the previous limit after. The limit is the instance's: in the server, queries running beside
 * the import share it for that time (they spill rather than fail).
 */
export async function withMemoryLimit<T>(
  con: DuckDBConnection,
  limit: string,
  dbPath: string,
  work: () => Promise<T>,
): Promise<T> {
  const before = await setting(con, 'memory_limit');
  if ((await setting(con, 'temp_directory')) === '' && dbPath !== ':memory:')
    await con.run(`SET temp_directory = '${`${dbPath}.tmp`.replaceAll("'", "''")}'`);
  await con.run(`SET memory_limit = '${limit}'`);
  try {
    return await work();
  } finally {
    // The default comes back exactly by RESET; a limit someone SET comes back from its text, which DuckDB truncates
    // to a tenth ("2.7 GiB" for 3GB): half a tenth more keeps it from shrinking a little every import.
    await con.run('RESET memory_limit').catch(() => undefined);
    const m = /^(\d+)(?:\.(\d+))?\s*([KMGT]i?B)$/.exec(before);
    if (m && (await setting(con, 'memory_limit')) !== before)
      await con.run(`SET memory_limit = '${m[1]}.${m[2] ?? '0'}5 ${m[3]}'`).catch(() => undefined);
  }
}
