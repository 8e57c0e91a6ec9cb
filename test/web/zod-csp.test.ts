// The boot module turns zod's jitless mode on without importing zod (web/zod-csp.ts): the zod the app then loads reads
// it, so building the contract's schemas never probes `new Function` (a CSP violation in the browser).
import { describe, expect, it } from 'vitest';
import { config } from 'zod';
import { zodJitless } from '../../web/zod-csp.ts';

type Config = { jitless?: boolean };
const g = globalThis as { __zod_globalConfig?: Config };

describe('zodJitless', () => {
  it('turns jitless on in the very configuration a loaded zod reads', () => {
    const held = config() as Config;
    expect(g.__zod_globalConfig).toBe(held);
    const before = held.jitless;
    try {
      held.jitless = false;
      zodJitless();
      expect(g.__zod_globalConfig).toBe(held);
      expect(config().jitless).toBe(true);
    } finally {
      held.jitless = before;
    }
  });

  it('leaves the setting for a zod not loaded yet, which takes the object it finds', () => {
    const saved = g.__zod_globalConfig;
    try {
      delete g.__zod_globalConfig;
      zodJitless();
      expect(g.__zod_globalConfig).toEqual({ jitless: true });
    } finally {
      g.__zod_globalConfig = saved;
    }
  });
});
