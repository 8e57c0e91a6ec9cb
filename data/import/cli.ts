// `npm run import -- mahallas <file> …` hands over to boundaries/cli.ts (a new boundary version, records re-placed).
// `npm run import -- incidents|applications <file.csv|.parquet> [--mapping m.json] [--dry-run]
// [--keep-good] [--report FILE] [--out FILE]` adds or updates records in it in one transaction (records.ts).
// Both refuse to run while a server holds the file; the user store is never touched.
import { parseArgs } from 'node:util';
import { boundaryCli, isBoundaryLevel, USAGE as BOUNDARY_USAGE } from './boundaries/cli.ts';
import { RECORD_KINDS, type RecordKindName } from './record-kinds.ts';
import { importRecords } from './records.ts';
import { readEnv } from '../../server/env.ts';
import { openDb } from '../../server/db/database.ts';
import { assertNotInUse } from '../../server/store/carry-over.ts';

// Boundaries have their own flags (boundaries/cli.ts).
if (isBoundaryLevel(process.argv[2])) {
  try {
    process.exit(await boundaryCli(process.argv[2] ?? '', process.argv.slice(3)));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: 'city' },
    out: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'keep-good': { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
const [what, file] = positionals;
const USAGE = `${BOUNDARY_USAGE}
       npm run import -- incidents|applications <file.csv|file.parquet> [--mapping m.json] [--dry-run] [--keep-good] [--report FILE] [--out FILE]`;
const isRecordKind = (w: string | undefined): w is RecordKindName => w !== undefined && Object.hasOwn(RECORD_KINDS, w);
if (!isRecordKind(what) || !file) {
  console.error(USAGE);
  process.exit(2);
}
const env = readEnv();
const out = values.out ?? env.HAMKOR_DB;
try {
  {
    await assertNotInUse(out);
    const db = await openDb(out);
    try {
      const r = await importRecords(db, {
        kind: RECORD_KINDS[what],
        file,
        mapping: values.mapping,
        dryRun: values['dry-run'],
        keepGood: values['keep-good'],
        report: values.report,
        log: (l) => console.log(l),
      });
      const f = r.format ? ` (${r.format.encoding}${r.format.bom ? ' with BOM' : ''}, "${r.format.delimiter}")` : '';
      console.log(`${file}${f}: ${r.rowsRead} rows read, ${r.rowsGood} good, ${r.rejected} rejected`);
      for (const [col, list] of Object.entries(r.unmapped))
        console.log(`  unmapped ${col}: ${list.map((u) => `"${u.value}" ×${u.rows}`).join(', ')}`);
      if (r.added !== undefined)
        console.log(
          `${r.committed ? 'Committed' : 'Dry run, nothing written'}: ${r.added} added, ${r.updated} updated, ` +
            `${r.unchanged} unchanged, ${r.removedDemo} demo ${what} removed`,
        );
      else if (r.problemCount > 0)
        console.log('Refused, nothing was written (use --keep-good to import the good rows)');
      console.log(`Report: ${r.report}${r.rejects ? `; rejected rows: ${r.rejects}` : ''}`);
      if (!r.committed && !values['dry-run']) process.exitCode = 1;
    } finally {
      db.close();
    }
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
