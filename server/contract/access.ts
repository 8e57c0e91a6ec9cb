// Who may do what: the roles of Hamkor's accounts, what each may see and change, and the sign-in request. Isomorphic:
// the server enforces this table (server/auth/) and the web reads it to show only what a person may use.
import { z } from 'zod';
import { DistrictCode } from './common.ts';
import { coded } from './issues.ts';

export const ROLES = ['admin', 'ministry', 'region_head', 'district_head', 'planner', 'analyst', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - read: the analytics of the area (aggregates: counts, rates, hot spots, workload, flows)
 * - wall: the wall-screen endpoints, for a kiosk of one playlist
 * - locations: exact record locations, record lists and their CSV (otherwise the heat map gets cell centres)
 * - persons: names and ranks of inspectors, an inspector's card
 * - plans.write, playlists.write: change model cooperation plans, wall-screen playlists
 * - territories.write: draw territory plan versions (drafts) and submit them; territories.approve: approve one as the
 *   district head's order, which puts it in force from a day
 * - accounts: accounts, kiosk tokens and the audit log
 * - imports: load a department's record files into the database (the import page)
 */
export const CAPABILITIES = [
  'read',
  'wall',
  'locations',
  'persons',
  'plans.write',
  'playlists.write',
  'accounts',
  'territories.write',
  'territories.approve',
  'imports',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** How far a role sees: everything, a region, a district, or an inspector's own territory. */
export type ScopeKind = 'all' | 'region' | 'district' | 'territory';

export const ROLE_ACCESS: Record<Role, { scope: ScopeKind; capabilities: readonly Capability[]; label: string }> = {
  admin: {
    scope: 'all',
    capabilities: [
      'read',
      'locations',
      'persons',
      'plans.write',
      'playlists.write',
      'accounts',
      'territories.write',
      'territories.approve',
      'imports',
    ],
    label: 'Administrator',
  },
  ministry: { scope: 'all', capabilities: ['read'], label: 'Ministry' },
  region_head: { scope: 'region', capabilities: ['read', 'persons', 'playlists.write'], label: 'Region head' },
  district_head: {
    scope: 'district',
    capabilities: [
      'read',
      'locations',
      'persons',
      'plans.write',
      'playlists.write',
      'territories.write',
      'territories.approve',
    ],
    label: 'District head',
  },
  planner: {
    scope: 'district',
    capabilities: ['read', 'persons', 'plans.write', 'territories.write'],
    label: 'Planner',
  },
  analyst: {
    scope: 'district',
    capabilities: ['read', 'locations', 'playlists.write', 'imports'],
    label: 'Analyst',
  },
  inspector: { scope: 'territory', capabilities: ['read', 'locations', 'persons'], label: 'Prevention inspector' },
};

/** What a kiosk token opens: the wall screen of its playlist's area, nothing else. */
export const KIOSK_CAPABILITIES: readonly Capability[] = ['wall'];

export const Username = z
  .string({ error: 'is required (a user name)' })
  .trim()
  .toLowerCase()
  .refine(
    (s) => /^[a-z0-9._-]{3,40}$/.test(s),
    coded('invalid_username', 'must be 3–40 letters, digits, dots, dashes or underscores'),
  );

/** Passwords: long enough to resist guessing offline; no composition rules (NIST SP 800-63B). */
export const Password = z
  .string({ error: 'is required (a password)' })
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const LoginBody = z.object({
  username: Username,
  password: z
    .string({ error: 'is required (a password)' })
    .min(1, 'is required (a password)')
    .max(200, 'must be at most 200 characters'),
});

export const PasswordChangeBody = z.object({ current: z.string().min(1, 'is required').max(200), next: Password });

export const KioskLoginBody = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a kiosk token') });

/** The area an account is bound to, as its role needs: a region, a district or an inspector. */
const ScopeFields = {
  region: z
    .string()
    .regex(/^\d{4}$/, 'must be a 4-digit SOATO region code')
    .nullable()
    .default(null),
  district: DistrictCode.nullable().default(null),
  inspector: z.number().int().positive('must be an inspector id').nullable().default(null),
};

function checkScope(
  a: { role: Role; region: string | null; district: string | null; inspector: number | null },
  ctx: z.RefinementCtx,
): void {
  const need = ROLE_ACCESS[a.role].scope;
  const field =
    need === 'region' ? 'region' : need === 'district' ? 'district' : need === 'territory' ? 'inspector' : null;
  if (field && a[field] === null)
    ctx.addIssue({
      code: 'custom',
      path: [field],
      ...coded('role_field_required', `is required for the role ${a.role}`, { role: a.role }),
    });
  for (const other of ['region', 'district', 'inspector'] as const) {
    if (other !== field && a[other] !== null)
      ctx.addIssue({
        code: 'custom',
        path: [other],
        ...coded('role_field_excluded', `does not apply to the role ${a.role}`, { role: a.role }),
      });
  }
}

export const Role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

export const AccountCreateBody = z
  .object({
    username: Username,
    displayName: z
      .string({ error: 'is required (the person’s name)' })
      .trim()
      .min(1, 'must not be empty')
      .max(120, 'must be at most 120 characters'),
    role: Role,
    ...ScopeFields,
    password: Password,
  })
  .superRefine(checkScope);
export type AccountCreateInput = z.output<typeof AccountCreateBody>;

export const AccountUpdateBody = z
  .object({
    displayName: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    role: Role,
    ...ScopeFields,
    disabled: z.boolean({ error: 'must be true or false' }),
    /** the version read; a stale one is refused with 409 */
    version: z.number({ error: 'is required (the version you read)' }).int().positive(),
  })
  .superRefine(checkScope);
export type AccountUpdateInput = z.output<typeof AccountUpdateBody>;

export const PasswordResetBody = z.object({ password: Password });

export const AccountParam = z.object({
  id: z
    .string()
    .refine((s) => /^[1-9]\d{0,8}$/.test(s), coded('invalid_id', 'must be an account id'))
    .transform(Number),
});

export const KioskTokenBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  playlist: z.number({ error: 'is required (a playlist id)' }).int().positive(),
});
