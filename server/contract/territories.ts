// Request schemas of territory plan versions: a version's posts (an inspector's, or a vacant one) and which post
// covers each mahalla, the workflow's steps (submit, return, approve), the comparison of two versions and the
// exports. Isomorphic: zod only, shared by the server (validation) and the planner page.
import { z } from 'zod';
import { Day, DistrictCode, Districts, checkRange } from './common.ts';
import { coded } from './issues.ts';
import { VersionField } from './plans.ts';

/** A version moves draft → submitted → approved; an approved one is in force from its `effectiveFrom`. */
export const TERRITORY_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type TerritoryStatus = (typeof TERRITORY_STATUSES)[number];

/** The workflow's steps: what each does is in server/services/territories/workflow.ts. */
export const TERRITORY_ACTIONS = ['submit', 'return', 'approve'] as const;
export type TerritoryAction = (typeof TERRITORY_ACTIONS)[number];

/** More posts than this in one district is a typing error (a large district has ≈ 60 inspectors). */
const MAX_POSTS = 1000;
/** Mahallas of the largest district, with room to spare. */
const MAX_ASSIGNMENTS = 5000;

const positive = (what: string) =>
  z
    .number({ error: `must be ${what} (a positive whole number)` })
    .int(`must be ${what} (a positive whole number)`)
    .positive(`must be ${what} (a positive whole number)`)
    .max(999_999_999, `must be ${what} (a positive whole number)`);

const text = (what: string, max: number) =>
  z
    .string({ error: `is required (${what})` })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** A post of a version: held by an inspector, or vacant (inspector null) until someone is appointed. */
export const TerritoryPostBody = z.object({
  /** the post's number within the version (kept when a version is copied, so versions can be compared post by post) */
  id: positive('a post number'),
  inspector: positive('an inspector id').nullable(),
  /** what a vacant post is called on the map and in the annex ("Vacant post 3"); optional for an inspector's post */
  label: z
    .string({ error: 'must be text or null' })
    .trim()
    .max(80, 'must be at most 80 characters')
    .nullable()
    .default(null),
});
export type TerritoryPostInput = z.output<typeof TerritoryPostBody>;

export const TerritoryAssignmentBody = z.object({ mahalla: positive('a mahalla id'), post: positive('a post number') });
export type TerritoryAssignmentInput = z.output<typeof TerritoryAssignmentBody>;

const VersionName = text('the version’s name', 120);
const Reason = text('the reason', 1000);

/** The editable content of a version: every post and every assigned mahalla (a mahalla not listed is unassigned). */
const ContentFields = z.object({
  name: VersionName,
  reason: Reason,
  posts: z.array(TerritoryPostBody, { error: 'must be a list of posts' }).max(MAX_POSTS, `at most ${MAX_POSTS} posts`),
  assignments: z
    .array(TerritoryAssignmentBody, { error: 'must be a list of { mahalla, post }' })
    .max(MAX_ASSIGNMENTS, `at most ${MAX_ASSIGNMENTS} mahallas`),
});

/** What zod can see without the database: post numbers and inspectors once each, mahallas once, known posts. */
function checkContent(v: z.output<typeof ContentFields>, ctx: z.RefinementCtx): void {
  const ids = new Map<number, number>();
  const holders = new Map<number, number>();
  v.posts.forEach((p, k) => {
    const first = ids.get(p.id);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['posts', k, 'id'],
        ...coded('post_repeated', `repeats post ${p.id} (posts.${first})`, { post: p.id }),
      });
    else ids.set(p.id, k);
    if (p.inspector === null) return;
    const held = holders.get(p.inspector);
    if (held !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['posts', k, 'inspector'],
        ...coded(
          'inspector_has_post',
          `inspector ${p.inspector} already holds post ${v.posts[held]?.id} (one post per inspector)`,
          { inspector: p.inspector, post: v.posts[held]?.id ?? '' },
        ),
      });
    else holders.set(p.inspector, k);
  });
  const seen = new Map<number, number>();
  v.assignments.forEach((a, k) => {
    const first = seen.get(a.mahalla);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['assignments', k, 'mahalla'],
        ...coded(
          'mahalla_assigned_twice',
          `mahalla ${a.mahalla} is already assigned (assignments.${first}); a mahalla has one post`,
          { mahalla: a.mahalla },
        ),
      });
    else seen.set(a.mahalla, k);
    if (!ids.has(a.post))
      ctx.addIssue({
        code: 'custom',
        path: ['assignments', k, 'post'],
        ...coded('post_unknown', `no post ${a.post} in posts`, { post: a.post }),
      });
  });
}

/** A new draft: a copy of a version (`from`), or of the plan in force in the district when `from` is absent. */
export const TerritoryCreateBody = z.object({
  district: DistrictCode,
  from: positive('a version id').optional(),
  name: VersionName,
  reason: Reason,
});
export type TerritoryCreateInput = z.output<typeof TerritoryCreateBody>;

/** A draft saved (PUT): its whole content again, with the `version` it was read at (409 when someone saved since). */
export const TerritoryReplaceBody = ContentFields.extend({ version: VersionField }).superRefine(checkContent);
export type TerritoryReplaceInput = z.output<typeof TerritoryReplaceBody>;

/** Submit a draft for approval, or return a version to draft (a reason is required to return). */
export const TerritorySubmitBody = z.object({ version: VersionField, reason: Reason.optional() });
export const TerritoryReturnBody = z.object({ version: VersionField, reason: Reason });

/** Approval by the district head: the order (buyruq) that puts the version in force, and from which day. */
export const TerritoryApproveBody = z
  .object({
    version: VersionField,
    effectiveFrom: Day,
    orderNumber: text('the order’s number', 40),
    orderDate: Day,
    reason: Reason.optional(),
    /** Confirms that this version replaces one approved since it was drawn (whose changes it would undo). */
    replaces: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.orderDate > b.effectiveFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['orderDate'],
        ...coded(
          'order_after_effective',
          `must not be after effectiveFrom (${b.effectiveFrom}): an order takes effect once signed`,
          { date: b.effectiveFrom },
        ),
      });
  });
export type TerritoryApproveInput = z.output<typeof TerritoryApproveBody>;

const IdText = (what: string) =>
  z
    .string({ error: `is required (${what})` })
    .regex(/^[1-9]\d{0,8}$/, `must be ${what} (a positive integer)`)
    .transform(Number);

export const TerritoryParam = z.object({ id: IdText('a version id') });

export const TerritoryListQuery = z.object({ district: Districts.optional() });

/** Deleting a draft names the version read. */
export const TerritoryDeleteQuery = z.object({ version: IdText('the version you read') });

/** The plan in force on `day` (absent: the data's "today") in the districts asked. */
export const TerritoryInForceQuery = z.object({ day: Day.optional(), district: Districts.optional() });

/**
 * The period whose incidents and applications the workload figures count; absent: the app's default period (the
 * last 90 days of data).
 */
const figuresFields = { from: Day.optional(), to: Day.optional() };

function checkFigures(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.from === undefined && q.to === undefined) return;
  if (q.from === undefined || q.to === undefined)
    ctx.addIssue({
      code: 'custom',
      path: [q.from === undefined ? 'from' : 'to'],
      ...coded('from_and_to', 'give both from and to, or neither'),
    });
  else checkRange({ from: q.from, to: q.to }, ctx);
}

/** Two versions of one district compared: what changes from `before` to `after`. */
export const TerritoryDiffQuery = z
  .object({ before: IdText('a version id'), after: IdText('a version id'), ...figuresFields })
  .superRefine(checkFigures);

export const TerritoryAnnexQuery = z.object(figuresFields).superRefine(checkFigures);
