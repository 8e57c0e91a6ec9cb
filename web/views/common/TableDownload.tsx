// "Download ▾ CSV / XLSX" beside a table's heading: the table as the reader sees it (headers in their language, names
// with their codes), as CSV for their spreadsheet (their list separator, a BOM) or as an XLSX workbook, named by what,
// where and when. A table either says what it holds (`rows`, for tables drawn only in part or with hidden codes) or
// is read from the screen (`selector`: web/export/table-dom.ts).
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { download } from '../../export/compose.ts';
import { TABLE_TYPES, tableCsv, tableXlsx, type ExportTable } from '../../export/table.ts';
import { tableFromElement } from '../../export/table-dom.ts';
import { useSelection } from '../../queries/range.ts';
import { exportFileName } from '../../../server/shared/export-name.ts';
import { DownloadMenu } from './DownloadMenu.tsx';
import './DownloadMenu.css';

export interface TableDownloadProps {
  /** the table's heading as shown: the sheet's name and the menu's accessible name */
  title: string;
  /** words of the file name after "hamkor": what and where, e.g. ['coverage', 'Chilonzor'] */
  what: readonly string[];
  /** the period the table covers ('selection': the period chosen on the page); without one the file is named by today */
  period?: { from: string; to: string } | 'selection' | null;
  /** the table element to read (a CSS selector), or the table itself */
  table: string | (() => ExportTable);
  /** for a page with several menus: the test id's suffix */
  id?: string;
}

export function TableDownload({ title, what, period, table, id }: TableDownloadProps) {
  const t = useT();
  const f = useFmt();
  const selection = useSelection();
  const when = period === 'selection' ? selection : period;
  const read = (): ExportTable => {
    if (typeof table === 'function') return table();
    const el = document.querySelector<HTMLTableElement>(table);
    if (!el) throw new Error('no table');
    return tableFromElement(el, f.locale, (column) => t('table.code', { column }));
  };
  const save = (kind: 'csv' | 'xlsx'): void => {
    const data = read();
    const name = exportFileName(what, when ?? new Date().toISOString().slice(0, 10), kind);
    const bytes = kind === 'csv' ? tableCsv(data, f.locale) : tableXlsx(data, title);
    download(bytes, name, TABLE_TYPES[kind]);
  };
  const suffix = id ? `-${id}` : '';
  return (
    <DownloadMenu
      className="table-download"
      testId={`table-download${suffix}`}
      label={t('table.download')}
      hint={t('table.download.hint', { table: title })}
      items={[
        { label: t('table.csv'), testId: `table-csv${suffix}`, save: () => save('csv') },
        { label: t('table.xlsx'), testId: `table-xlsx${suffix}`, save: () => save('xlsx') },
      ]}
    />
  );
}
