// Web build (root web/, output dist/) with a dev proxy to the API, and the vitest projects (node suites, browser suite).
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

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

/** What a module statically imports, transitively, from `root` (module ids as rolldown names them). */
type ModuleInfoOf = (id: string) => { importedIds: readonly string[] } | null;
function staticClosure(root: string, info: ModuleInfoOf): Set<string> {
  const seen = new Set<string>();
  const todo = [root];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(info(id)?.importedIds ?? []));
  }
  return seen;
}

const webFile = (name: string): string => fileURLToPath(new URL(`./web/${name}`, import.meta.url));

/**
 * Everything the app statically imports (web/main.tsx and all it imports, less the boot script's own modules) in one
 * chunk. Left to itself, rolldown cut the modules the lazily loaded pages share with the app into ≈ 20 chunks of a few
 * kilobytes each, which the browser fetched six at a time (HTTP/1.1's connections per host) beside the preloaded
 * answers: on the national first screen the last came ≈ 0.7 s after the first, against ≈ 0.25 s for the one chunk,
 * and each was a request for the server and the browser to handle on two busy cores (issue 15). The pages' chunks
 * import from this one, which is always loaded before them.
 */
function appChunk(): (id: string, ctx: { getModuleInfo: ModuleInfoOf }) => string | null {
  let app: Set<string> | null = null;
  return (id, ctx) => {
    if (!app) {
      const info: ModuleInfoOf = (m) => ctx.getModuleInfo(m);
      const boot = staticClosure(webFile('boot.ts'), info);
      app = new Set([...staticClosure(webFile('main.tsx'), info)].filter((m) => !boot.has(m)));
    }
    return app.has(id) ? 'main' : null;
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), lumaDeviceStatic],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: appChunk(), debugName: 'app', includeDependenciesRecursively: false }] },
      },
    },
  },
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
