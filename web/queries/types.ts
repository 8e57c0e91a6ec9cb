// Response types of the API as the web sees them, inferred from the server contract (never written by hand).
import type { InferResponseType } from 'hono/client';
import type { Api } from '../api.ts';

export type Meta = InferResponseType<Api['api']['meta']['$get'], 200>;
export type Metrics = InferResponseType<Api['api']['metrics']['$get'], 200>;
export type MahallaCardData = InferResponseType<Api['api']['mahallas'][':id']['$get'], 200>;
