// Collision-aware label placement: hand-checked boxes, the priority order, the view's edges, and a random pile that
// must come out with no two kept boxes overlapping.
import { describe, expect, it } from 'vitest';
import { placeLabels, project, textBox, type LabelBox } from '../../web/map/label-placement.ts';

const view = { width: 200, height: 200 };

describe('placeLabels', () => {
  it('keeps the first of two overlapping labels and a third clear of both', () => {
    const boxes = [
      { x: 50, y: 50, width: 60, height: 20 },
      { x: 60, y: 55, width: 60, height: 20 },
      { x: 50, y: 120, width: 60, height: 20 },
    ];
    expect(placeLabels(boxes, view)).toEqual([0, 2]);
    // Priority is the order: put the second first and it wins.
    expect(placeLabels([boxes[1], boxes[0], boxes[2]] as LabelBox[], view)).toEqual([0, 2]);
  });

  it('counts the padding: boxes 6 px apart collide with 4 px of padding each, not with 2', () => {
    const boxes = [
      { x: 50, y: 50, width: 40, height: 20 },
      { x: 96, y: 50, width: 40, height: 20 },
    ];
    expect(placeLabels(boxes, view, Infinity, 4)).toEqual([0]);
    expect(placeLabels(boxes, view, Infinity, 2)).toEqual([0, 1]);
  });

  it('drops labels that would stick out of the view and stops at max', () => {
    const boxes = [
      { x: 10, y: 100, width: 60, height: 20 },
      { x: 100, y: 30, width: 60, height: 20 },
      { x: 100, y: 100, width: 60, height: 20 },
      { x: 100, y: 170, width: 60, height: 20 },
    ];
    expect(placeLabels(boxes, view)).toEqual([1, 2, 3]);
    expect(placeLabels(boxes, view, 2)).toEqual([1, 2]);
  });

  it('never keeps two overlapping boxes out of a random pile', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const boxes = Array.from({ length: 300 }, () =>
      textBox(rnd() * 1000, rnd() * 600, 'x'.repeat(4 + Math.floor(rnd() * 12)), 18, 3),
    );
    const kept = placeLabels(boxes, { width: 1000, height: 600 }, Infinity, 0);
    expect(kept.length).toBeGreaterThan(10);
    for (const i of kept)
      for (const j of kept) {
        if (i >= j) continue;
        const [a, b] = [boxes[i] as LabelBox, boxes[j] as LabelBox];
        const overlap =
          Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;
        expect(overlap).toBe(false);
      }
  });
});

describe('textBox and project', () => {
  it('sizes a label by its characters and halo', () => {
    expect(textBox(100, 50, 'Olmazor', 20, 3)).toEqual({ x: 100, y: 50, width: 90, height: 31 });
  });

  it('puts the middle of the box in the middle of the view and its corners on the padding', () => {
    const b = [69.2, 41.25, 69.3, 41.35] as const;
    const mid = project([69.25, 41.3], b, 400, 400, 0);
    expect(mid.x).toBeCloseTo(200, 6);
    expect(mid.y).toBeCloseTo(200, 0);
    // Taller than wide on Mercator at 41° (1 / cos 41.3° ≈ 1.33): the height fills the view, edges on the padding,
    // and the width is three quarters of it.
    expect(project([69.25, 41.35], b, 400, 400, 20).y).toBeCloseTo(20, 6);
    expect(project([69.25, 41.25], b, 400, 400, 20).y).toBeCloseTo(380, 6);
    const w = project([69.3, 41.3], b, 400, 400, 20).x - project([69.2, 41.3], b, 400, 400, 20).x;
    expect(w / 360).toBeCloseTo(Math.cos((41.3 * Math.PI) / 180), 2);
  });
});
