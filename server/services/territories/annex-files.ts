// The order's annex as files a district office opens in a spreadsheet: CSV (the list separator and BOM of the reader's
// language) and XLSX (mahallas, posts and the order's facts). Headers, sheet names and the words the system writes
// (a vacant post, the unassigned mahallas, an inspector by number, the version's phase) come from the same message files as
// the screen, and names are in the script of the language, as on the print page; ids, codes and numbers stay as stored.
import { csv, csvStyle } from '../../shared/csv.ts';
import { xlsx, type XlsxCell } from '../../shared/xlsx.ts';
import { displayName } from '../../shared/uz-names.ts';
import { exportName } from '../export/text.ts';
import { sayPostTitle } from '../../shared/post-title.ts';
import { translator, type Translate } from '../../../web/i18n/translate.ts';
import type { Locale } from '../../../web/i18n/locales.ts';
import type { Annex, AnnexPost } from './annex.ts';
import { workloadOf, type MahallaFacts, type Workload } from './figures.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A post's holder (or label) in the reader's words and script; a vacant post's own label beside "vacant post". */
function titleOf(p: AnnexPost, t: Translate, locale: Locale): string {
  const nameOf = (name: string): string => displayName(name, locale);
  return p.vacant && p.title.kind === 'name'
    ? t('tprint.vacantTitled', { post: p.post, title: nameOf(p.title.name) })
    : sayPostTitle(p.title, t, nameOf);
}

const mahallaHeader = (t: Translate): string[] => [
  t('export.annex.post'),
  t('export.col.inspectorId'),
  t('export.col.inspector'),
  t('export.annex.mahallaId'),
  t('export.col.mahallaCode'),
  t('export.col.mahalla'),
  t('tprint.residents'),
  t('tprint.households'),
  t('export.annex.area'),
  t('tprint.incidents'),
  t('tprint.applications'),
];

/** One row per mahalla, post by post, the unassigned ones last (post empty). */
function mahallaRows(a: Annex, t: Translate, locale: Locale): XlsxCell[][] {
  const row = (p: AnnexPost | null, m: MahallaFacts): XlsxCell[] => [
    p?.post ?? null,
    p?.inspector ?? null,
    p ? titleOf(p, t, locale) : t('tprint.unassigned'),
    m.id,
    m.code,
    displayName(m.name, locale),
    m.population,
    m.households,
    m.areaKm2,
    m.incidents,
    m.applications,
  ];
  return [...a.posts.flatMap((p) => p.mahallas.map((m) => row(p, m))), ...a.unassigned.map((m) => row(null, m))];
}

/**
 * The annex as CSV in `locale`: one row per mahalla (server/shared/csv.ts quoting, the language's separator, a BOM).
 * @example annexCsv(annex, 'en').split('\n')[0] // '\uFEFFPost no.,Inspector no.,Prevention inspector,Mahalla no.,…'
 */
export function annexCsv(a: Annex, locale: Locale = 'en'): string {
  const t = translator(locale);
  return csv(mahallaHeader(t), mahallaRows(a, t, locale), csvStyle(locale));
}

/**
 * The annex as an XLSX workbook in `locale`: the mahallas sheet, a sheet of one row per post with its totals, and the
 * order's facts, where a version name the system wrote (the seeded plan in force) is said in the reader's language.
 * @example annexXlsx(annex, 'ru') // sheets «Махалли», «Посты», «Приказ»
 */
export function annexXlsx(a: Annex, locale: Locale = 'en'): Uint8Array {
  const t = translator(locale);
  const w = (x: Workload): XlsxCell[] => [
    x.mahallas,
    x.residents,
    x.households,
    x.areaKm2,
    x.incidents,
    x.applications,
  ];
  const unassigned = workloadOf(
    a.unassigned.map((m) => m.id),
    new Map(a.unassigned.map((m) => [m.id, m])),
  );
  const v = a.version;
  return xlsx([
    { name: t('export.annex.sheetMahallas'), header: mahallaHeader(t), rows: mahallaRows(a, t, locale) },
    {
      name: t('export.annex.sheetPosts'),
      header: [
        t('export.annex.post'),
        t('export.col.inspectorId'),
        t('export.col.inspector'),
        t('export.annex.mahallas'),
        t('tprint.residents'),
        t('tprint.households'),
        t('export.annex.area'),
        t('tprint.incidents'),
        t('tprint.applications'),
      ],
      rows: [
        ...a.posts.map((p) => [p.post, p.inspector, titleOf(p, t, locale), ...w(p.workload)]),
        [null, null, t('tprint.unassigned'), ...w(unassigned)],
      ],
    },
    {
      name: t('export.annex.sheetOrder'),
      header: [t('export.annex.item'), t('export.annex.value')],
      rows: [
        [t('export.annex.district'), `${displayName(v.districtName, locale)} (${v.district})`],
        [t('export.annex.version'), `${v.number}: ${exportName(locale, v.name)}`],
        [t('export.annex.status'), t(`planner.phase.${v.phase}`)],
        [t('export.annex.orderNumber'), v.orderNumber],
        [t('export.annex.orderDate'), v.orderDate],
        [t('export.annex.inForceFrom'), v.effectiveFrom],
        [t('export.annex.counted'), `${a.period.from} – ${a.period.to}`],
      ],
    },
  ]);
}

/** The annex as a download of `kind` in `locale`: the body, its content type and its file name. */
export function annexDownload(
  a: Annex,
  kind: 'csv' | 'xlsx',
  locale: Locale,
): { body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const name = `territories-${a.version.district}-v${a.version.number}.${kind}`;
  const headers = (type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });
  return kind === 'csv'
    ? { body: annexCsv(a, locale), headers: headers('text/csv; charset=utf-8') }
    : { body: new Uint8Array(annexXlsx(a, locale)), headers: headers(XLSX_TYPE) };
}
