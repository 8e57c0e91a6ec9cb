// A one-page PDF around one JPEG image, written here rather than with a PDF library: the image goes in as it is
// (DCTDecode, so no re-encoding and no font or image code to ship), the page is A4 landscape with the image fitted
// inside 1 cm margins, and the document's Title/Subject/Keywords carry the caption and legend as text, so a search
// or an archive finds the export by its words. About 80 lines against ≈ 300 kB for jsPDF; a pure function, tested.

export interface PdfImage {
  /** a baseline or progressive JPEG file's bytes */
  jpeg: Uint8Array;
  /** the image's size in pixels */
  width: number;
  height: number;
  /** document information: what the page shows, its legend and filters, words to find it by */
  title: string;
  subject: string;
  keywords: string;
}

/** A4 landscape in points, and a 1 cm margin. */
const PAGE = { w: 842, h: 595, margin: 28 } as const;

const ascii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/**
 * A PDF text string: literal where it is printable ASCII (escaped), else UTF-16BE with a byte-order mark in hex.
 * @example pdfString('a(b)') // '(a\\(b\\))'
 * @example pdfString('Ш') // '<FEFF0428>'
 */
export function pdfString(s: string): string {
  if (ascii(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/**
 * The PDF file's bytes.
 * @example pdfWithImage({ jpeg, width: 1600, height: 900, title: 'Hot spots', subject: 'Legend: …', keywords: 'Hamkor' })
 */
export function pdfWithImage(img: PdfImage): Uint8Array {
  const scale = Math.min((PAGE.w - 2 * PAGE.margin) / img.width, (PAGE.h - 2 * PAGE.margin) / img.height);
  const [w, h] = [img.width * scale, img.height * scale].map((v) => Number(v.toFixed(2))) as [number, number];
  const x = Number(((PAGE.w - w) / 2).toFixed(2));
  const y = Number(((PAGE.h - h) / 2).toFixed(2));
  const content = `q ${w} 0 0 ${h} ${x} ${y} cm /Im0 Do Q`;
  const enc = new TextEncoder();
  // Objects in order; the image's stream is the only binary part.
  const objects: Array<string | [string, Uint8Array, string]> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.w} ${PAGE.h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    [
      `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`,
      img.jpeg,
      '\nendstream',
    ],
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(img.title)} /Subject ${pdfString(img.subject)} /Keywords ${pdfString(img.keywords)} /Producer (Hamkor) >>`,
  ];
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (b: Uint8Array | string): void => {
    const bytes = typeof b === 'string' ? enc.encode(b) : b;
    parts.push(bytes);
    length += bytes.length;
  };
  // The binary comment line tells tools the file holds 8-bit data.
  push('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(length);
    push(`${k + 1} 0 obj\n`);
    if (typeof o === 'string') push(o);
    else o.forEach(push);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const off of offsets) push(`${String(off).padStart(10, '0')} 00000 n \n`);
  push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
