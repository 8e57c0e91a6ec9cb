// The only typed API client: everything else fetches through hooks in queries/.
import { hc } from 'hono/client';
import type { AppType } from '../server/app.ts';

export const api = hc<AppType>('/');
export type Api = typeof api;
