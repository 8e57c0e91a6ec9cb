// The boot module turns zod's jitless mode on without importing zod (web/zod-csp.ts): the zod the app then loads reads
// it, so building the contract's schemas never probes `new Function` (a CSP violation in the browser).
import { describe, expect, it } from 'vitest';
import { zodJitless } from '../../web/zod-csp.ts';

describe('zodJitless', () => {
  it('sets the configuration zod reads, keeping what else it holds', async () => {
    const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
    const before = g.__zod_globalConfig;
    try {
      const shared = { customError: 'kept' };
      g.__zod_globalConfig = shared;
      zodJitless();
      // The same object (a zod already loaded holds it), with what it held.
      expect(g.__zod_globalConfig).toBe(shared);
      expect(shared).toEqual({ customError: 'kept', jitless: true });
      // zod's own view of its configuration is that object (the same global), so its schemas skip the eval probe.
      const { config } = await import('zod');
      expect(config().jitless).toBe(true);
    } finally {
      g.__zod_globalConfig = before;
    }
  });
});
