// Uploads live as long as the server that previewed them: their folder goes when the process exits, so a test run or a
// restarted server leaves nothing behind in the temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const parent = mkdtempSync(join(tmpdir(), 'hamkor-upload-space-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

// A child process saves one upload into a fresh space, prints where it went, and exits on its own.
const child = `
import { existsSync } from 'node:fs';
import { UploadSpace } from './server/services/imports/uploads.ts';
const space = new UploadSpace(process.argv[1]);
const body = new Blob(['code;lon;lat\\n1;69.2;41.3\\n']).stream();
const up = await space.save(body, { kind: 'incidents', name: 'март.csv', by: 'admin' }, 1024);
console.log(JSON.stringify({ path: up.path, folder: await space.folder(), kept: existsSync(up.path) }));
`;

describe('UploadSpace', () => {
  it('keeps an upload while its process runs and removes its folder when the process exits', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child, parent], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { path, folder, kept } = JSON.parse(run.stdout) as { path: string; folder: string; kept: boolean };
    expect(kept).toBe(true);
    expect(path.startsWith(folder)).toBe(true);
    expect(folder.startsWith(join(parent, 'hamkor-imports-'))).toBe(true);
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
