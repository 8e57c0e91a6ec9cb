// `npm run import -- mahallas|districts|regions <file> …` hands over to boundaries/cli.ts (a new boundary version, records
// re-placed). `npm run import -- incidents|applications <file.csv|.xlsx|.parquet> [--sheet NAME] [--mapping m.json]
// [--dry-run] [--keep-good] [--report FILE] [--since DAY] [--crs EPSG] [--memory-limit 2GB] [--out FILE]` adds or updates records in one
// transaction (records.ts), after a geocoding quality report; progress goes to stderr (a bar on a terminal, else a line
// every few seconds). `base_points`, `inspectors` and `joint_actions` add or update those by the source's id
// (reference.ts, joint-actions.ts). `npm run import -- territories <file>` makes a new territory version per district in
// the user store (territory.ts). All refuse to run while a server holds the files; only `territories` writes to the user
// store, and only new versions. While a server holds the database (its `<db>.server.json` beside it, or `--server URL`),
// the file goes through that server's Import API instead (remote.ts): `--user NAME [--password-file FILE]`.
import { readFileSync, statSync } from 'node:fs';
import type { ImportMapping } from '../../server/contract/imports.ts';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { boundaryCli, isBoundaryLevel, USAGE as BOUNDARY_USAGE } from './boundaries/cli.ts';
import { BASE_POINTS, INSPECTORS, RECORD_KINDS, type RecordKindName } from './record-kinds.ts';
import { importReference } from './reference.ts';
import { importJointActions } from './joint-actions.ts';
import { importRecords } from './records.ts';
import { Progress } from './progress.ts';
import { problemLine } from './report.ts';
import { importTerritories } from './territory.ts';
import { openStore } from '../../server/store/duck/open.ts';
import { readEnv } from '../../server/env.ts';
import { openDb } from '../../server/db/database.ts';
import { assertNotInUse } from '../../server/store/carry-over.ts';
import { importViaServer, passwordOf, serverOf } from './remote.ts';

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
    out: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'keep-good': { type: 'boolean', default: false },
    report: { type: 'string' },
    since: { type: 'string' },
    crs: { type: 'string' },
    sheet: { type: 'string' },
    'order-number': { type: 'string' },
    'order-date': { type: 'string' },
    'effective-from': { type: 'string' },
    server: { type: 'string' },
    user: { type: 'string' },
    'password-file': { type: 'string' },
    'memory-limit': { type: 'string' },
  },
});
const [what, file] = positionals;
const USAGE = `${BOUNDARY_USAGE}
       npm run import -- incidents|applications <file.csv|file.xlsx|file.parquet> [--sheet NAME] [--mapping m.json] [--dry-run] [--keep-good] [--report FILE] [--since YYYY-MM-DD] [--crs EPSG] [--memory-limit 2GB] [--out FILE]
       npm run import -- base_points|inspectors|joint_actions <file.csv|file.xlsx|file.parquet> [--sheet NAME] [--mapping m.json] [--dry-run] [--crs EPSG] [--report FILE] [--out FILE]
       npm run import -- territories <file.csv|file.xlsx> [--sheet NAME] [--mapping m.json] [--dry-run] [--order-number N --order-date YYYY-MM-DD --effective-from YYYY-MM-DD]
       while Hamkor runs (found beside the database, or --server URL): add --user NAME [--password-file FILE]`;
const isRecordKind = (w: string | undefined): w is RecordKindName => w !== undefined && Object.hasOwn(RECORD_KINDS, w);
const REFERENCE = { base_points: BASE_POINTS, inspectors: INSPECTORS } as const;
const isReference = (w: string | undefined): w is keyof typeof REFERENCE | 'joint_actions' =>
  w === 'joint_actions' || (w !== undefined && Object.hasOwn(REFERENCE, w));
if ((what !== 'territories' && !isRecordKind(what) && !isReference(what)) || !file) {
  console.error(USAGE);
  process.exit(2);
}
const env = readEnv();
const out = values.out ?? env.HAMKOR_DB;
/** Flags the server's import does not take (its page has no such choice). */
const LOCAL_ONLY = ['sheet', 'since', 'crs', 'memory-limit', 'order-number', 'order-date', 'effective-from'] as const;
try {
  const server = serverOf(out, values.server);
  if (server) {
    const local = LOCAL_ONLY.filter((k) => values[k] !== undefined);
    if (local.length > 0)
      throw new Error(
        `Hamkor is running at ${server}: the import goes through it, which does not take --${local.join(', --')} ` +
          '(stop the server to use them, or convert the file first)',
      );
    if (!values.user)
      throw new Error(
        `Hamkor is running at ${server}: the import goes through it. Give --user NAME (an analyst or administrator) ` +
          'and the password (asked here, or --password-file FILE)',
      );
    process.exit(
      await importViaServer({
        server,
        user: values.user,
        password: await passwordOf(values['password-file'], values.user),
        kind: what,
        file,
        mapping: values.mapping
          ? (JSON.parse(readFileSync(values.mapping, 'utf8')) as ImportMapping)
          : { columns: {}, values: {} },
        dryRun: values['dry-run'],
        keepGood: values['keep-good'],
        report: values.report ?? `${file}.import-report.json`,
      }),
    );
  }
  if (isReference(what)) {
    await assertNotInUse(out);
    const db = await openDb(out);
    try {
      const o = {
        file,
        mapping: values.mapping,
        sheet: values.sheet,
        dryRun: values['dry-run'],
        report: values.report,
        crs: values.crs,
      };
      const r =
        what === 'joint_actions' ? await importJointActions(db, o) : await importReference(db, REFERENCE[what], o);
      for (const p of r.problems.slice(0, 20)) console.log(problemLine(p));
      console.log(
        r.added === undefined
          ? `Refused, nothing was written (${r.problemCount} problems). Report: ${r.report}`
          : `${r.committed ? 'Committed' : 'Dry run, nothing written'}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged. Report: ${r.report}`,
      );
      if (!r.committed && !values['dry-run']) process.exitCode = 1;
    } finally {
      db.close();
    }
  } else if (what === 'territories') {
    const [db, store] = [await openDb(out, { readOnly: true }), await openStore(env.HAMKOR_STATE)];
    try {
      const o = [values['order-number'], values['order-date'], values['effective-from']];
      if (o.some((v) => v !== undefined) && !o.every((v) => v !== undefined))
        throw new Error('an order needs all of --order-number, --order-date and --effective-from');
      const [orderNumber, orderDate, effectiveFrom] = o as string[];
      const r = await importTerritories(db, store, {
        file,
        mapping: values.mapping,
        sheet: values.sheet,
        dryRun: values['dry-run'],
        order: orderNumber ? { orderNumber, orderDate: orderDate!, effectiveFrom: effectiveFrom! } : undefined,
        by: { accountId: null, username: `import (${userInfo().username})` },
      });
      for (const p of r.problems.slice(0, 20)) console.log(problemLine(p));
      for (const d of r.districts)
        console.log(
          `district ${d.district}: ${d.changed} mahallas change inspector; ${d.status === 'unchanged' ? 'nothing new' : d.status === 'dry run' ? 'a new version would be made' : `version ${d.version} made (${d.status})`}`,
        );
      console.log(`${r.committed ? 'Committed' : 'Nothing was written'}. Report: ${r.report}`);
      if (!r.committed && !values['dry-run']) process.exitCode = 1;
    } finally {
      store.close();
      db.close();
    }
  } else {
    await assertNotInUse(out);
    const db = await openDb(out);
    const size = statSync(file).size;
    const progress = new Progress(size);
    try {
      const r = await importRecords(db, {
        progress: (rows, bytes, last) => (last ? progress.done(rows, size) : progress.update(rows, bytes)),
        since: values.since,
        crs: values.crs,
        sheet: values.sheet,
        memoryLimit: values['memory-limit'],
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
