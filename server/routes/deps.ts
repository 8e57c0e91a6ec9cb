// What every route factory is given: the analytics database, the user store, sign-in, and the HTTP settings.
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/database.ts';
import type { UserStore } from '../store/types.ts';

export interface HttpConfig {
  /** host names the server answers to (Host and Origin are checked against them) */
  hosts: readonly string[];
  /** trust X-Forwarded-For/Proto/Host from a TLS proxy in front */
  trustProxy: boolean;
  /** largest JSON body, bytes */
  bodyLimit: number;
  /** a request's queries are interrupted after this long */
  timeoutMs: number;
  /** heavy analytics requests running at once */
  heavyPermits: number;
}

export interface RouteDeps {
  db: Db;
  store: UserStore;
  auth: Auth;
  http: HttpConfig;
}
