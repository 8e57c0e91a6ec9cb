// The dissolved outline of each inspector's territory under a plan in force, with a colour slot so that territories
// that touch never share a colour; names only for askers who may see persons.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { perDb } from '../../db/per-db.ts';
import { flattenPolygons } from '../../geo/flat-polygons.ts';
import { dissolve } from '../../geo/dissolve.ts';
import { colourGraph } from '../../geo/colouring.ts';
import { perAssignment, type Assignment } from '../territories/in-force.ts';
import { staff } from './coverage.ts';

export interface OutlineProps {
  inspectorId: number;
  /** null for an asker who may not see persons' names */
  name: string | null;
  districtSoato: string;
  mahallas: number;
  /** colour slot 0–7: territories that touch never share one */
  slot: number;
}

/** Queen contiguity of the mahallas, read once per database (the colouring needs no shapes). */
const adjacency = perDb((db) => db.columns<{ a: number; b: number }>('SELECT a, b FROM mahalla_adjacency'));

/** Mahalla rings, read once per database; the dissolved outline of each territory ever asked. */
const outlineInputs = perDb(async (db) => {
  const geoms = await db.columns<{ id: number; g: string }>('SELECT id, geometry AS g FROM mahallas ORDER BY id');
  const flat = flattenPolygons(geoms.g.map((g) => JSON.parse(g) as Polygon | MultiPolygon));
  const index = new Map(geoms.id.map((id, k) => [id, k]));
  // Dissolving is the costly part: a territory no approval changed keeps its outline from one plan to the next.
  const dissolved = new Map<string, MultiPolygon['coordinates']>();
  const outline = (ids: readonly number[]): MultiPolygon['coordinates'] => {
    const key = ids.join(',');
    let hit = dissolved.get(key);
    if (!hit)
      dissolved.set(
        key,
        (hit = dissolve(
          flat,
          ids.map((id) => index.get(id) ?? -1).filter((i) => i >= 0),
        )),
      );
    return hit;
  };
  return { outline };
});

/** The staff under a plan in force and each inspector's colour slot (by index in `staff.inspectors`). */
const colourSlots = perAssignment(async (db, a) => {
  const [s, adj] = await Promise.all([staff(db, a), adjacency(db)]);
  // Territories touch where their mahallas do (queen contiguity, corners included).
  const ea: number[] = [],
    eb: number[] = [];
  adj.a.forEach((a, k) => {
    const ia = s.mahallas.get(a)?.inspectorId,
      ib = s.mahallas.get(adj.b[k] ?? -1)?.inspectorId;
    if (ia == null || ib == null || ia === ib) return;
    ea.push(s.byId.get(ia) ?? -1);
    eb.push(s.byId.get(ib) ?? -1);
  });
  const slots = colourGraph(s.inspectors.length, ea, eb);
  return { s, slot: (k: number): number => (slots[k] ?? 0) % 8 };
});

/** Every inspector's territory under a plan in force as one dissolved outline, with a colour slot. */
const allOutlines = perAssignment(async (db, a): Promise<Array<Feature<MultiPolygon, OutlineProps>>> => {
  const [{ s, slot }, { outline }] = await Promise.all([colourSlots(db, a), outlineInputs(db)]);
  return s.inspectors.map((insp, k) => ({
    type: 'Feature',
    id: insp.id,
    geometry: { type: 'MultiPolygon', coordinates: outline(insp.mahallaIds) },
    properties: {
      inspectorId: insp.id,
      name: insp.name,
      districtSoato: insp.districtSoato,
      mahallas: insp.mahallaIds.length,
      slot: slot(k),
    },
  }));
});

/**
 * Territories without shapes, columnar (one entry per inspector in id order): the mahallas each one covers and its
 * colour slot. The map draws them from the mahalla tiles, so a national view never carries the dissolved outlines.
 */
export interface TerritoryColumns {
  inspectorId: number[];
  /** null for an asker who may not see persons' names */
  name: Array<string | null>;
  districtSoato: string[];
  slot: number[];
  /** the ids of the mahallas each territory covers */
  mahallaIds: number[][];
}

/** The territories of the inspectors of some districts (null = all) under a plan in force, as columns. */
export async function getTerritoryColumns(
  db: Db,
  districts: readonly string[] | null,
  persons: boolean,
  a: Assignment,
): Promise<TerritoryColumns> {
  const { s, slot } = await colourSlots(db, a);
  const out: TerritoryColumns = { inspectorId: [], name: [], districtSoato: [], slot: [], mahallaIds: [] };
  s.inspectors.forEach((insp, k) => {
    if (districts !== null && !districts.includes(insp.districtSoato)) return;
    out.inspectorId.push(insp.id);
    out.name.push(persons ? insp.name : null);
    out.districtSoato.push(insp.districtSoato);
    out.slot.push(slot(k));
    out.mahallaIds.push(insp.mahallaIds);
  });
  return out;
}

/** Territory outlines under a plan in force of the inspectors of some districts (null = all); names only for askers who may see them. */
export async function getOutlines(
  db: Db,
  districts: readonly string[] | null,
  persons: boolean,
  a: Assignment,
): Promise<FeatureCollection<MultiPolygon, OutlineProps>> {
  const all = await allOutlines(db, a);
  const mine = districts === null ? all : all.filter((f) => districts.includes(f.properties.districtSoato));
  return {
    type: 'FeatureCollection',
    features: persons ? mine : mine.map((f) => ({ ...f, properties: { ...f.properties, name: null } })),
  };
}
