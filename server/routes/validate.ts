// zod validation at the edge: every invalid input becomes a 400 naming the field and the reason.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ZodType } from 'zod';
import type { ValidationErrorBody } from '../contract/common.ts';
import { issue, zodIssue } from '../contract/issues.ts';

/**
 * Like zValidator, but the failure body is `{ error: 'invalid_request', issues: [{ field, reason, code, params }] }`
 * (contract/issues.ts).
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const body: ValidationErrorBody = {
        error: 'invalid_request',
        issues: result.error.issues.map((i) => zodIssue(i, result.data, target)),
      };
      return c.json(body, 400);
    }
    return undefined;
  });

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Put before `validate('json', …)`: a body that is not JSON (wrong content type, malformed text) is a 400 naming
 * `body`, where Hono's validator would throw (a 500 here) or silently read `{}`.
 */
export const jsonBody = createMiddleware(async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  let reason: string | null = JSON_TYPE.test(type) ? null : 'must be JSON, sent with Content-Type: application/json';
  if (reason === null) {
    try {
      await c.req.json();
    } catch {
      reason = 'is not valid JSON';
    }
  }
  if (reason !== null) {
    const body: ValidationErrorBody = { error: 'invalid_request', issues: [issue('body', 'not_json', reason)] };
    return c.json(body, 400);
  }
  await next();
  return undefined;
});
