// Request schemas of model cooperation plans: a plan's items, the plan as created or replaced, a copy to another
// period, deletion. Isomorphic: zod only, shared by the server (validation) and the web app (the plan form).
import { z } from 'zod';
import { Day, DistrictCode } from './common.ts';
import { JOINT_ACTION_TYPES, SERVICES } from './catalog.ts';
import { lengthDays } from '../shared/period.ts';
import { coded } from './issues.ts';

const MAX_PLAN_DAYS = 366;
/** More than this many actions of one type with one service in one plan period is a typing error, not a plan. */
export const MAX_REQUIRED = 500;
/** Every inspector × service × type of a large district, with room to spare. */
const MAX_ITEMS = 2000;

const PositiveId = (what: string) =>
  z
    .number({ error: `must be ${what} (a positive whole number)` })
    .int(`must be ${what} (a positive whole number)`)
    .positive(`must be ${what} (a positive whole number)`);

export const PlanItemBody = z.object({
  inspector: PositiveId('an inspector id'),
  service: z.enum(SERVICES, { error: `must be one of ${SERVICES.join(', ')}` }),
  type: z.enum(JOINT_ACTION_TYPES, { error: `must be one of ${JOINT_ACTION_TYPES.join(', ')}` }),
  required: z
    .number({ error: 'must be a number of joint actions' })
    .int('must be a whole number of joint actions')
    .min(1, 'must be at least 1 (leave the item out instead)')
    .max(MAX_REQUIRED, `must be at most ${MAX_REQUIRED} in one plan period`),
});
export type PlanItemInput = z.output<typeof PlanItemBody>;

function checkPlanPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = lengthDays(p);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], ...coded('date_order', 'must not be before from') });
  else if (days > MAX_PLAN_DAYS)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      ...coded('period_too_long', `a plan covers at most ${MAX_PLAN_DAYS} days`, { max: MAX_PLAN_DAYS }),
    });
}

const PlanName = z
  .string({ error: 'is required (the plan name)' })
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters');

/** The version of an object its writer read: a change based on an older one is refused with 409. */
export const VersionField = z
  .number({ error: 'is required (the version you read; reload to get it)' })
  .int('must be a whole number')
  .positive('must be positive');

/** A plan as created (POST): the items are the whole list. */
export const PlanBody = z
  .object({
    name: PlanName,
    district: DistrictCode,
    from: Day,
    to: Day,
    items: z
      .array(PlanItemBody, { error: 'must be a list of plan items' })
      .min(1, 'a plan needs at least one item')
      .max(MAX_ITEMS, `at most ${MAX_ITEMS} items`),
  })
  .superRefine((p, ctx) => {
    checkPlanPeriod(p, ctx);
    const seen = new Map<string, number>();
    p.items.forEach((it, k) => {
      const key = `${it.inspector}|${it.service}|${it.type}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, k);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['items', k],
          ...coded(
            'duplicate_item',
            `repeats item ${first} (same inspector, service and type); add the counts instead`,
          ),
        });
    });
  });
export type PlanInput = z.output<typeof PlanBody>;

/** A plan as replaced (PUT): the whole plan again, with the version it was read at. */
export const PlanReplaceBody = z.intersection(PlanBody, z.object({ version: VersionField }));
export type PlanReplaceInput = z.output<typeof PlanReplaceBody>;

/** Copy a plan as a template to another period (usually the next one). */
export const PlanCopyBody = z.object({ from: Day, to: Day, name: PlanName.optional() }).superRefine(checkPlanPeriod);
export type PlanCopyInput = z.output<typeof PlanCopyBody>;

export const PlanParam = z.object({
  id: z
    .string()
    .refine((s) => /^[1-9]\d{0,8}$/.test(s), coded('invalid_id', 'must be a plan id (a positive integer)'))
    .transform(Number),
});

const Confirm = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .optional()
  .transform((v) => v === 'true');

/** `confirm=true` when the plan has recorded fulfilment (its state then goes to the archive first); `version` optional. */
export const PlanDeleteQuery = z.object({
  confirm: Confirm,
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be the version you read (a positive integer)')
    .transform(Number)
    .optional(),
});

/** Replacing a plan with recorded fulfilment needs `confirm=true` too (its state goes to the archive first). */
export const PlanReplaceQuery = z.object({ confirm: Confirm });
