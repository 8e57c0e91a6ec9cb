// The row checks of mapping.ts readCell as SQL over the staged text fields, for the bulk path (bulk.ts). They are
// one-sided: a row they pass is one readCell would pass with the very same values; any other row goes to readCell
// itself, so every message still comes from one place. Only fixed SQL is built here: no text from the file.
import type { ColumnPlan } from './mapping.ts';
import type { RecordColumn, RecordKind } from './record-kinds.ts';

/**
 * Code points JavaScript's String.prototype.trim removes besides those ≤ 32 (U+00A0, U+1680, U+2000–U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF): a field starting or ending with one is left to readCell.
 */
const SPACES = [160, 5760, 8232, 8233, 8239, 8287, 12288, 65279];
/** Written as comparisons: DuckDB plans a NOT IN list as a join, which costs more than the whole rest of a row. */
const edge = (e: string): string =>
  `(unicode(${e}) > 32 AND (unicode(${e}) < 160 OR NOT (unicode(${e}) BETWEEN 8192 AND 8202 OR ${SPACES.map((c) => `unicode(${e}) = ${c}`).join(' OR ')})))`;
/** `x` needs no trimming (the empty text included). */
const untrimmed = (x: string): string => `(${x} = '' OR (${edge(`${x}[1]`)} AND ${edge(`${x}[-1]`)}))`;

/** mapping.ts TIME_ISO and TIME_DMY, in RE2 syntax (the same as JavaScript's for these). */
const ISO = String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$`;
const DMY = String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$`;
const NUMBER = String.raw`^[-+]?\d+(?:[.,]\d+)?$`;

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const ISO_PARTS = ['y', 'mo', 'd', 'h', 'mi', 's'];
const DMY_PARTS = ['d', 'mo', 'y', 'h', 'mi', 's'];

/** readTime's `YYYY-MM-DD HH:MM:SS` built from a struct of its regexp parts (NULL when the pattern did not match). */
function timeText(p: string): string {
  const pad = (e: string): string => `lpad(${e}, 2, '0')`;
  const or0 = (part: string): string => `coalesce(nullif(${p}.${part}, ''), '0')`;
  return `CASE WHEN ${p}.y <> '' AND ${or0('h')}::INTEGER <= 23 AND ${or0('mi')}::INTEGER <= 59 AND ${or0('s')}::INTEGER <= 59
    THEN ${p}.y || '-' || ${pad(`${p}.mo`)} || '-' || ${pad(`${p}.d`)} || ' ' || ${pad(or0('h'))} || ':' || ${pad(or0('mi'))}
      || ':' || ${pad(or0('s'))} END`;
}
const parts = (x: string, re: string, names: string[]): string =>
  `regexp_extract(${x}, ${sqlText(re)}, [${names.map(sqlText).join(', ')}])`;

export interface CheckedTable {
  /** `CREATE TEMP TABLE import_checked AS …`: line, the staged values by name, lon, lat, ok, day */
  sql: string;
  /** the enum columns and the field each reads (1-based; 0: absent), whose labels go to `import_labels_<k>` */
  enums: Array<{ column: RecordColumn; field: number }>;
}

/**
 * The SQL that checks every row of `import_raw` (one list `f` of text fields per data line, in file order) into
 * `import_checked`, its values as readCell gives them and `ok` where readCell would pass them all (and the row rules).
 * `width`: the header's field count.
 * @example checkedTable(INCIDENTS, plan, 6).sql // "CREATE TEMP TABLE import_checked AS SELECT …"
 */
export function checkedTable(kind: RecordKind, plan: ColumnPlan, width: number): CheckedTable {
  const enums: CheckedTable['enums'] = [];
  const l0: string[] = ['(r.rowid + 2)::INTEGER AS line', 'len(r.f) AS nf'];
  const joins: string[] = [];
  const l1: string[] = ['line', 'nf'];
  const oks: string[] = [`nf = ${width}`];
  let [lonText, latText, lon, lat, code] = [`''`, `''`, 'NULL::DOUBLE', 'NULL::DOUBLE', 'NULL'];
  kind.columns.forEach((c, k) => {
    const i = plan.index.get(c.name);
    const x = `x${k}`;
    const fx = i === undefined ? `''` : `r.f[${i + 1}]`;
    l0.push(`${fx} AS ${x}`);
    l1.push(x);
    const empty = c.required ? 'false' : `${x} = ''`;
    if (c.type === 'id' || c.type === 'mahalla') {
      if (c.type === 'mahalla') code = c.name;
      l1.push(`nullif(${x}, '') AS ${c.name}`);
      oks.push(`(${empty} OR (${x} <> '' AND ${untrimmed(x)} AND strlen(${x}) <= 100))`);
    } else if (c.type === 'time') {
      // Most exports write the canonical form already: the text is its own value when DuckDB reads it back the same.
      const canonical = `strftime(try_cast(${fx} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S') = ${fx}`;
      l0.push(`CASE WHEN ${canonical} THEN NULL WHEN ${fx}[5] = '-' THEN ${parts(fx, ISO, ISO_PARTS)}
        ELSE ${parts(fx, DMY, DMY_PARTS)} END AS pi${k}`);
      l1.push(`CASE WHEN pi${k} IS NULL THEN nullif(${x}, '') ELSE ${timeText(`pi${k}`)} END AS ${c.name}`);
      // The cast refuses impossible dates (31.02) as readTime does.
      oks.push(`(${empty} OR (${x} <> '' AND ${untrimmed(x)} AND try_cast(${c.name} AS TIMESTAMP) IS NOT NULL))`);
    } else if (c.type === 'lon' || c.type === 'lat') {
      const limit = c.type === 'lon' ? 180 : 90;
      const v = `CASE WHEN regexp_full_match(${x}, ${sqlText(NUMBER)}) THEN try_cast(replace(${x}, ',', '.') AS DOUBLE) END`;
      if (c.type === 'lon') [lon, lonText] = [v, x];
      else [lat, latText] = [v, x];
      oks.push(`(${empty} OR (${x} <> '' AND abs(${c.type}) <= ${limit}))`);
    } else {
      const e = enums.length;
      enums.push({ column: c, field: (i ?? -1) + 1 });
      if (i !== undefined) joins.push(`LEFT JOIN import_labels_${e} l${e} ON l${e}.raw = r.f[${i + 1}]`);
      l0.push(`${i === undefined ? 'NULL::VARCHAR' : `l${e}.code`} AS e${e}`);
      l1.push(`e${e} AS ${c.name}`);
      oks.push(`(${empty} OR ${c.name} IS NOT NULL)`);
    }
  });
  l1.push(`${lon} AS lon`, `${lat} AS lat`);
  if (code === 'NULL') l1.push('NULL::VARCHAR AS mahalla_code');
  // A point needs both coordinates; without one, the mahalla code alone places the record (records.ts checkRow).
  oks.push(
    `((${lonText} <> '' AND ${latText} <> '') OR (${lonText} = '' AND ${latText} = '' AND ${code} IS NOT NULL))`,
  );
  if (kind.check && !kind.checkSql) throw new Error(`${kind.name}: a row rule without its SQL (checkSql)`);
  if (kind.checkSql) oks.push(`(${kind.checkSql})`);
  const day = `(try_cast(left(${kind.time}, 10) AS DATE) - DATE '1970-01-01')::INTEGER AS day`;
  // Only the values leave: the texts stay in import_raw (line - 2 is their rowid) for the rows JavaScript checks.
  const kept = ['line', ...kind.columns.filter((c) => c.type !== 'lon' && c.type !== 'lat').map((c) => c.name)];
  if (code === 'NULL') kept.push('mahalla_code');
  const sql = `CREATE TEMP TABLE import_checked AS
    SELECT ${kept.join(', ')}, lon, lat, coalesce(${oks.join('\n AND ')}, false) AS ok, ${day} FROM (
      SELECT ${l1.join(', ')} FROM (SELECT ${l0.join(',\n ')} FROM import_raw r ${joins.join(' ')}))`;
  return { sql, enums };
}
