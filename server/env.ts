// The one place that reads process.env: validated once, with defaults that run the demo out of the box.
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** DuckDB file; built from the demo generator when missing. */
  HAMKOR_DB: z.string().default('data/hamkor.duckdb'),
  /** Built front end. */
  HAMKOR_DIST: z.string().default('dist'),
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
