// Once per vitest run: a temporary folder of its own, made the TMPDIR of every test process. Vitest ends its workers
// without their 'exit' handlers, so what a server under test keeps until exit (an upload folder, a browser's profile)
// would stay in the machine's /tmp after every run; here it goes with the run's folder at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): (() => void) | undefined {
  // Each project runs the global setups it inherits: the first one makes the folder, the others find it set.
  if (process.env.HAMKOR_RUN_TMP) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hamkor-test-run-'));
  process.env.HAMKOR_RUN_TMP = dir;
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
