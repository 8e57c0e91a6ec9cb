// The hatch fill for mahallas whose figure rests on too little (too few residents or events): a pattern reads as
// "not rated" at a glance, where a flat grey could be mistaken for a low value. Its colours, and the hatch as pixels
// for MapLibre over the vector tiles (web/map/mahalla-tiles.ts); deck.gl's version (the planner's editable
// mahallas) is web/map/hatch-deck.ts, apart so that the first screen's script has no deck.gl in it (issue 15).

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
