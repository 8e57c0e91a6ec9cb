// Waits for a just-launched Chromium to finish starting. For about a second after launch (and its first page) Chromium
// keeps both cores of a 2-core host busy with its own start (≈ 1.5 s of CPU measured: the GPU process, the network
// service, the browser's profile), so a navigation made at once shares the machine with it. A user's browser is already
// running when they open Hamkor; the first-screen bench times that, from a fresh profile (no HTTP or code cache).
import { readdirSync, readFileSync } from 'node:fs';
import { cpuMs } from './cpu.ts';

/** CPU ms (user + system) every Chromium process on this machine has used so far; null where /proc cannot be read. */
export function chromiumCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  let ms = 0;
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
    } catch {
      continue; // the process ended meanwhile
    }
    ms += cpuMs(Number(pid)) || 0;
  }
  return ms;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once Chromium has used under `quietMs` of CPU in a `windowMs` window (or after `maxMs`); the ms waited.
 * Without /proc it waits `maxMs / 4`.
 * @example await chromiumSettled(); // after launchChromium() and newPage(), before page.goto()
 */
export async function chromiumSettled(maxMs = 6000, windowMs = 250, quietMs = 30): Promise<number> {
  const start = Date.now();
  const first = chromiumCpuMs();
  if (first === null) {
    await sleep(maxMs / 4);
    return Date.now() - start;
  }
  let last: number = first;
  while (Date.now() - start < maxMs) {
    await sleep(windowMs);
    const now: number = chromiumCpuMs() ?? last;
    if (now - last < quietMs) break;
    last = now;
  }
  return Date.now() - start;
}
