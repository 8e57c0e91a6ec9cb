// `npm run import -- mahallas <file> [field flags] [--mapping m.json] [--save-mapping m.json] [--crs EPSG] [--list-fields]
// [--dry-run] [--scale city] [--out FILE]`: the boundary import from the command line (data/import/cli.ts hands over).
import { createHash } from 'node:crypto';
import { area } from '@turf/turf';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDatabase } from '../../build-db.ts';
import type { ScaleName } from '../../generate/scales.ts';
import { readEnv } from '../../../server/env.ts';
import { openDb } from '../../../server/db/database.ts';
import { assertNotInUse, carryOver } from '../../../server/store/carry-over.ts';
import { districtCodesOf, mahallaItems, toMahallaInputs } from '../mahallas.ts';
import { userInfo } from 'node:os';
import { listFields, readMappingFile, type FieldMapping } from './fields.ts';
import { readBoundaryFile, type BoundaryFile } from './read.ts';
import { replaceAreas } from './areas.ts';
import { ImportError } from './problems.ts';
import { checkTopology, describeFinding, SLIVER_M2 } from './topology.ts';
import { LEVELS, validateBoundaries, type BoundaryItem } from './validate.ts';
import { replaceMahallas, type ReplaceReport } from './versions.ts';
import { importViaServer, passwordOf, serverOf } from '../remote.ts';

export const USAGE = `usage: npm run import -- mahallas|districts|regions <file.geojson|.zip|.shp|.kml|.kmz> [--code-field F] [--name-field F]
         [--district-field F (mahallas)] [--region-field F (districts)] [--population-field F] [--households-field F] [--mapping m.json] [--save-mapping m.json]
         [--crs EPSG] [--list-fields] [--sliver-m2 50] [--dry-run] [--scale city|national] [--out FILE (default: HAMKOR_DB)]
         [--server URL --user NAME --password-file FILE (while Hamkor runs; found beside the database without --server)]`;

/** Whether the import command's first word names a boundary level this module imports. */
export const isBoundaryLevel = (w: string | undefined): w is 'mahallas' | 'districts' | 'regions' =>
  w === 'mahallas' || w === 'districts' || w === 'regions';

/**
 * The district codes mahallas may name: those of the database when it holds real mahallas (a versioned re-import),
 * else null (no database, or the demo one: it is rebuilt on the scale's shipped districts).
 */
async function realDistricts(path: string): Promise<Set<string> | null> {
  if (!existsSync(path)) return null;
  const db = await openDb(path, { readOnly: true });
  try {
    const [r] = await db.all<{ real: number }>(
      'SELECT count(*) FILTER (WHERE NOT synthetic)::INTEGER AS real FROM mahallas',
    );
    if ((r?.real ?? 0) === 0) return null;
    return new Set((await db.all<{ soato: string }>('SELECT soato FROM districts')).map((d) => d.soato));
  } finally {
    db.close();
  }
}

/** The report's lines for the terminal. */
export function describeReplace(r: ReplaceReport, dryRun: boolean): string[] {
  const t = (k: keyof ReplaceReport['moved']): string => `${r.moved[k]} ${k.replace('_', ' ')}`;
  return [
    `${dryRun ? 'Dry run, nothing written' : `Boundary version ${r.version} committed`}: ${r.kept} mahallas kept their ids, ` +
      `${r.added} added, ${r.retired} retired (their ids are not reused; earlier versions stay in boundary_geometries)`,
    `Records that changed mahalla: ${t('incidents')}, ${t('applications')}, ${t('base_points')}`,
    ...(['incidents', 'applications', 'base_points'] as const)
      .filter((k) => r.outside[k] > 0)
      .map(
        (k) =>
          `  ${r.outside[k]} ${k.replace('_', ' ')} lie in no new mahalla: kept in theirs where it remains, else the nearest`,
      ),
    ...(r.unassigned > 0 ? [`  ${r.unassigned} territory assignments of retired mahallas removed`] : []),
    ...(r.retiredActions > 0 ? [`  ${r.retiredActions} joint actions stay recorded in retired mahallas`] : []),
  ];
}

/** Reports overlaps and gaps between neighbours and returns the items with slivers snapped. */
function withTopology(file: string, items: BoundaryItem[], sliverM2: number): BoundaryItem[] {
  const t = checkTopology(
    items.map((m) => m.geometry),
    sliverM2,
  );
  for (const f of t.issues) console.log(`  ${file}: ${describeFinding(f)}`);
  if (t.snapped.length > 0)
    console.log(
      `  ${t.snapped.length} slivers of ${sliverM2} m² or less snapped (${Math.round(
        t.snapped.reduce((a, f) => a + f.areaM2, 0),
      )} m² in all)`,
    );
  return items.map((m, i) => {
    const g = t.geometries[i] ?? m.geometry;
    return g === m.geometry ? m : { ...m, geometry: g, areaKm2: area(g) / 1e6 };
  });
}

/** Districts or regions: checked against the database's regions, written in place as a new version. */
async function importAreas(
  level: 'districts' | 'regions',
  file: string,
  bf: BoundaryFile,
  mapping: FieldMapping,
  sliver: number,
  out: string,
  dryRun: boolean,
): Promise<number> {
  if (!existsSync(out)) throw new Error(`${out} does not exist: build the database first (npm run data:build)`);
  const db = await openDb(out);
  try {
    const regions = new Set((await db.all<{ soato: string }>('SELECT soato FROM regions')).map((r) => r.soato));
    const { items, problems } = validateBoundaries(bf, LEVELS[level], mapping, regions);
    if (problems.length > 0) throw new ImportError(problems);
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const record = { by: userInfo().username, mapping: JSON.stringify(mapping) };
    const r = await replaceAreas(db, level, withTopology(file, items, sliver), { file, sha256, dryRun, record });
    console.log(
      `${dryRun ? 'Dry run, nothing written' : `Boundary version ${r.version} committed`}: ${r.updated} ${level} ` +
        `updated, ${r.added} added, ${r.absent} not in the file kept as they were`,
    );
    return 0;
  } finally {
    db.close();
  }
}

/** Runs the boundary import with the words after the level; returns the exit code. */
export async function boundaryCli(level: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'code-field': { type: 'string' },
      'name-field': { type: 'string' },
      'district-field': { type: 'string' },
      'region-field': { type: 'string' },
      'population-field': { type: 'string' },
      'households-field': { type: 'string' },
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      crs: { type: 'string' },
      'list-fields': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      scale: { type: 'string', default: 'city' },
      out: { type: 'string' },
      'sliver-m2': { type: 'string', default: String(SLIVER_M2) },
      server: { type: 'string' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!isBoundaryLevel(level) || !file) {
    console.error(USAGE);
    return 2;
  }
  const bf = await readBoundaryFile(file, values.crs);
  console.log(
    `${file}: ${bf.format}, ${bf.features.length} features, ${bf.crs.name} (EPSG:${bf.crs.code})${bf.encoding ? `, text in ${bf.encoding}` : ''}`,
  );
  if (values['list-fields']) {
    for (const f of listFields(bf.features))
      console.log(
        `  ${f.field}  (${f.filled} of ${bf.features.length} filled)  e.g. ${f.samples.map((s) => JSON.stringify(s)).join(', ')}`,
      );
    return 0;
  }
  const flags: FieldMapping = {};
  if (values['code-field']) flags.code = values['code-field'];
  if (values['name-field']) flags.name = values['name-field'];
  const parentField = level === 'districts' ? values['region-field'] : values['district-field'];
  if (parentField) flags.parent = parentField;
  if (values['population-field']) flags.population = values['population-field'];
  if (values['households-field']) flags.households = values['households-field'];
  const mapping = { ...(values.mapping ? readMappingFile(values.mapping) : {}), ...flags };
  const scale = values.scale as ScaleName;
  const sliver = Number(values['sliver-m2']);
  if (!(sliver >= 0)) throw new Error(`--sliver-m2 must be a number of square metres (got "${values['sliver-m2']}")`);
  const env = readEnv();
  const out = values.out ?? env.HAMKOR_DB;
  const server = serverOf(out, values.server);
  if (server) {
    if (!values.user)
      throw new Error(
        `Hamkor is running at ${server}: the import goes through it. Give --user NAME (an analyst or administrator) ` +
          'and the password (asked here, or --password-file FILE)',
      );
    if (values['save-mapping']) writeFileSync(values['save-mapping'], `${JSON.stringify(mapping, null, 2)}\n`);
    return importViaServer({
      server,
      user: values.user,
      password: await passwordOf(values['password-file'], values.user),
      kind: level,
      file,
      mapping: { columns: { ...mapping }, values: {} },
      dryRun: values['dry-run'],
      keepGood: false,
      crs: values.crs,
      sliverM2: sliver,
      report: `${file}.import-report.json`,
    });
  }
  await assertNotInUse(out);
  if (level !== 'mahallas') return importAreas(level, file, bf, mapping, sliver, out, values['dry-run']);
  const districts = await realDistricts(out);
  const items = withTopology(file, mahallaItems(bf, districts ?? districtCodesOf(scale), mapping), sliver);
  if (values['save-mapping']) writeFileSync(values['save-mapping'], `${JSON.stringify(mapping, null, 2)}\n`);
  if (!districts) {
    if (values['dry-run']) {
      console.log(`Dry run: ${items.length} valid mahallas; the demo database would be rebuilt on them`);
      return 0;
    }
    await carryOver(out, env.HAMKOR_STATE);
    const report = await buildDatabase({
      scale,
      out,
      mahallas: { source: file, items: toMahallaInputs(items) },
      log: (l) => console.log(l),
    });
    console.log(
      `Imported ${items.length} mahallas from ${file} into ${report.out} (the demo database was rebuilt on them)`,
    );
    return 0;
  }
  const db = await openDb(out);
  try {
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    // Listed with the other imports (who, mapping), in the transaction that writes the version.
    const record = { by: userInfo().username, mapping: JSON.stringify(mapping) };
    const r = await replaceMahallas(db, items, { file, sha256, dryRun: values['dry-run'], record });
    for (const line of describeReplace(r, values['dry-run'])) console.log(line);
    return 0;
  } finally {
    db.close();
  }
}
