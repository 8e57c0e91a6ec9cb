// Uploaded import files: streamed to a private temporary folder (mode 0700, one sub-folder per upload, the file under its
// own name so the import records that name), never held in memory, refused past a size cap.
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportKind } from '../../contract/imports.ts';
import type { Coded } from '../../contract/issues.ts';

export interface Upload {
  id: string;
  kind: ImportKind;
  /** the file's name as the user's computer gave it (made safe for a file system) */
  name: string;
  path: string;
  dir: string;
  bytes: number;
  /** the first row of the file (a boundary file: its fields), read when it was previewed */
  headers: string[];
  by: string;
  /** boundary files: the EPSG code the user gave for a file that does not state its coordinate system */
  crs?: string | undefined;
}

/** A refused upload: the field at fault and why (answered as a 400 or 413). */
export class UploadRefused extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly status: 400 | 413 = 400,
    /** the reason's code and params where it has one (contract/issues.ts); parsers' own words have none */
    readonly issue?: Coded,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A new id: 16 hex digits. */
export const newId = (): string => randomBytes(8).toString('hex');

/**
 * A file name safe in any folder: the last path segment, letters, digits, `. _ -` and spaces kept, others `_`.
 * @example safeName('../Отчёт: март.csv') // 'Отчёт_ март.csv'
 */
export const safeName = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '_') || 'upload';

/**
 * The folders made by this process, removed when it exits: an upload lives only as long as the server that previewed
 * it (its record is in memory), so a folder left behind would only fill the temporary folder, one per run.
 */
const madeFolders = new Set<string>();
let removeAtExit = false;

function keepUntilExit(folder: string): string {
  madeFolders.add(folder);
  if (!removeAtExit) {
    removeAtExit = true;
    process.once('exit', () => {
      for (const f of madeFolders) rmSync(f, { recursive: true, force: true });
    });
  }
  return folder;
}

/** The private folder of this server's uploads, made on first use and removed when the process exits. */
export class UploadSpace {
  private root: Promise<string> | undefined;

  constructor(private readonly parent = tmpdir()) {}

  folder(): Promise<string> {
    this.root ??= mkdtemp(join(this.parent, 'hamkor-imports-')).then(keepUntilExit);
    return this.root;
  }

  /** Streams `body` into a new upload's folder; over `maxBytes` (or empty) it is deleted and refused. */
  async save(
    body: ReadableStream<Uint8Array> | null,
    meta: { kind: ImportKind; name: string; by: string; crs?: string | undefined },
    maxBytes: number,
  ): Promise<Omit<Upload, 'headers'>> {
    const id = newId();
    const dir = join(await this.folder(), id);
    await mkdir(dir, { mode: 0o700 });
    const path = join(dir, safeName(meta.name));
    const out = createWriteStream(path, { mode: 0o600 });
    let bytes = 0;
    const mib = Math.round(maxBytes / 2 ** 20);
    try {
      if (body)
        for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          if (bytes > maxBytes)
            throw new UploadRefused('body', `the file is larger than ${mib} MiB`, 413, {
              code: 'file_too_large',
              params: { max: mib },
            });
          if (!out.write(chunk)) await once(out, 'drain');
        }
      out.end();
      await once(out, 'finish');
      if (bytes === 0)
        throw new UploadRefused('body', 'the file is empty: send its contents as the request body', 400, {
          code: 'file_empty',
        });
      const bytesOnDisk = (await stat(path)).size;
      return {
        id,
        kind: meta.kind,
        name: safeName(meta.name),
        path,
        dir,
        bytes: bytesOnDisk,
        by: meta.by,
        crs: meta.crs,
      };
    } catch (err) {
      out.destroy();
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** Removes an upload's folder (its file, mappings, reports). */
  drop(upload: Pick<Upload, 'dir'>): Promise<void> {
    return rm(upload.dir, { recursive: true, force: true });
  }
}
