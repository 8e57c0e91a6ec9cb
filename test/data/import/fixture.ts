// A tiny analytics database for import tests: the real schema, two square mahallas side by side, two demo incidents.
import { writeFileSync } from 'node:fs';
import { openDb, type Db } from '../../../server/db/database.ts';
import { createSchema } from '../../../data/load.ts';

/** Mahalla 1 covers lon 69.20–69.21, mahalla 2 lon 69.21–69.22; both lat 41.30–41.31. */
const square = (x: number): string =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x, 41.3],
        [x + 0.01, 41.3],
        [x + 0.01, 41.31],
        [x, 41.31],
        [x, 41.3],
      ],
    ],
  });

/** Creates the database file at `path` (closed again, so a child process may open it). */
export async function makeDb(path: string): Promise<void> {
  const db = await openDb(path);
  await createSchema(db);
  await db.run(
    `INSERT INTO mahallas VALUES (1, '1726287001', 'A', '1726287', 100, 30, 1, 69.205, 41.305, false, $a),
                                 (2, '1726287002', 'B', '1726287', 100, 30, 1, 69.215, 41.305, false, $b)`,
    { a: square(69.2), b: square(69.21) },
  );
  await db.run(`INSERT INTO incidents VALUES (1, '2024-01-01 10:00', 69.201, 41.301, 1, 'fraud', 'registered', 0),
                                             (2, '2024-01-02 10:00', 69.211, 41.301, 2, 'drugs', 'solved', 0)`);
  db.close();
}

/** Everything an import may change, as comparable JSON (the imports log aside). */
export async function dump(db: Db): Promise<string> {
  const tables = await Promise.all([
    db.all('SELECT * FROM incidents ORDER BY id'),
    db.all('SELECT * FROM incident_months ORDER BY ALL'),
    db.all('SELECT * FROM applications ORDER BY id'),
  ]);
  return JSON.stringify(tables);
}

/** Writes text to a file in UTF-8, UTF-8 with a BOM, or Windows-1251 (Cyrillic and ASCII only). */
export function writeText(path: string, text: string, encoding: 'utf-8' | 'bom' | 'windows-1251' = 'utf-8'): void {
  if (encoding === 'windows-1251') writeFileSync(path, encode1251(text));
  else writeFileSync(path, (encoding === 'bom' ? '\ufeff' : '') + text);
}

/** Windows-1251 bytes of ASCII and Russian Cyrillic text (А–я at 0xC0–0xFF, Ё 0xA8, ё 0xB8, № 0xB9). */
export function encode1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      if (c === 0x2116) return 0xb9;
      throw new RangeError(`no Windows-1251 byte for ${ch}`);
    }),
  );
}
