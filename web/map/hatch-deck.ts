// The hatch fill for deck.gl layers (the planner's editable mahallas): drawn by deck.gl's FillStyleExtension from a
// two-tile atlas made on a canvas here (no image file, no request), in the colours of web/map/hatch.ts.
import { FillStyleExtension } from '@deck.gl/extensions';

const TILE = 16;

/** Tiles of the atlas: a solid tile (ordinary fill) and diagonal hatching. */
export const HATCH_MAPPING = {
  solid: { x: 0, y: 0, width: TILE, height: TILE, mask: true },
  hatch: { x: TILE, y: 0, width: TILE, height: TILE, mask: true },
} as const;

export type FillPattern = keyof typeof HATCH_MAPPING;

let atlas: HTMLCanvasElement | null = null;

/** The pattern atlas (created once); null outside a browser, where no layer is drawn anyway. */
export function hatchAtlas(): HTMLCanvasElement | null {
  if (atlas || typeof document === 'undefined') return atlas;
  const canvas = document.createElement('canvas');
  canvas.width = 2 * TILE;
  canvas.height = TILE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, TILE, TILE);
  // 45° lines that continue across tile edges, so the pattern tiles without seams.
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1.75;
  ctx.beginPath();
  for (const off of [-TILE, 0, TILE]) {
    ctx.moveTo(TILE + off, TILE);
    ctx.lineTo(TILE + off + TILE, 0);
  }
  ctx.save();
  ctx.rect(TILE, 0, TILE, TILE);
  ctx.clip();
  ctx.stroke();
  ctx.restore();
  atlas = canvas;
  return atlas;
}

// One instance for every render: a new extension object each time would make deck.gl rebuild the layer's shaders.
const FILL_STYLE = [new FillStyleExtension({ pattern: true })];

/** The props FillStyleExtension adds, for a layer whose features are hatched where `hatched(f)` holds. */
export function hatchProps<F>(hatched: (f: F) => boolean) {
  const image = hatchAtlas();
  if (!image) return {};
  return {
    extensions: FILL_STYLE,
    fillPatternAtlas: image,
    fillPatternMapping: HATCH_MAPPING,
    fillPatternMask: true,
    getFillPattern: (f: F): FillPattern => (hatched(f) ? 'hatch' : 'solid'),
    // The pattern lives on the ground (deck.gl scales a 1-px tile to ≈ 0.5 m): 40 gives a 16-px tile ≈ 640 m, i.e.
    // fine hatching at city zoom (≈ 11 px) that coarsens gently as one zooms into a district.
    getFillPatternScale: 40,
    getFillPatternOffset: [0, 0] as [number, number],
  };
}
