// Who is asking: a signed-in person (with their role's capabilities and area) or a kiosk (one playlist's wall
// screen). The area is resolved against the analytics database: a region's districts, an inspector's territory (as
// the plan in force on the data's "today" draws it).
import { KIOSK_CAPABILITIES, ROLE_ACCESS, type Capability, type Role } from '../contract/access.ts';
import type { Db } from '../db/database.ts';
import { ALL, type Area } from '../selection/area.ts';
import { assignmentOn, referenceDay, territoryOf } from '../services/territories/in-force.ts';
import type { Account, Actor, KioskToken, StoredPlaylist, UserStore } from '../store/types.ts';

export interface Principal {
  kind: 'account' | 'kiosk';
  /** the account id, or the kiosk token id */
  id: number;
  /** the account's user name, or `kiosk:<token name>` */
  username: string;
  displayName: string;
  role: Role | 'kiosk';
  capabilities: ReadonlySet<Capability>;
  /** what the principal may see; every selection is narrowed to it (server/selection/select.ts) */
  scope: Area;
  /** the area as the account states it, for the UI: a region, a district, an inspector */
  binding: { region: string | null; district: string | null; inspector: number | null };
  /** a kiosk's playlist */
  playlist: number | null;
}

/** The area an account's role binds it to. */
export async function accountScope(
  db: Db,
  store: UserStore,
  a: Pick<Account, 'role' | 'region' | 'district' | 'inspector'>,
): Promise<Area> {
  switch (ROLE_ACCESS[a.role].scope) {
    case 'all':
      return ALL;
    case 'district':
      return { kind: 'districts', districts: a.district ? [a.district] : [] };
    case 'region': {
      const rows = await db.all<{ soato: string }>(
        'SELECT soato FROM districts WHERE region_soato = $region ORDER BY soato',
        { region: a.region ?? '' },
      );
      return { kind: 'districts', districts: rows.map((r) => r.soato) };
    }
    case 'territory': {
      const plan = await assignmentOn(db, store, await referenceDay(db));
      return { kind: 'mahallas', ids: territoryOf(plan, a.inspector ?? -1) };
    }
  }
}

export async function accountPrincipal(db: Db, store: UserStore, a: Account): Promise<Principal> {
  return {
    kind: 'account',
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    capabilities: new Set(ROLE_ACCESS[a.role].capabilities),
    scope: await accountScope(db, store, a),
    binding: { region: a.region, district: a.district, inspector: a.inspector },
    playlist: null,
  };
}

/** A kiosk sees its playlist's district (or everything, for a playlist of the whole area), through the wall screen only. */
export function kioskPrincipal(t: KioskToken, playlist: StoredPlaylist): Principal {
  return {
    kind: 'kiosk',
    id: t.id,
    username: `kiosk:${t.name}`,
    displayName: t.name,
    role: 'kiosk',
    capabilities: new Set(KIOSK_CAPABILITIES),
    scope: playlist.district ? { kind: 'districts', districts: [playlist.district] } : ALL,
    binding: { region: null, district: playlist.district, inspector: null },
    playlist: playlist.id,
  };
}

/** Whether the principal may see things of `district` (a plan's, a playlist's, an inspector's). */
export function seesDistrict(
  p: Principal,
  district: string | null,
  districtOfMahalla?: (id: number) => string | undefined,
): boolean {
  const s = p.scope;
  if (s.kind === 'all') return true;
  if (district === null) return false;
  if (s.kind === 'districts') return s.districts.includes(district);
  return districtOfMahalla !== undefined && s.ids.some((id) => districtOfMahalla(id) === district);
}

/** Whether the principal may see an inspector's card: an inspector only their own, others any of their area's. */
export function seesInspector(
  p: Principal,
  inspector: { id: number; districtSoato: string },
  districtOfMahalla: (id: number) => string | undefined,
): boolean {
  if (p.role === 'inspector') return p.binding.inspector === inspector.id;
  return seesDistrict(p, inspector.districtSoato, districtOfMahalla);
}

/** Who a change is recorded as: the account, or the kiosk. */
export const actorOf = (p: Pick<Principal, 'kind' | 'id' | 'username'>): Actor => ({
  accountId: p.kind === 'account' ? p.id : null,
  username: p.username,
});
