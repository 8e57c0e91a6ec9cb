// Provenance: the imports committed into this database (data/import/commit.ts writes one row each), newest first.
import { basename } from 'node:path';
import type { Db } from '../../db/database.ts';

export interface ImportRecord {
  id: number;
  kind: string;
  /** the file's name (never its path on the server) */
  file: string;
  sha256: string;
  importedAt: string;
  importedBy: string;
  mapping: string;
  rowsRead: number;
  rejected: number;
  added: number;
  updated: number;
  unchanged: number;
  removedDemo: number;
}

/** Past imports, newest first (none before the first: the table is made by the first commit). */
export async function listImports(db: Db, limit = 200): Promise<ImportRecord[]> {
  const [has] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'imports'`,
  );
  if (!has?.n) return [];
  const rows = await db.all<ImportRecord>(
    `SELECT id, kind, file, sha256, strftime(imported_at, '%Y-%m-%d %H:%M:%S') AS "importedAt",
            imported_by AS "importedBy", mapping, rows_read AS "rowsRead", rejected, added, updated, unchanged,
            removed_demo AS "removedDemo"
     FROM imports ORDER BY id DESC LIMIT $limit`,
    { limit },
  );
  return rows.map((r) => ({ ...r, file: basename(r.file) }));
}
