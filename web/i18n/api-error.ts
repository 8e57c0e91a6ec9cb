// The server's refusals in the reader's language: each issue's code and params (server/contract/issues.ts) become the
// message `apiError.<code>` of the chosen locale, with ICU plurals; the server's English reason is shown only for an
// issue whose code this web does not know (an older or newer server). Every view that shows a server error, and every
// form that shows the contract's own zod issues, says it through here.
import { useMemo } from 'react';
import type { z } from 'zod';
import { isIssueCode, zodIssue, type ApiIssue, type IssueCode } from '../../server/contract/issues.ts';
import { ApiError } from '../queries/client.ts';
import { formatMoment } from '../format.ts';
import { useLocale } from './I18n.tsx';
import { MESSAGES, type MessageId } from './messages.ts';
import { translator, type MessageValues } from './translate.ts';
import type { Locale } from './locales.ts';

/** The message of an issue code. */
export const issueMessageId = (code: IssueCode): MessageId => `apiError.${code}` as MessageId;

// Compile-time check that every code of the contract has a message: a code without one names itself here.
type Unsaid = Exclude<`apiError.${IssueCode}`, MessageId>;
export const EVERY_CODE_SAID: [Unsaid] extends [never] ? true : Unsaid = true;

/** Params the reader should see in their words: a role by its label, a moment in their format. */
function localParams(params: ApiIssue['params'], locale: Locale): MessageValues {
  const t = translator(locale);
  const said = MESSAGES[locale];
  const out: MessageValues = { ...params };
  if (typeof out.role === 'string' && said[`role.${out.role}`]) out.role = t(`role.${out.role}` as MessageId);
  if (typeof out.at === 'string' && !Number.isNaN(Date.parse(out.at))) out.at = formatMoment(out.at, locale);
  return out;
}

/**
 * One issue as a sentence in `locale`.
 * @example issueText({ field: 'name', reason: 'must be at most 120 characters', code: 'too_long', params: { max: 120 } }, 'ru')
 * // 'не длиннее 120 символов'
 */
export function issueText(issue: ApiIssue, locale: Locale): string {
  if (!isIssueCode(issue.code)) return issue.reason;
  return translator(locale)(issueMessageId(issue.code), localParams(issue.params, locale));
}

const isIssue = (i: unknown): i is ApiIssue =>
  typeof i === 'object' &&
  i !== null &&
  typeof (i as ApiIssue).field === 'string' &&
  typeof (i as ApiIssue).reason === 'string';

/** The issues of a refused request, if the error is one whose body holds them. */
export function issuesOfError(err: unknown): ApiIssue[] {
  if (!(err instanceof ApiError)) return [];
  const issues = (err.body as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? issues.filter(isIssue) : [];
}

/**
 * Any error a request can end in, as one sentence in `locale`: the issues of a refusal, else the error's own message
 * (a network failure, which the browser words).
 */
export function errorText(err: unknown, locale: Locale): string {
  const issues = issuesOfError(err);
  if (issues.length > 0) return issues.map((i) => issueText(i, locale)).join('; ');
  return err instanceof Error ? err.message : String(err);
}

/** A zod issue of one of the web's own forms (the contract's schemas), in `locale`. */
export const zodIssueText = (i: z.core.$ZodIssue, input: unknown, locale: Locale): string =>
  issueText(zodIssue(i, input, ''), locale);

/**
 * errorText and zodIssueText in the language in force.
 * @example const said = useApiErrors(); <p role="alert">{said.error(list.error)}</p>
 */
export function useApiErrors() {
  const locale = useLocale();
  return useMemo(
    () => ({
      error: (err: unknown) => errorText(err, locale),
      issue: (i: ApiIssue) => issueText(i, locale),
      zod: (i: z.core.$ZodIssue, input: unknown) => zodIssueText(i, input, locale),
    }),
    [locale],
  );
}
