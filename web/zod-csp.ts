// zod (used in the browser to check forms against the shared contract) probes `new Function('')` when it builds a
// schema, to decide whether it may compile validators. Our CSP forbids eval (default-src 'self'), so that probe would
// log a violation; jitless mode skips it. It must be on before any schema is built, and the contract's schemas are
// built as their modules load, in whichever chunk the bundler put them: a chunk shared with the lazily loaded pages
// runs before main.tsx's own first import. So the boot module sets it, before any of the app has loaded, without
// importing zod: zod keeps its configuration on `globalThis.__zod_globalConfig` (shared by every copy of zod,
// zod/v4/core/core.js), which is what its `config({ jitless: true })` writes.

interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

/** Turns zod's jitless mode on for every zod the page loads afterwards. */
export function zodJitless(): void {
  // The object itself, not a copy: a zod already loaded holds on to it.
  ((globalThis as ZodGlobal).__zod_globalConfig ??= {}).jitless = true;
}
