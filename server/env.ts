// The one place that reads process.env: validated once, with defaults that run the demo out of the box (and only on
// this machine: the server listens on 127.0.0.1 unless HOST says otherwise).
import { z } from 'zod';

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  /** The address to listen on; 0.0.0.0 (every interface) only when asked for. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Analytics database (rebuildable): built from the demo generator when missing. */
  HAMKOR_DB: z.string().default('data/hamkor.duckdb'),
  /** User store (accounts, audit, plans, playlists): never rebuilt; created when missing. */
  HAMKOR_STATE: z.string().default('data/hamkor-state.duckdb'),
  /** Built front end. */
  HAMKOR_DIST: z.string().default('dist'),
  /** Extra host names the server is reached by (e.g. hamkor.iib.local), comma-separated; Host and Origin are checked. */
  HAMKOR_HOSTS: list.default([]),
  /** Behind a TLS proxy: trust its X-Forwarded-For, -Proto and -Host. */
  HAMKOR_TRUST_PROXY: flag.default(false),
  /** Seconds after which a request's queries are interrupted. */
  HAMKOR_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(60),
  /** Heavy analytics requests run at once. */
  HAMKOR_HEAVY: z.coerce.number().int().min(1).max(64).default(2),
  /** Compute the default emerging hot spots in the background after start and after each import (0 to leave cold). */
  HAMKOR_WARM: flag.default(true),
});

export type ServerEnv = z.infer<typeof Env>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}
