// zod validation at the edge: every invalid input becomes a 400 naming the field and the reason.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import type { ValidationErrorBody } from '../contract/api.ts';

/** Like zValidator, but the failure body is `{ error: 'invalid_request', issues: [{ field, reason }] }`. */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const body: ValidationErrorBody = {
        error: 'invalid_request',
        issues: result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || target, reason: i.message })),
      };
      return c.json(body, 400);
    }
    return undefined;
  });
