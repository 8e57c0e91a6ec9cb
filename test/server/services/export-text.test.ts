// The pieces every export shares: CSV written for the reader's spreadsheet (separator, quoting, BOM), file names that
// say what and when in any script, and a download header that keeps a Cyrillic name.
import { describe, expect, it } from 'vitest';
import { csv } from '../../../server/shared/csv.ts';
import { attachmentHeader, csvStyle, exportWord } from '../../../server/services/export/text.ts';
import { exportFileName } from '../../../server/shared/export-name.ts';

describe('csv', () => {
  it('keeps the plain style for existing exports: commas, no BOM', () => {
    expect(csv(['id', 'name'], [[1, 'a,b']])).toBe('id,name\n1,"a,b"\n');
  });

  it('quotes a cell that holds the separator in use, not the other one', () => {
    const style = { separator: ';', bom: true } as const;
    expect(
      csv(
        ['id', 'name'],
        [
          [1, 'a;b'],
          [2, 'c,d'],
          [3, 'say "hi"'],
          [4, null],
        ],
        style,
      ),
    ).toBe('\uFEFFid;name\n1;"a;b"\n2;c,d\n3;"say ""hi"""\n4;\n');
  });
});

describe('csvStyle', () => {
  it('uses ";" where the list separator is a semicolon (Russian, Uzbek) and "," in English, always with a BOM', () => {
    expect(['uz-Latn', 'uz-Cyrl', 'ru', 'en'].map((l) => csvStyle(l as 'en').separator)).toEqual([';', ';', ';', ',']);
    expect(csvStyle('ru').bom).toBe(true);
  });
});

describe('exportFileName', () => {
  it('says what and when, one hyphen between words, letters of any script kept', () => {
    const nov = { from: '2026-11-01', to: '2026-11-30' };
    expect(exportFileName(['incidents', 'Chilonzor'], nov, 'csv')).toBe(
      'hamkor-incidents-Chilonzor-2026-11-01_2026-11-30.csv',
    );
    expect(exportFileName(['incidents', 'Qoʻyliq / “Bogʻ”'], nov, 'csv')).toBe(
      'hamkor-incidents-Qoʻyliq-Bogʻ-2026-11-01_2026-11-30.csv',
    );
    expect(exportFileName(['map', 'Чилонзор тумани', ''], nov, 'pdf')).toBe(
      'hamkor-map-Чилонзор-тумани-2026-11-01_2026-11-30.pdf',
    );
  });
});

describe('attachmentHeader', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentHeader('hamkor-Чи.csv')).toBe(
      `attachment; filename="hamkor-.csv"; filename*=UTF-8''hamkor-%D0%A7%D0%B8.csv`,
    );
  });
});

describe('exportWord', () => {
  it('reads the screen message files', () => {
    expect(exportWord('ru', 'export.col.mahallaCode')).toBe('Код махалли');
    expect(exportWord('uz-Latn', 'export.col.mahallaCode')).toBe('Mahalla kodi');
  });
});
