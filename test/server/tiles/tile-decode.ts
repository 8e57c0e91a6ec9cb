// Test helpers: decode a Mapbox Vector Tile's mahalla layer into features with integer rings in tile coordinates.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number;
  props: Record<string, unknown>;
  rings: Array<Array<{ x: number; y: number }>>;
}

export function decodeTile(data: Uint8Array, layer = 'mahallas'): { extent: number; features: DecodedFeature[] } {
  const tile = new VectorTile(new PbfReader(data));
  const l = tile.layers[layer];
  if (!l) return { extent: 4096, features: [] };
  const features: DecodedFeature[] = [];
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i);
    features.push({ id: Number(f.id), props: f.properties, rings: f.loadGeometry() });
  }
  return { extent: l.extent, features };
}
