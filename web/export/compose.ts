// One picture of what is on screen: the map canvas as drawn (MapLibre and deck.gl share one WebGL canvas, kept with
// preserveDrawingBuffer), the legend beside it redrawn from its DOM (headings, swatches, notes), and a caption under
// both with the period, filters, data freshness and attribution, so the image stands on its own in a report.

/** What the legend panel is made of, read from the legend's DOM in order. */
export type LegendLine = { kind: 'title' | 'text'; text: string } | { kind: 'swatch'; text: string; color: string };

/** The legend's lines: headings as titles, list items with a swatch, other text as notes. */
export function legendLines(el: Element | null): LegendLine[] {
  if (!el) return [];
  const out: LegendLine[] = [];
  const text = (e: Element): string => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  for (const e of el.querySelectorAll('h2, h3, h4, li, p')) {
    // A legend folded on screen (MapLegend) is still the map's legend: only what the legend itself hides is left out.
    if (e.closest('[hidden]:not([data-legend-body])') || (e.tagName === 'P' && e.closest('li'))) continue;
    const t = text(e);
    if (!t) continue;
    if (e.tagName === 'LI') {
      const sw = e.querySelector('.swatch');
      const color = sw ? getComputedStyle(sw).backgroundColor : 'transparent';
      out.push({ kind: 'swatch', text: t, color });
    } else out.push({ kind: /^H\d$/.test(e.tagName) ? 'title' : 'text', text: t });
  }
  return out;
}

/** Splits a line into lines no wider than `width` at this context's font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface Composition {
  map: HTMLCanvasElement;
  legend: LegendLine[];
  /** the first is the heading; then period, filters, data freshness, attribution */
  caption: string[];
}

const FONT = "'Noto Sans', system-ui, sans-serif";
const LEGEND_W = 300;
const PAD = 16;

/** The composed image, at the map canvas's own resolution (device pixels). */
export function composeImage({ map, legend, caption }: Composition): HTMLCanvasElement {
  const ratio = map.width / Math.max(1, map.getBoundingClientRect().width || map.width);
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  const s = (px: number): number => Math.round(px * ratio);
  const legendW = s(LEGEND_W);
  measure.font = `${s(13)}px ${FONT}`;
  const captionLines = caption.flatMap((c) => wrap(measure, c, map.width + legendW - 2 * s(PAD)));
  const captionH = s(PAD) * 2 + captionLines.length * s(20);
  const out = document.createElement('canvas');
  out.width = map.width + legendW;
  out.height = map.height + captionH;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(map, 0, 0);
  // Legend panel.
  let y = s(PAD);
  const x0 = map.width + s(PAD);
  const inner = legendW - 2 * s(PAD);
  ctx.textBaseline = 'top';
  for (const line of legend) {
    const bold = line.kind === 'title';
    ctx.font = `${bold ? 'bold ' : ''}${s(bold ? 14 : 12)}px ${FONT}`;
    ctx.fillStyle = line.kind === 'text' ? '#5b6b78' : '#1f2a33';
    const indent = line.kind === 'swatch' ? s(24) : 0;
    if (line.kind === 'swatch') {
      ctx.fillStyle = line.color;
      ctx.fillRect(x0, y + s(1), s(16), s(12));
      ctx.strokeStyle = '#5b6b78';
      ctx.strokeRect(x0, y + s(1), s(16), s(12));
      ctx.fillStyle = '#1f2a33';
    }
    for (const l of wrap(ctx, line.text, inner - indent)) {
      ctx.fillText(l, x0 + indent, y);
      y += s(bold ? 20 : 17);
    }
    y += s(4);
  }
  // Caption.
  ctx.fillStyle = '#f4f6f8';
  ctx.fillRect(0, map.height, out.width, captionH);
  let cy = map.height + s(PAD);
  captionLines.forEach((l, k) => {
    ctx.font = `${k === 0 ? 'bold ' : ''}${s(13)}px ${FONT}`;
    ctx.fillStyle = '#1f2a33';
    ctx.fillText(l, s(PAD), cy);
    cy += s(20);
  });
  return out;
}

/** A canvas as a file's bytes. */
export function canvasBytes(c: HTMLCanvasElement, type: 'image/png' | 'image/jpeg'): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    c.toBlob(
      (b) => (b ? void b.arrayBuffer().then((a) => resolve(new Uint8Array(a)), reject) : reject(new Error('empty'))),
      type,
      0.92,
    ),
  );
}

/** Starts the browser's download of bytes under a file name. */
export function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
