// Record import end to end (issue 13): a national-size incidents export (10 M rows as UTF-8 CSV and as Parquet, 1 M as
// Windows-1251 CSV with semicolons and Russian labels) imported into a copy of the national database, each in its own
// process so its peak memory is its own. Run alone: `node --import tsx bench/import-records.ts [rows]`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/db/database.ts';
import { INCIDENTS } from '../data/import/record-kinds.ts';
import { importRecords } from '../data/import/records.ts';
import { importMemoryLimit } from '../data/import/memory.ts';
import type { BenchRow } from './spatial-join.ts';

interface ChildResult {
  seconds: number;
  peakRssMb: number;
  rowsRead: number;
  added: number;
  problems: number;
  /** DuckDB's memory limit during the import (data/import/memory.ts) */
  memoryLimit: string;
}

/** The export: the national demo's own incidents (so every point lies in a mahalla), under source ids. */
async function writeExports(national: string, dir: string, rows: number): Promise<Record<string, string>> {
  const db = await openDb(national, { readOnly: true });
  const files = { csv: join(dir, 'incidents.csv'), parquet: join(dir, 'incidents.parquet') };
  const select = `SELECT 'N' || id AS id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS date, lon, lat, category::VARCHAR AS
    category, status::VARCHAR AS status FROM incidents WHERE lon IS NOT NULL ORDER BY id LIMIT ${rows}`;
  try {
    await db.run(`COPY (${select}) TO '${files.csv}' (HEADER, DELIMITER ',', QUOTE '')`);
    await db.run(`COPY (${select}) TO '${files.parquet}' (FORMAT parquet)`);
    const ru = join(dir, 'incidents-ru.utf8.csv');
    await db.run(`COPY (SELECT id AS "Номер", strftime(date::TIMESTAMP, '%d.%m.%Y %H:%M') AS "Дата регистрации",
        replace(lon::VARCHAR, '.', ',') AS "Долгота", replace(lat::VARCHAR, '.', ',') AS "Широта",
        CASE category WHEN 'property' THEN 'Кража' WHEN 'fraud' THEN 'Мошенничество' ELSE category END AS "Вид",
        CASE status WHEN 'solved' THEN 'раскрыто' WHEN 'unsolved' THEN 'не раскрыто' ELSE status END AS "Статус"
      FROM (${select}) LIMIT ${Math.min(rows, 1_000_000)}) TO '${ru}' (HEADER, DELIMITER ';', QUOTE '')`);
    await transcode1251(ru, join(dir, 'incidents-ru.csv'));
    rmSync(ru);
    return { ...files, ru: join(dir, 'incidents-ru.csv') };
  } finally {
    db.close();
  }
}

/** Re-encodes a UTF-8 text of ASCII and Cyrillic as Windows-1251, with CRLF line ends as Windows exports have. */
async function transcode1251(from: string, to: string): Promise<void> {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  const out = createWriteStream(to);
  const text = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(from)) {
    const s = text.decode(chunk as Buffer, { stream: true }).replace(/\n/g, '\r\n');
    const bytes = Buffer.alloc(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = byChar.get(s[i]!) ?? 0x3f;
    if (!out.write(bytes)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function importInChild(file: string, db: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/import-records.ts', '--child', file, db], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/** Rows for the bench table; `rows` national-size by default. The national database is copied, never changed. */
export async function benchImportRecords(
  national: string,
  log: (s: string) => void,
  rows = 10_000_000,
): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hamkor-bench-import-'));
  try {
    const source = join(dir, 'source.duckdb');
    copyFileSync(national, source);
    log(`writing ${rows.toLocaleString('en')}-row incident exports…`);
    const files = await writeExports(source, dir, rows);
    const out: BenchRow[] = [];
    const cases: Array<[string, string, string]> = [
      ['csv', `import ${(rows / 1e6).toFixed(0)} M incidents, UTF-8 CSV, end to end`, '≥ 1 M rows/s'],
      ['parquet', `import ${(rows / 1e6).toFixed(0)} M incidents, Parquet, end to end`, 'faster than CSV'],
      ['ru', `import ${(Math.min(rows, 1e6) / 1e6).toFixed(0)} M incidents, Windows-1251 CSV (;), end to end`, '—'],
    ];
    for (const [key, name, target] of cases) {
      const file = files[key]!;
      const db = join(dir, 'national.duckdb');
      copyFileSync(source, db);
      log(`${name} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)…`);
      const r = importInChild(file, db);
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
      if (r.problems > 0 || r.added !== r.rowsRead) throw new Error(`${key}: ${JSON.stringify(r)}`);
      const perSecond = r.rowsRead / r.seconds;
      out.push({
        name,
        value: `${(perSecond / 1e6).toFixed(2)} M rows/s (${r.seconds.toFixed(1)} s), peak ${r.peakRssMb} MB (DuckDB limit ${r.memoryLimit})`,
        target,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [file, path] = args.slice(1) as [string, string];
  const db = await openDb(path);
  const t0 = performance.now();
  const r = await importRecords(db, {
    kind: INCIDENTS,
    file,
    report: `${file}.report.json`,
    by: 'bench',
    log: (l) => process.stderr.write(`  ${l}\n`),
  });
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  // maxRSS is in KiB and covers the whole process (DuckDB's native memory included).
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      seconds,
      peakRssMb,
      rowsRead: r.rowsRead,
      added: r.added ?? 0,
      problems: r.problemCount,
      memoryLimit: importMemoryLimit(),
    }),
  );
} else if (process.argv[1]?.endsWith('import-records.ts')) {
  const national = process.env.HAMKOR_BENCH_DB ?? 'data/hamkor-national.duckdb';
  const rows = await benchImportRecords(national, (s) => process.stderr.write(`${s}\n`), Number(args[0] ?? 1e7));
  for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.target} |`);
}
