// Collision-aware labels on a live map: a deck.gl TextLayer's labels projected with the map's camera, boxed and
// thinned by placeLabels (web/map/label-placement.ts), so no two drawn labels touch whatever the zoom or screen.
import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { placeLabels, textBox } from './label-placement.ts';

type Accessor<T, R> = R | ((d: T) => R);
const read = <T, R>(a: Accessor<T, R>, d: T): R => (typeof a === 'function' ? (a as (d: T) => R)(d) : a);

/**
 * `layer` itself unless it is a TextLayer over an array; then a clone drawing only the labels that fit, in the data's
 * order (put the most important first), none outside the map.
 */
export function placeTextLayer(layer: Layer, map: MapLibreMap): Layer {
  if (!(layer instanceof TextLayer)) return layer;
  const text = layer as Layer;
  const props = text.props as unknown as {
    data: unknown[];
    getPosition: Accessor<unknown, number[]>;
    getText: Accessor<unknown, string>;
    getSize: Accessor<unknown, number>;
  };
  if (!Array.isArray(props.data)) return layer;
  const boxes = props.data.map((d) => {
    const [lon, lat] = read(props.getPosition, d);
    const p = map.project([lon ?? 0, lat ?? 0]);
    return textBox(p.x, p.y, read(props.getText, d), read(props.getSize, d), 3);
  });
  const canvas = map.getCanvas();
  const kept = placeLabels(boxes, { width: canvas.clientWidth, height: canvas.clientHeight });
  return text.clone({ data: kept.map((i) => props.data[i]) }) as Layer;
}
