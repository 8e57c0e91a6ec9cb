// The selection of a request: its validated query within the asker's scope (server/selection/select.ts). Every route
// that reads records, mahallas or inspectors of an area goes through here, so access is decided in one place.
import type { Context } from 'hono';
import type { Db } from '../db/database.ts';
import { ALL, type Area } from '../selection/area.ts';
import { select, selectArea, type Selection, type SelectionInput } from '../selection/select.ts';

/** The area the asker may see. Everything until accounts exist; then the signed-in user's territory. */
export function scopeOf(_c: Context): Area {
  return ALL;
}

/** The selection of `q` for this request (refused with 403/404 by the app's error handler when out of scope). */
export const selection = (c: Context, db: Db, q: SelectionInput, opts?: { mahallaField?: string }): Promise<Selection> => select(db, q, scopeOf(c), opts);

/** The area of a request that has no period (polygons, base points, outlines): the districts it names, within scope. */
export const areaOf = (c: Context, db: Db, district: readonly string[] | undefined) => selectArea(db, district, scopeOf(c));
