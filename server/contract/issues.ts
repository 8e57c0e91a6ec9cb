// The issues of a refused request: the field at fault, the English reason (for API clients and logs), and a stable
// machine code with its parameters, so the web says the same thing in the reader's language. The codes are a closed
// set: the web's messages are checked against ISSUE_PARAMS (test/web/api-error.test.ts), so a new code cannot ship
// without its sentence in every locale. Isomorphic: zod only, used by the server's validation and by the web's forms.
import type { z } from 'zod';
import { ISSUE_PARAMS } from './issue-codes.ts';

export { ISSUE_PARAMS };

export type IssueCode = keyof typeof ISSUE_PARAMS;
export const ISSUE_CODES = Object.keys(ISSUE_PARAMS) as IssueCode[];

/** What `not_found` and `unknown_reference` name (an ICU select in the messages). */
export type IssueObject =
  'plan' | 'playlist' | 'account' | 'kiosk' | 'inspector' | 'mahalla' | 'district' | 'region' | 'version';

/** The parameters of one issue: numbers for counts and limits (ICU plurals), strings for the rest. */
export type IssueParams = Record<string, string | number>;

/** One issue of a refused request. `code` and `params` are absent only on answers of older servers. */
export interface ApiIssue {
  field: string;
  reason: string;
  code?: IssueCode;
  params?: IssueParams;
}

/** The body of every refused request (400, 401, 403, 404, 409, 413, 429, 503). */
export interface ApiErrorBody {
  error: string;
  issues: ApiIssue[];
}

/** The code and params of an issue, carried beside a field and reason kept apart. */
export type Coded = Pick<ApiIssue, 'code' | 'params'>;

/** An issue this server made: always with its code. */
export type CodedIssue = ApiIssue & { code: IssueCode };

export const isIssueCode = (code: unknown): code is IssueCode =>
  typeof code === 'string' && Object.hasOwn(ISSUE_PARAMS, code);

/**
 * One issue, its params only when there are some.
 * @example issue('name', 'too_long', 'must be at most 120 characters', { max: 120 })
 */
export function issue(field: string, code: IssueCode, reason: string, params?: IssueParams): CodedIssue {
  return params ? { field, reason, code, params } : { field, reason, code };
}

/**
 * The message and code of a refinement or `ctx.addIssue` in a schema: zod keeps `params` on custom issues, which
 * zodIssue below reads back.
 * @example .refine(isCalendarDay, coded('invalid_date', 'is not a calendar date'))
 */
export const coded = (code: IssueCode, message: string, params?: IssueParams) => ({
  message,
  params: { ...params, code },
});

const at = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );

/** A limit as a plain number (zod gives bigint or Date for those kinds). */
const limit = (v: unknown): number | string =>
  typeof v === 'number' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/**
 * The code and params of one zod issue; `input` is what was parsed, to tell a missing value from a wrong one. A
 * refinement that names no code has none: its own reason says more than any generic sentence would.
 */
function codeOf(i: z.core.$ZodIssue, input: unknown): { code?: IssueCode; params?: IssueParams } {
  switch (i.code) {
    case 'invalid_type': {
      const value = at(input, i.path);
      if (value === undefined || value === null) return { code: 'required' };
      if (i.expected === 'int') return { code: 'not_whole' };
      if (i.expected === 'number') return { code: 'not_number' };
      if (i.expected === 'boolean') return { code: 'not_boolean' };
      if (i.expected === 'array') return { code: 'not_list' };
      return { code: 'wrong_type' };
    }
    case 'too_small': {
      const min = limit(i.minimum);
      if (i.origin === 'string') return min === 1 ? { code: 'empty' } : { code: 'too_short', params: { min } };
      if (i.origin === 'array' || i.origin === 'set') return { code: 'too_few', params: { min } };
      // `.positive()` is "more than 0", which "at least 0" would misstate.
      if (i.inclusive === false && min === 0) return { code: 'not_positive' };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = limit(i.maximum);
      if (i.origin === 'string') return { code: 'too_long', params: { max } };
      if (i.origin === 'array' || i.origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_big', params: { max } };
    }
    case 'invalid_value':
      return { code: 'not_one_of', params: { allowed: i.values.map(String).join(', ') } };
    case 'custom': {
      const { code, ...params } = (i.params ?? {}) as Record<string, unknown>;
      if (!isIssueCode(code)) return {};
      const plain = Object.entries(params).filter((e): e is [string, string | number] =>
        ['string', 'number'].includes(typeof e[1]),
      );
      return plain.length > 0 ? { code, params: Object.fromEntries(plain) } : { code };
    }
    default:
      return { code: 'invalid_format' };
  }
}

/**
 * A zod issue as an API issue: the dotted path (or `fallback` for the whole input), zod's message as the reason,
 * and the code that says it in any language (none for a refinement that names none).
 * @example zodIssue({ code: 'too_big', origin: 'string', maximum: 120, path: ['name'], message: 'must be at most 120 characters' }, {}, 'json')
 * // { field: 'name', reason: 'must be at most 120 characters', code: 'too_long', params: { max: 120 } }
 */
export function zodIssue(i: z.core.$ZodIssue, input: unknown, fallback: string): ApiIssue {
  const { code, params } = codeOf(i, input);
  const field = i.path.map(String).join('.') || fallback;
  return code ? issue(field, code, i.message, params) : { field, reason: i.message };
}
