// The first 2D canvas that reads its pixels back is slow to start; draw into one at app load, while the page's data is
// still on the way, so that the map's first label glyph does not pay for it.
//
// MapLibre draws label glyphs from our `font-faces` itself, with TinySDF on the main thread: each font's rasteriser is
// an OffscreenCanvas (a document canvas without it) opened with getContext('2d', { willReadFrequently: true }), then
// fillText and getImageData per glyph (node_modules/@mapbox/tiny-sdf/index.js). The first such canvas of the page
// waits for the browser to set up canvas drawing (in Chromium with SwiftShader, the GPU process), and that wait fell
// in the middle of the national first screen, after the tiles had arrived (issue 15).

/**
 * Opens a 1×1 canvas as TinySDF does, draws one character and reads it back; does nothing where there is no 2D canvas.
 * @example warmGlyphCanvas(); // once, at module load, before the first map is made
 */
export function warmGlyphCanvas(): void {
  const options: CanvasRenderingContext2DSettings = { willReadFrequently: true };
  let ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (typeof OffscreenCanvas === 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    ctx = canvas.getContext('2d', options);
  } else ctx = new OffscreenCanvas(1, 1).getContext('2d', options);
  if (!ctx) return;
  ctx.fillText('Ж', 0, 1);
  ctx.getImageData(0, 0, 1, 1);
}
