// The selection of a request: its validated query within the principal's scope (server/selection/select.ts). Every
// route that reads records, mahallas or inspectors of an area goes through here, so access to an area is decided in
// one place; the area is also noted for the request's audit row.
import type { Context } from 'hono';
import type { Db } from '../db/database.ts';
import { principal, type AppEnv } from '../auth/middleware.ts';
import type { Principal } from '../auth/principal.ts';
import { select, selectArea, type Access, type Selection, type SelectionInput } from '../selection/select.ts';

/** What a principal may see beyond aggregates. */
export const accessOf = (p: Principal): Access => ({
  locations: p.capabilities.has('locations'),
  persons: p.capabilities.has('persons'),
});

/** The selection of `q` for this request (refused with 403/404 by the app's error handler when out of scope). */
export async function selection(
  c: Context<AppEnv>,
  db: Db,
  q: SelectionInput,
  opts: { mahallaField?: string } = {},
): Promise<Selection> {
  const p = principal(c);
  const sel = await select(db, q, p.scope, { ...opts, access: accessOf(p) });
  c.set('area', sel.area);
  return sel;
}

/** The area of a request that has no period (polygons, base points, outlines): the districts it names, within scope. */
export async function areaOf(c: Context<AppEnv>, db: Db, district: readonly string[] | undefined) {
  const a = await selectArea(db, district, principal(c).scope);
  c.set('area', a.area);
  return a;
}
