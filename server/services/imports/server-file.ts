// The file a running server writes beside its analytics database (`<db>.server.json`: its local address and process
// id), so that `npm run import` finds it and sends the file through its Import API instead of opening the database,
// which DuckDB lets only one process write.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface ServerFile {
  /** where the server answers on this machine, e.g. http://127.0.0.1:8080 */
  url: string;
  pid: number;
}

/** The server file's path for a database path. @example serverFilePath('/srv/hamkor.duckdb') // '/srv/hamkor.duckdb.server.json' */
export const serverFilePath = (db: string): string => `${db}.server.json`;

/** Writes the file (owner-only, like the database); returns a function that removes it, if it is still ours. */
export function writeServerFile(db: string, info: ServerFile): () => void {
  const path = serverFilePath(db);
  writeFileSync(path, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  return () => {
    if (readServerFile(db)?.pid === info.pid) rmSync(path, { force: true });
  };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The running server of a database, or null: no file, an unreadable one, or one left by a process that is gone. */
export function readServerFile(db: string): ServerFile | null {
  try {
    const raw = JSON.parse(readFileSync(serverFilePath(db), 'utf8')) as Partial<ServerFile>;
    if (typeof raw.url !== 'string' || typeof raw.pid !== 'number') return null;
    return alive(raw.pid) ? { url: raw.url, pid: raw.pid } : null;
  } catch {
    return null;
  }
}
