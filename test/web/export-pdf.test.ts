// The one-page PDF writer: a golden file for a 2×1 "image" (the writer embeds the JPEG's bytes untouched, so any bytes
// do), checked line by line by hand, and the structure every reader relies on — each xref offset lands on its object,
// the image stream holds exactly the JPEG — for Cyrillic metadata too.
import { describe, expect, it } from 'vitest';
import { pdfString, pdfWithImage } from '../../web/export/pdf.ts';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

describe('pdfString', () => {
  it('writes printable ASCII as a literal with ( ) \\ escaped, anything else as UTF-16BE hex', () => {
    expect(pdfString('a(b)\\c')).toBe('(a\\(b\\)\\\\c)');
    expect(pdfString('Ш')).toBe('<FEFF0428>');
    expect(pdfString('Qoʻyliq')).toBe('<FEFF0051006F02BB0079006C00690071>');
  });
});

describe('pdfWithImage', () => {
  it('writes the golden file for a 2×1 image: A4 landscape, the image fitted in 1 cm margins and centred', () => {
    const pdf = pdfWithImage({ jpeg: JPEG, width: 2, height: 1, title: 'T', subject: 'S', keywords: 'K' });
    // 2×1 in 786×539 pt: the width binds (393 pt per pixel), height 393 pt, centred at (28, 101).
    const text = latin1(pdf).replace(/\r/g, '');
    const golden = [
      '%PDF-1.4',
      '%\u00c3\u00a2\u00c3\u00a3\u00c3\u008f\u00c3\u0093',
      '1 0 obj',
      '<< /Type /Catalog /Pages 2 0 R >>',
      'endobj',
      '2 0 obj',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      'endobj',
      '3 0 obj',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
      'endobj',
      '4 0 obj',
      '<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length 4 >>',
      'stream',
      '\u00ff\u00d8\u00ff\u00d9',
      'endstream',
      'endobj',
      '5 0 obj',
      '<< /Length 33 >>',
      'stream',
      'q 786 0 0 393 28 101 cm /Im0 Do Q',
      'endstream',
      'endobj',
      '6 0 obj',
      '<< /Title (T) /Subject (S) /Keywords (K) /Producer (Hamkor) >>',
      'endobj',
      'xref',
      '0 7',
    ];
    expect(text.split('\n').slice(0, golden.length)).toEqual(golden);
    expect(
      text.endsWith('trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n' + text.split('startxref\n')[1]),
    ).toBe(true);
    expect('q 786 0 0 393 28 101 cm /Im0 Do Q'.length).toBe(33);
  });

  it('points every xref entry and startxref at what they name, with Cyrillic metadata', () => {
    const jpeg = new Uint8Array(300).map((_, i) => (i * 7) % 256);
    const pdf = pdfWithImage({
      jpeg,
      width: 1600,
      height: 900,
      title: 'Очаги',
      subject: 'Легенда',
      keywords: 'Hamkor',
    });
    const text = latin1(pdf);
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const entries = text.slice(xref).split('\n').slice(3, 9);
    entries.forEach((e, k) => {
      const off = Number(e.slice(0, 10));
      expect(text.slice(off, off + `${k + 1} 0 obj`.length)).toBe(`${k + 1} 0 obj`);
    });
    const start = text.indexOf('stream\n', text.indexOf('/DCTDecode')) + 'stream\n'.length;
    expect([...pdf.slice(start, start + jpeg.length)]).toEqual([...jpeg]);
    expect(text).toContain(
      `/Title <FEFF${[...'Очаги'].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}>`,
    );
  });
});
