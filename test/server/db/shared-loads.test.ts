// A load shared by several requests (caches of mahallas, outlines, assignments, principals) must not fail them all when
// the request that started it goes away: the first of them gets its 503, the others their answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, QueryAborted, querySignal, type Db } from '../../../server/db/database.ts';
import { memoAsync, within } from '../../../server/db/per-db.ts';

let db: Db;
beforeAll(async () => {
  db = await openDb(':memory:');
});
afterAll(() => db.close());

/** A promise and the function that settles it: holds a load until the test lets it go on. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('loads shared between requests', () => {
  it('one asker leaving fails only that asker; the others get the value and it stays cached', async () => {
    const g = gate();
    let loads = 0;
    const load = memoAsync(async (key: string) => {
      loads++;
      await g.wait;
      return (await db.all<{ x: number }>('SELECT 42::INTEGER AS x, $k AS k', { k: key }))[0];
    }, new Map());
    const leaving = new AbortController();
    const first = querySignal.run(leaving.signal, () => load('a'));
    const second = querySignal.run(new AbortController().signal, () => load('a'));
    leaving.abort('the client went away');
    await expect(first).rejects.toBeInstanceOf(QueryAborted);
    g.open();
    await expect(second).resolves.toEqual({ x: 42, k: 'a' });
    await expect(load('a')).resolves.toEqual({ x: 42, k: 'a' });
    expect(loads).toBe(1);
  });

  it('a request already aborted is refused at once; a failed load is retried by the next asker', async () => {
    const gone = new AbortController();
    gone.abort('took longer than 60 s');
    const never = new Promise<number>(() => undefined);
    await expect(querySignal.run(gone.signal, () => within(never))).rejects.toThrow(/took longer than 60 s/);
    let calls = 0;
    const flaky = memoAsync(
      () => (++calls === 1 ? Promise.reject(new Error('disk hiccup')) : Promise.resolve(calls)),
      new Map<string, Promise<number>>(),
    );
    await expect(flaky('k')).rejects.toThrow('disk hiccup');
    await expect(flaky('k')).resolves.toBe(2);
  });
});
