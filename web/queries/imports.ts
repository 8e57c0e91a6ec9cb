// The import page's server calls: upload a file (its bytes as the body), start a dry run or a commit, follow a run,
// cancel it, and the list of past imports. A commit changes the data every page shows: every cached answer but the
// session's is dropped then, so each page asks again and shows the imported data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { ImportKind, JobRequest } from '../../server/contract/imports.ts';
import { api, type Api } from '../api.ts';
import { CHANGING, getQuery, ok, SESSION_KEY } from './client.ts';

const imports = api.api.imports;
export type AnyPreview = InferResponseType<Api['api']['imports']['files']['$post'], 201>;
/** A table's preview (records, reference lists, territory assignment): headers, first rows, our columns. */
export type Preview = Extract<AnyPreview, { shape: 'table' }>;
/** A boundary file's preview: its fields with samples, the field proposed for each role. */
export type BoundaryPreview = Extract<AnyPreview, { shape: 'boundary' }>;
export type Job = InferResponseType<Api['api']['imports']['jobs'][':id']['$get'], 200>;
export type PastImport = InferResponseType<Api['api']['imports']['$get'], 200>[number];

const pastQuery = {
  ...getQuery(imports.$path(), {}, async (_q, init) => ok(await imports.$get(undefined, init), (r) => r.json())),
  ...CHANGING,
};

/** Every committed import, newest first. */
export function usePastImports() {
  return useQuery(pastQuery);
}

/** Sends a file as it is (streamed by the browser, never read into the page). */
export function useUpload() {
  return useMutation({
    mutationFn: async ({ file, kind, crs }: { file: File; kind: ImportKind; crs?: string | undefined }) =>
      ok(
        await imports.files.$post(
          { query: { kind, name: file.name, ...(crs ? { crs } : {}) } },
          { init: { body: file } },
        ),
        (r) => r.json(),
      ),
  });
}

export function useStartJob() {
  return useMutation({
    mutationFn: async (req: JobRequest) => ok(await imports.jobs.$post({ json: req }), (r) => r.json()),
  });
}

const JOB_PATH = '/api/imports/jobs/';
const RUNNING: readonly string[] = ['queued', 'reading', 'writing'];

/** A run, asked again every half second while it runs. */
export function useJob(id: string | null) {
  const job = imports.jobs[':id'];
  return useQuery({
    ...getQuery(`${JOB_PATH}${id ?? ''}`, id === null ? null : { id }, async (q, init) =>
      ok(await job.$get({ param: q }, init), (r) => r.json()),
    ),
    placeholderData: undefined,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !RUNNING.includes(q.state.data.state) ? false : 500),
  });
}

/** Where a finished run's full JSON report, or its rejected rows as CSV, are downloaded (a plain link). */
export const downloadUrl = (id: string, what: 'report' | 'rejects'): string => `${JOB_PATH}${id}/${what}`;

/** Whether a run is still going. */
export const isRunning = (j: Job | undefined): boolean => j !== undefined && RUNNING.includes(j.state);

/** After a commit: forgets every answer but the session's and the runs', so every page asks for the new data. */
export function useDropData() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && !String(q.queryKey[0]).startsWith(JOB_PATH),
    });
}

export function useCancelJob() {
  return useMutation({
    mutationFn: async (id: string) => ok(await imports.jobs[':id'].cancel.$post({ param: { id } }), (r) => r.json()),
  });
}
