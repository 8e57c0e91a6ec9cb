// Mahallas as the map and the card see them: the query of the polygon layer, the id in a path, and the properties of
// each polygon feature (GeoJSON crosses JSON untyped, so the web reads them with this type). Isomorphic.
import { z } from 'zod';
import { coded } from './issues.ts';
import { Day, Districts, MahallaId } from './common.ts';

/**
 * The mahalla polygons, optionally of some districts, simplified for the map's zoom (shared borders stay shared;
 * absent = every vertex), with the inspectors of the plan in force on `to` (absent: the data's "today").
 */
export const MahallasQuery = z.object({
  district: Districts.optional(),
  to: Day.optional(),
  zoom: z
    .string()
    .regex(/^\d{1,2}$/, 'must be a map zoom, 0–22')
    .transform(Number)
    .refine((z) => z <= 22, coded('out_of_range', 'must be a map zoom, 0–22', { min: 0, max: 22 }))
    .optional(),
});

export const MahallaParam = z.object({ id: MahallaId });

/** What identifies and sizes a mahalla, shared by the map features and the card. */
export interface MahallaIdentity {
  id: number;
  code: string;
  name: string;
  districtSoato: string;
  districtName: string;
  population: number;
  households: number;
  areaKm2: number;
  synthetic: boolean;
}

/** The properties of a mahalla polygon (`GET /api/mahallas`). */
export interface MahallaProps extends MahallaIdentity {
  inspectorId: number | null;
  inspectorName: string | null;
}

/** The properties of a region or district outline (`GET /api/boundaries`). */
export interface BoundaryProps {
  soato: string;
  name: string;
  kind: 'region' | 'district';
}
