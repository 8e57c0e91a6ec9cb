// Debian's Chromium and the flags that make it work headless here (STACK.md): shared by the browser tests, the
// screenshot script and the browser benchmark.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Software WebGL (SwiftShader) and no network lookups of Chromium's own.
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  // The page itself (panels, legend, text) rastered by Skia on the CPU, as Chrome does for a user whose GL is software:
  // with the blocklist ignored, Chrome rastered it through SwiftShader on the GPU process's one thread, which the map's
  // WebGL waits behind (the national first screen took 1.5 s longer so, at the same WebGL cost).
  '--disable-gpu-rasterization',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
