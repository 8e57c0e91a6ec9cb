// Worker-thread body of H3Pool: the H3 cells of one chunk of points at a time, in the order they were sent.
import { parentPort } from 'node:worker_threads';
import { h3Halves } from './h3-bits.ts';

/** One chunk: WGS84 degrees. */
export interface H3Request {
  lons: Float64Array;
  lats: Float64Array;
}

const port = parentPort;
if (port) {
  port.on('message', ({ lons, lats }: H3Request) => {
    const cells = h3Halves(lons, lats);
    port.postMessage(cells, [cells.hi.buffer, cells.lo.buffer]);
  });
  port.postMessage('ready');
}
