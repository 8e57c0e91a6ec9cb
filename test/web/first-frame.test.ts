// The map's first frame waits for its first view (web/map/first-frame.ts), over a stand-in for MapLibre's map: the
// painter's `render` (given a style whose sources are prepared each frame) and the two methods the gate reads.
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawFirstWhenLoaded } from '../../web/map/first-frame.ts';

/** A frame's style: two sources, one used by a visible layer, each noting which painter context prepared it. */
function frame(name: string, prepared: string[]) {
  const source = (id: string, used: boolean) => ({
    used,
    prepare: (context: unknown) => prepared.push(`${id} ${String(context)}`),
  });
  return { name, tileManagers: { tiles: source('tiles', true), hidden: source('hidden', false) } };
}

function fakeMap() {
  const drawn: string[] = [];
  const m = {
    loaded: false,
    repaints: 0,
    drawn,
    painter: {
      context: 'gl',
      render(this: unknown, style: { name: string }) {
        expect(this).toBe(m.painter);
        drawn.push(style.name);
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
    const prepared: string[] = [];
    m.painter.render(frame('frame 1', prepared));
    m.painter.render(frame('frame 2', prepared));
    expect(m.drawn).toEqual([]);
    // Each skipped frame still prepares the sources in use (feature states onto the tiles that came, their buffers
    // uploaded) with the painter's context, so the first painted frame does not do it for every tile at once.
    expect(prepared).toEqual(['tiles gl', 'tiles gl']);
    m.loaded = true;
    m.painter.render(frame('frame 3', prepared));
    expect(m.drawn).toEqual(['frame 3']);
    // Painted frames prepare through the painter's own render (the stand-in's prepares nothing).
    expect(prepared).toHaveLength(2);
    // Later frames are drawn whatever loads (a pan, a new layer): the gate is gone, the painter's own render is back.
    expect(Reflect.get(m.painter, 'render')).toBe(original);
    m.loaded = false;
    m.painter.render(frame('frame 4', prepared));
    expect(m.drawn).toEqual(['frame 3', 'frame 4']);
  });

  it('is painted after `maxWaitMs` even if a tile never comes, and the map is asked to draw then', async () => {
    const m = fakeMap();
    drawFirstWhenLoaded(m as unknown as MapLibreMap, 40);
    m.painter.render(frame('early', []));
    expect(m.drawn).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(m.repaints).toBe(1);
    m.painter.render(frame('late', []));
    expect(m.drawn).toEqual(['late']);
  });

  it('asks for no frame of its own once the first is drawn in time', async () => {
    const m = fakeMap();
    drawFirstWhenLoaded(m as unknown as MapLibreMap, 40);
    m.loaded = true;
    m.painter.render(frame('first', []));
    await new Promise((r) => setTimeout(r, 80));
    expect(m.repaints).toBe(0);
  });

  it('leaves a map without a painter as it is', () => {
    expect(() => drawFirstWhenLoaded({} as MapLibreMap)).not.toThrow();
  });
});
