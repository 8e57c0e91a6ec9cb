// Collision-aware label placement: labels taken in order of priority, each kept only where its box, padded, meets no
// box kept before and stays inside the view. Pure (screen boxes in, kept indices out), so the wall screen's labels can
// never collide whatever the data.

export interface LabelBox {
  /** centre of the label on screen, CSS px */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The indices of `boxes` to draw, in the order given (put the most important first), at most `max`: a box is kept
 * when, grown by `pad` px on every side, it overlaps no kept box and lies wholly inside `view` (width × height).
 * @example placeLabels([{ x: 50, y: 50, width: 60, height: 20 }, { x: 60, y: 55, width: 60, height: 20 }, { x: 50, y: 120, width: 60, height: 20 }], { width: 200, height: 200 }) // [0, 2]
 */
export function placeLabels(
  boxes: readonly LabelBox[],
  view: { width: number; height: number },
  max = Infinity,
  pad = 4,
): number[] {
  const kept: number[] = [];
  for (let i = 0; i < boxes.length && kept.length < max; i++) {
    const b = boxes[i] as LabelBox;
    const [hw, hh] = [b.width / 2 + pad, b.height / 2 + pad];
    if (b.x - hw < 0 || b.y - hh < 0 || b.x + hw > view.width || b.y + hh > view.height) continue;
    const clear = kept.every((k) => {
      const o = boxes[k] as LabelBox;
      return Math.abs(o.x - b.x) >= hw + o.width / 2 + pad || Math.abs(o.y - b.y) >= hh + o.height / 2 + pad;
    });
    if (clear) kept.push(i);
  }
  return kept;
}

/**
 * A label's box for `text` at `px` CSS pixels in a sans-serif font: about 0.6 em per character wide, 1.25 em tall,
 * plus `outline` px of halo on every side.
 * @example textBox(100, 50, 'Olmazor', 20, 3) // { x: 100, y: 50, width: 90, height: 31 }
 */
export function textBox(x: number, y: number, text: string, px: number, outline = 0): LabelBox {
  return { x, y, width: Math.ceil(text.length * px * 0.6) + 2 * outline, height: Math.ceil(px * 1.25) + 2 * outline };
}

/**
 * Web Mercator screen position of [lon, lat] when `bbox` [west, south, east, north] is fitted, centred, into a view of
 * `width` × `height` px with `padding` px around (as the map's fitBounds does).
 * @example project([69.25, 41.3], [69.2, 41.25, 69.3, 41.35], 400, 400, 0) // { x: 200, y: ≈200 }
 */
export function project(
  p: readonly number[],
  bbox: readonly [number, number, number, number],
  width: number,
  height: number,
  padding = 40,
): { x: number; y: number } {
  const mx = (lon: number): number => (lon + 180) / 360;
  const my = (lat: number): number => {
    const s = Math.sin((lat * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };
  const [x0, x1, y0, y1] = [mx(bbox[0]), mx(bbox[2]), my(bbox[3]), my(bbox[1])];
  const scale = Math.min((width - 2 * padding) / (x1 - x0 || 1e-9), (height - 2 * padding) / (y1 - y0 || 1e-9));
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return { x: width / 2 + (mx(p[0] ?? 0) - cx) * scale, y: height / 2 + (my(p[1] ?? 0) - cy) * scale };
}
