// Reads a Parquet export through DuckDB's built-in reader, as the same batches of text rows as the CSV reader gives
// (a header row, then one row per record numbered from 2), so every check and message is shared.
import { createReadStream } from 'node:fs';
import type { Db } from '../../server/db/database.ts';
import type { CsvRow } from './csv.ts';

/** A column name as a quoted SQL identifier (the name comes from the file, never from SQL text). */
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Streams `path`'s rows with every column cast to text (NULL → empty); `chunk` sees the file's bytes (the checksum).
 * @example for await (const { rows } of readParquet(db, 'incidents.parquet')) for (const r of rows) console.log(r.fields);
 */
export async function* readParquet(
  db: Db,
  path: string,
  on: { chunk?: (bytes: Buffer) => void } = {},
): AsyncGenerator<{ rows: CsvRow[]; bytes: number }> {
  let bytes = 0;
  for await (const b of createReadStream(path)) {
    bytes += (b as Buffer).length;
    on.chunk?.(b as Buffer);
  }
  const con = await db.connect();
  try {
    const described = await con.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path });
    const names = (described.getRowObjectsJson() as Array<{ column_name: string }>).map((r) => r.column_name);
    yield { rows: [{ line: 1, fields: names }], bytes };
    const cast = names.map((n) => `${ident(n)}::VARCHAR`).join(', ');
    const result = await con.stream(`SELECT ${cast} FROM read_parquet($path)`, { path });
    let line = 1;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const rows = chunk.getRows().map((r) => ({ line: ++line, fields: r.map((v) => (v === null ? '' : String(v))) }));
      yield { rows, bytes };
    }
  } finally {
    con.closeSync();
  }
}
