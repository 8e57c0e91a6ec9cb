// The map's first frame waits for its first view (web/map/first-frame.ts), over a stand-in for MapLibre's map: the
// painter's `render` and the two methods the gate reads.
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawFirstWhenLoaded } from '../../web/map/first-frame.ts';

function fakeMap() {
  const drawn: unknown[] = [];
  const m = {
    loaded: false,
    repaints: 0,
    drawn,
    painter: {
      render(this: unknown, ...args: unknown[]) {
        expect(this).toBe(m.painter);
        drawn.push(args[0]);
      },
    },
    isStyleLoaded: () => m.loaded,
    triggerRepaint: () => void m.repaints++,
  };
  return m;
}

describe('the first frame', () => {
  it('is not painted while the first view loads, then every frame is, through the painter as it was', () => {
    const m = fakeMap();
    const original: unknown = Reflect.get(m.painter, 'render');
    drawFirstWhenLoaded(m as unknown as MapLibreMap);
    m.painter.render('frame 1');
    m.painter.render('frame 2');
    expect(m.drawn).toEqual([]);
    m.loaded = true;
    m.painter.render('frame 3');
    expect(m.drawn).toEqual(['frame 3']);
    // Later frames are drawn whatever loads (a pan, a new layer): the gate is gone, the painter's own render is back.
    expect(Reflect.get(m.painter, 'render')).toBe(original);
    m.loaded = false;
    m.painter.render('frame 4');
    expect(m.drawn).toEqual(['frame 3', 'frame 4']);
  });

  it('is painted after `maxWaitMs` even if a tile never comes, and the map is asked to draw then', async () => {
    const m = fakeMap();
    drawFirstWhenLoaded(m as unknown as MapLibreMap, 40);
    m.painter.render('early');
    expect(m.drawn).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(m.repaints).toBe(1);
    m.painter.render('late');
    expect(m.drawn).toEqual(['late']);
  });

  it('asks for no frame of its own once the first is drawn in time', async () => {
    const m = fakeMap();
    drawFirstWhenLoaded(m as unknown as MapLibreMap, 40);
    m.loaded = true;
    m.painter.render('first');
    await new Promise((r) => setTimeout(r, 80));
    expect(m.repaints).toBe(0);
  });

  it('leaves a map without a painter as it is', () => {
    expect(() => drawFirstWhenLoaded({} as MapLibreMap)).not.toThrow();
  });
});
