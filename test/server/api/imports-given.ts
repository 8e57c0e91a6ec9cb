// Helpers of the import API tests: upload a file as a role, start a run and wait for it to end, read a 400's issues.
import { expect } from 'vitest';
import type { Role } from '../../../server/contract/access.ts';
import type { Job } from '../../../server/services/imports/jobs.ts';
import type { SignedIn } from '../../fixtures/api/signed-in.ts';

export const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const issues = async (res: Response): Promise<Array<{ field: string; reason: string }>> =>
  ((await res.json()) as { issues: Array<{ field: string; reason: string }> }).issues;

/** Uploads `body` as `name` of `kind`; expects a 201 and returns the preview. */
export async function uploadAs<T>(w: SignedIn, kind: string, name: string, body: BodyInit, role: Role = 'analyst') {
  const res = await w.as(role, `/api/imports/files?kind=${kind}&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
  });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Starts a run and polls it until it ends. */
export async function runJob(w: SignedIn, file: string, body: object = {}, role: Role = 'admin'): Promise<Job> {
  const res = await w.as(role, '/api/imports/jobs', json({ file, ...body }));
  expect(res.status).toBe(202);
  let job = (await res.json()) as Job;
  while (!['done', 'failed', 'cancelled'].includes(job.state)) {
    await new Promise((r) => setTimeout(r, 20));
    job = (await (await w.as(role, `/api/imports/jobs/${job.id}`)).json()) as Job;
  }
  return job;
}
