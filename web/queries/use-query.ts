// A minimal server-state hook: keyed cache, in-flight de-duplication, abort on key change, errors as values.
import { useEffect, useState } from 'react';

export interface QueryResult<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

const cache = new Map<string, unknown>();
const MAX_CACHE = 64;

/** Runs `load` for `key` (null = disabled) and keeps the last good data while the next key loads. */
export function useQuery<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): QueryResult<T> {
  const [result, setResult] = useState<QueryResult<T>>(() => ({
    data: key !== null ? (cache.get(key) as T | undefined) : undefined,
    error: undefined,
    loading: key !== null && !cache.has(key),
  }));
  useEffect(() => {
    if (key === null) return;
    if (cache.has(key)) {
      setResult({ data: cache.get(key) as T, error: undefined, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setResult((r) => ({ ...r, loading: true }));
    load(ctrl.signal).then(
      (data) => {
        if (ctrl.signal.aborted) return;
        if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value ?? '');
        cache.set(key, data);
        setResult({ data, error: undefined, loading: false });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setResult((r) => ({ ...r, error: err instanceof Error ? err : new Error(String(err)), loading: false }));
      },
    );
    return () => ctrl.abort();
    // `load` is recreated each render; the key fully identifies the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}

/**
 * The success variant of a typed response, parsed; non-2xx responses throw a readable error built from the
 * server's `{ issues: [{ field, reason }] }` body. Hono's `ok` is `true` only on success variants, so it narrows.
 */
export async function ok<R extends { ok: boolean; status: number; statusText: string; json(): Promise<unknown> }, T>(res: R, parse: (r: Extract<R, { ok: true }>) => Promise<T>): Promise<T> {
  if (res.ok) return parse(res as Extract<R, { ok: true }>);
  let detail = res.statusText;
  try {
    const body = (await res.json()) as { issues?: Array<{ field: string; reason: string }> };
    detail = body.issues?.map((i) => `${i.field}: ${i.reason}`).join('; ') ?? detail;
  } catch {
    // not JSON: keep the status text
  }
  throw new Error(`${res.status} ${detail}`);
}
