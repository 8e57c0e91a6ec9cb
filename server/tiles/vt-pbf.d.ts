// vt-pbf ships no types: the one function Hamkor calls, as its README documents it.
declare module 'vt-pbf' {
  import type { LegacyTile } from 'geojson-vt';
  /** Encodes geojson-vt tiles (one per layer name) as a Mapbox Vector Tile (protobuf, uncompressed). */
  export function fromGeojsonVt(
    layers: Record<string, LegacyTile>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
