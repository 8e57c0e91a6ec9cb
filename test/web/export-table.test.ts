// Tables as downloaded: CSV bytes for each language's spreadsheet (BOM, ";" or ",", RFC 4180 quoting) and the XLSX
// workbook unzipped and read back part by part: the golden sheet XML (inline strings, numbers as numbers, a bold
// frozen header), Cyrillic and oʻ kept, XML-special and forbidden characters made safe.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableCsv, tableXlsx, type ExportTable } from '../../web/export/table.ts';
import { shownNumber } from '../../web/export/table-dom.ts';

const TABLE: ExportTable = {
  columns: ['Маҳалла', 'Код', 'Инспектор', 'Аҳоли'],
  rows: [
    ['Qoʻyliq; "Yangi"', '2627001001', 'Ҳамидов А.', 3120],
    ['Чилонзор', '2627001002', null, 0.5],
  ],
};

describe('tableCsv', () => {
  it('writes a BOM and ";" for Russian and Uzbek, quoting a cell with the separator or a quote', () => {
    for (const locale of ['ru', 'uz-Latn', 'uz-Cyrl']) {
      const bytes = tableCsv(TABLE, locale);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
        '\uFEFFМаҳалла;Код;Инспектор;Аҳоли\n' +
          '"Qoʻyliq; ""Yangi""";2627001001;Ҳамидов А.;3120\n' +
          'Чилонзор;2627001002;;0.5\n',
      );
    }
  });

  it('writes "," in English and leaves a semicolon unquoted there', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(tableCsv(TABLE, 'en'));
    expect(text.split('\n')[0]).toBe('\uFEFFМаҳалла,Код,Инспектор,Аҳоли');
    expect(text.split('\n')[1]).toBe('"Qoʻyliq; ""Yangi""",2627001001,Ҳамидов А.,3120');
  });
});

describe('tableXlsx', () => {
  const parts = unzipSync(tableXlsx(TABLE, 'Qamrov: Chilonzor / 2026'));
  const part = (name: string): string => strFromU8(parts[name] ?? new Uint8Array());

  it('holds the parts of a SpreadsheetML package, each pointing at the next', () => {
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(part('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    expect(part('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet1.xml"');
    expect(part('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"');
    // The sheet's name without the characters Excel refuses ("/" and ":").
    expect(part('xl/workbook.xml')).toContain('<sheet name="Qamrov  Chilonzor   2026" sheetId="1" r:id="rId1"/>');
    // Style 1, the header's, is the bold font.
    expect(part('xl/styles.xml')).toContain('<font><b/>');
    expect(part('xl/styles.xml')).toContain(
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    );
  });

  it('writes the golden sheet: bold frozen header, inline strings, numbers as numbers, empty cells left out', () => {
    const cell = (ref: string, text: string, s = ''): string =>
      `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    const h = ' s="1"';
    expect(part('xl/worksheets/sheet1.xml')).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetViews><sheetView workbookViewId="0">' +
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
        '<cols><col min="1" max="1" width="18" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>' +
        '<col min="3" max="3" width="12" customWidth="1"/><col min="4" max="4" width="8" customWidth="1"/></cols>' +
        '<sheetData>' +
        `<row r="1">${cell('A1', 'Маҳалла', h)}${cell('B1', 'Код', h)}${cell('C1', 'Инспектор', h)}${cell('D1', 'Аҳоли', h)}</row>` +
        `<row r="2">${cell('A2', 'Qoʻyliq; &quot;Yangi&quot;')}${cell('B2', '2627001001')}${cell('C2', 'Ҳамидов А.')}` +
        '<c r="D2"><v>3120</v></c></row>' +
        `<row r="3">${cell('A3', 'Чилонзор')}${cell('B3', '2627001002')}<c r="D3"><v>0.5</v></c></row>` +
        '</sheetData></worksheet>',
    );
  });

  it('escapes markup and drops characters XML forbids', () => {
    const sheet = strFromU8(
      unzipSync(tableXlsx({ columns: ['a<b>&'], rows: [['x\u0001y\tz']] }, 's'))['xl/worksheets/sheet1.xml'] ??
        new Uint8Array(),
    );
    expect(sheet).toContain('>a&lt;b&gt;&amp;</t>');
    expect(sheet).toContain('>xy\tz</t>');
  });
});

describe('shownNumber', () => {
  it('reads a number back as each language writes it, and leaves anything else as text', () => {
    expect(shownNumber('12\u00a0345,5', 'ru')).toBe(12345.5);
    expect(shownNumber('12\u2009345', 'en')).toBe(12345);
    expect(shownNumber('1,234.5', 'en')).toBe(1234.5);
    expect(shownNumber('\u22123,2', 'uz-Latn')).toBe(-3.2);
    expect(shownNumber('3 / 5', 'ru')).toBeNull();
    expect(shownNumber('12 %', 'en')).toBeNull();
    expect(shownNumber('—', 'ru')).toBeNull();
  });
});
