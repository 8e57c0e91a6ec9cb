// Code loaded when first wanted (web/map/lazy-module.ts): asked for once however often it is wanted, at hand once it has
// come, and asked again after a failed load instead of failing for good.
import { describe, expect, it } from 'vitest';
import { loaded, loadOnce } from '../../web/map/lazy-module.ts';

describe('loadOnce', () => {
  it('asks the loader once and gives every caller the same module', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.resolve({ answer: 42 });
    };
    expect(loaded(load)).toBeUndefined();
    const [a, b] = await Promise.all([loadOnce(load), loadOnce(load)]);
    expect(a).toBe(b);
    expect(await loadOnce(load)).toBe(a);
    expect(calls).toBe(1);
    expect(loaded(load)).toBe(a);
  });

  it('asks again after a failed load, and keeps what the retry gives', async () => {
    let calls = 0;
    const load = () => (++calls === 1 ? Promise.reject(new Error('chunk gone')) : Promise.resolve({ ok: true }));
    await expect(loadOnce(load)).rejects.toThrow('chunk gone');
    expect(loaded(load)).toBeUndefined();
    await expect(loadOnce(load)).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
    expect(loaded(load)).toEqual({ ok: true });
  });
});
