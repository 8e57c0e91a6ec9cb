// Once per vitest run, before the first browser file: the test-scale database with its user store, and the web app,
// built fresh from the working tree (so no file sees an older generator or front end) and shared by every file, which
// serves copies. Built per file instead (3 s of database, 6 s of vite build here), they cost 20 files ≈ 2.5 minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPristine, buildWebApp } from './pristine.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'hamkor-browser-build-'));
  const dist = join(dir, 'dist');
  const [pristine] = await Promise.all([buildPristine('test', dir, 'pristine'), buildWebApp(dist)]);
  project.provide('browserBuild', { pristine, dist });
  return () => rmSync(dir, { recursive: true, force: true });
}
