// The only typed API client: everything else fetches through hooks in queries/. Its fetch takes the answers the boot
// script asked for early (web/early-answers.ts) the first time the app asks for them.
import { hc } from 'hono/client';
import type { AppType } from '../server/app.ts';
import { fetchOrEarly } from './early-answers.ts';

export const api = hc<AppType>('/', { fetch: fetchOrEarly });
export type Api = typeof api;
