// The hatch fill for mahallas whose figure rests on too little (too few residents or events): a pattern reads as
// "not rated" at a glance, where a flat grey could be mistaken for a low value. Drawn by deck.gl's
// FillStyleExtension from a two-tile atlas made on a canvas here (no image file, no request), and by MapLibre over the
// vector tiles from the same hatch computed as pixels (web/map/mahalla-tiles.ts).
import { FillStyleExtension } from '@deck.gl/extensions';

const TILE = 16;

/** Tiles of the atlas: a solid tile (ordinary fill) and diagonal hatching. */
export const HATCH_MAPPING = {
  solid: { x: 0, y: 0, width: TILE, height: TILE, mask: true },
  hatch: { x: TILE, y: 0, width: TILE, height: TILE, mask: true },
} as const;

export type FillPattern = keyof typeof HATCH_MAPPING;

/** Fill colour of hatched (unrated) mahallas: the lines are drawn in it, the gaps show the basemap. */
export const HATCH_COLOR: [number, number, number, number] = [110, 124, 138, 150];
/**
 * The tint of unrated mahallas where a hatch would be stray pixels (web/map/mahalla-tiles.ts, below zoom 8): the
 * hatch's colour at about the share of a tile its lines cover.
 */
export const UNRATED_TINT: [number, number, number, number] = [
  HATCH_COLOR[0],
  HATCH_COLOR[1],
  HATCH_COLOR[2],
  Math.round(HATCH_COLOR[3] / 2.5),
];

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

/**
 * A 16-px diagonal hatch in the unrated colour (the deck.gl pattern's look, for MapLibre's tile hatch), as RGBA
 * pixels (not premultiplied): 1.75-px lines along x + y = 0, 16 and 32 in pixel units (so the tile repeats without
 * seams), each pixel covered by the part of its square within half the width of a line (a box filter, as a canvas
 * antialiases).
 * Computed, not drawn on a canvas: the first 2D canvas and its read-back waited 0.5 s for software GL's backlog on
 * the national first screen (issue 15), even made with willReadFrequently.
 * @example hatchPixels([110, 124, 138, 150]).data.length // 16 * 16 * 4
 */
export function hatchPixels(
  color: [number, number, number, number],
  size = 16,
  width = 1.75,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Distance from the pixel's centre to the nearest line x + y = k·size, along the lines' normal.
      const s = x + y + 1;
      const d = Math.abs(s - Math.round(s / size) * size) / Math.SQRT2;
      const cover = Math.min(1, Math.max(0, width / 2 + 0.5 - d));
      if (cover === 0) continue;
      const o = 4 * (y * size + x);
      data.set([color[0], color[1], color[2], Math.round(color[3] * cover)], o);
    }
  return { width: size, height: size, data };
}
