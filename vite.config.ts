// Web build (root web/, output dist/) with a dev proxy to the API, and the vitest projects (node suites, browser suite).
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.PORT ?? 8080);

/**
 * luma.gl (deck.gl's WebGL layer) imports its WebGL device lazily, from a module already in the app's chunk. With the
 * app itself loaded by a dynamic import (web/boot.ts), rolldown made that a separate re-export file, fetched only when
 * deck.gl attached to the map, and deck.gl's picking then missed base points and scan clusters (test/browser/hotspots
 * tests). The import is made static, as it was in effect while the app was the page's entry.
 */
const lumaDeviceStatic: Plugin = {
  name: 'hamkor-luma-device-static',
  transform(code, id) {
    if (!/@luma\.gl[\\/]webgl[\\/]dist[\\/]adapter[\\/]webgl-adapter\.js$/.test(id)) return null;
    const lazy = 'const { WebGLDevice } = await import("./webgl-device.js");';
    // A luma.gl upgrade that changes the line must be seen here, not as picking that misses now and then.
    if (!code.includes(lazy))
      throw new Error(`${id}: luma.gl's lazy WebGLDevice import changed; update vite.config.ts`);
    const eager = 'import { WebGLDevice as EagerWebGLDevice } from "./webgl-device.js";\n';
    return eager + code.replaceAll(lazy, 'const WebGLDevice = EagerWebGLDevice;');
  },
};

export default defineConfig({
  root: 'web',
  plugins: [react(), lumaDeviceStatic],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  // '/api/', not '/api': the prefix alone also matched the web module /api.ts, which then went to the API server.
  server: { port: 5173, proxy: { '/api/': `http://localhost:${apiPort}` } },
  test: {
    root: '.',
    // The run's own temporary folder, removed when it ends (test/run-tmp.ts).
    globalSetup: ['test/run-tmp.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/{server,data,web}/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // Suites build a test-scale database in beforeAll: 3 s alone, but past vitest's default 10 s on a loaded
          // machine with the browser suite beside (imports-kill.test.ts timed out so at load 10).
          hookTimeout: 60_000,
          // Files share the worker's modules instead of importing the server, DuckDB and tsx's transforms anew each:
          // imports took 237 s of the suite's 1,023 s beside the browser suite (4 December, a 2-core host), 11 s
          // without isolation, and the suite alone 300 s. Nothing here mocks a module; the one test that stubs a
          // global undoes it after each test (route-history.test.ts), and the module caches key on their database.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The database and web build every browser file starts from, built once per run.
          globalSetup: ['test/browser/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // A poll waits on a software-GL frame (a deck.gl hover pick is answered in the next frame), and a frame takes
          // up to a second on a 2-core host with the node suite beside it: vitest's 1 s default failed CI so (a base
          // point's tooltip, 4 December). A poll still fails, only later.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          fileParallelism: false,
          // One process for all browser files: the server, driver and playwright modules are imported once (≈ 4 s a
          // file otherwise). Each file still starts its own world; the server keeps its caches per database.
          isolate: false,
        },
      },
    ],
  },
});
