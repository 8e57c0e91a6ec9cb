// `npm run import` while Hamkor runs: DuckDB lets one process write the database, so the command signs in to the
// running server and sends the file through its Import API (upload, a run, its progress, its report), the same path
// the Import page takes. The data is committed inside the server, whose users see it at once.
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, Writable } from 'node:stream';
import type { ImportMapping } from '../../server/contract/imports.ts';
import type { Job } from '../../server/services/imports/jobs.ts';
import { readServerFile } from '../../server/services/imports/server-file.ts';
import { Progress } from './progress.ts';
import { problemLine } from './report.ts';

export interface RemoteImport {
  /** the server's address, e.g. http://127.0.0.1:8080 */
  server: string;
  user: string;
  password: string;
  kind: string;
  file: string;
  mapping: ImportMapping;
  dryRun: boolean;
  keepGood: boolean;
  crs?: string | undefined;
  sliverM2?: number | undefined;
  /** where the run's JSON report is saved (the rejects CSV beside it as `.rejects.csv`) */
  report: string;
  log?: (line: string) => void;
}

/** The running server that `--server` names, or the one whose server file lies beside the database; else null. */
export function serverOf(db: string, given: string | undefined): string | null {
  return given ?? readServerFile(db)?.url ?? null;
}

/** The password: from `--password-file`, else asked on the terminal without echo. */
export async function passwordOf(file: string | undefined, user: string): Promise<string> {
  if (file) return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  if (!process.stdin.isTTY) throw new Error('give the password with --password-file FILE (no terminal to ask on)');
  let muted = false;
  // The prompt is shown; what is typed after it is not echoed.
  const out = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  try {
    const answer = new Promise<string>((resolve) => rl.question(`Password of ${user}: `, resolve));
    muted = true;
    return await answer;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

class Client {
  private cookie = '';
  constructor(private readonly base: string) {}

  async call(path: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<Response> {
    const headers = { ...(init.headers as Record<string, string> | undefined), cookie: this.cookie };
    try {
      return await fetch(new URL(path, this.base), { ...init, headers });
    } catch (err) {
      throw new Error(`cannot reach Hamkor at ${this.base} (${(err as Error).message})`, { cause: err });
    }
  }

  /** The body of a 2xx answer; otherwise an error naming each field and reason the server gave. */
  async json<T>(res: Response, what: string): Promise<T> {
    const body = (await res.json().catch(() => ({}))) as { issues?: Array<{ field: string; reason: string }> };
    if (res.ok) return body as T;
    const why = body.issues?.map((i) => `${i.field}: ${i.reason}`).join('; ') ?? `HTTP ${res.status}`;
    throw new Error(`${what} refused by the server: ${why}`);
  }

  async signIn(username: string, password: string): Promise<void> {
    const res = await this.call('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    await this.json(res, 'sign-in');
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
}

const ENDED = ['done', 'failed', 'cancelled'];

/** Lines summing up a finished run, as the local command prints them. */
export function describeJob(job: Job): string[] {
  const r = job.result;
  if (!r) return [job.error ?? `the run ended ${job.state}`];
  const lines = [
    ...r.problems.slice(0, 20).map(problemLine),
    `${job.file.name}: ${r.rowsRead} ${job.result?.boundary ? 'features' : 'rows'} read, ${r.rowsGood} good, ${r.rejected} rejected`,
  ];
  for (const [col, list] of Object.entries(r.unmapped))
    lines.push(`  unmapped ${col}: ${list.map((u) => `"${u.value}" ×${u.rows}`).join(', ')}`);
  lines.push(...r.qualityNotes.map((n) => `  ${n}`));
  const done = r.committed ? 'Committed' : job.dryRun ? 'Dry run, nothing written' : 'Refused, nothing was written';
  const b = r.boundary;
  if (b?.mahallas) {
    const m = b.mahallas.moved;
    lines.push(
      `${done}: boundary version ${b.version ?? '-'}: ${b.mahallas.kept} mahallas kept, ${b.mahallas.added} added, ${b.mahallas.retired} retired`,
      `Records that changed mahalla: ${m.incidents} incidents, ${m.applications} applications, ${m.base_points} base points`,
    );
  } else if (b?.areas)
    lines.push(`${done}: boundary version ${b.version ?? '-'}: ${b.areas.updated} updated, ${b.areas.added} added`);
  else if (r.districts)
    lines.push(
      ...r.districts.map((d) => `district ${d.district}: ${d.changed} mahallas change inspector; ${d.status}`),
      done,
    );
  else if (r.added !== undefined)
    lines.push(`${done}: ${r.added} added, ${r.updated ?? 0} updated, ${r.unchanged ?? 0} unchanged`);
  else lines.push(done);
  return lines;
}

/** Imports through a running server; returns the exit code (0 committed or a clean dry run, 1 otherwise). */
export async function importViaServer(o: RemoteImport): Promise<number> {
  const log = o.log ?? ((l: string) => console.log(l));
  const api = new Client(o.server);
  await api.signIn(o.user, o.password);
  const size = statSync(o.file).size;
  const q = new URLSearchParams({ kind: o.kind, name: basename(o.file), ...(o.crs ? { crs: o.crs } : {}) });
  const body = Readable.toWeb(createReadStream(o.file)) as unknown as ReadableStream<Uint8Array>;
  const preview = await api.json<{ file: { id: string } }>(
    await api.call(`/api/imports/files?${q}`, { method: 'POST', body, duplex: 'half' }),
    'the upload',
  );
  log(`Hamkor is running at ${o.server}: importing through it (signed in as ${o.user})`);
  const start = {
    file: preview.file.id,
    mapping: o.mapping,
    dryRun: o.dryRun,
    keepGood: o.keepGood,
    sliverM2: o.sliverM2,
  };
  let job = await api.json<Job>(
    await api.call('/api/imports/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(start),
    }),
    'the run',
  );
  const cancel = () => void api.call(`/api/imports/jobs/${job.id}/cancel`, { method: 'POST' });
  process.once('SIGINT', cancel);
  const progress = new Progress(size);
  try {
    while (!ENDED.includes(job.state)) {
      await new Promise((r) => setTimeout(r, 250));
      job = await api.json<Job>(await api.call(`/api/imports/jobs/${job.id}`), 'progress');
      progress.update(job.rows, job.bytes);
    }
  } finally {
    process.off('SIGINT', cancel);
  }
  progress.done(job.rows, size);
  for (const line of describeJob(job)) log(line);
  for (const what of ['report', 'rejects'] as const) {
    if (!job.downloads[what]) continue;
    const res = await api.call(`/api/imports/jobs/${job.id}/${what}`);
    const path = what === 'report' ? o.report : `${o.report.replace(/\.json$/, '')}.rejects.csv`;
    if (res.ok) writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    log(`${what === 'report' ? 'Report' : 'Rejected rows'}: ${path}`);
  }
  return job.state === 'done' && (job.result?.committed || o.dryRun) ? 0 : 1;
}
