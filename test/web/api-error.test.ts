// The server's refusals in the reader's language: every issue code of the contract has its message in every locale,
// with exactly the params the server sends; a refusal, and a form's own zod issue, read in the chosen language; a code
// this web does not know falls back to the server's English reason.
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, ISSUE_PARAMS, type ApiIssue, type IssueCode } from '../../server/contract/issues.ts';
import { PlanBody } from '../../server/contract/plans.ts';
import { MESSAGES } from '../../web/i18n/messages.ts';
import { LOCALES } from '../../web/i18n/locales.ts';
import { errorText, issueMessageId, issueText, zodIssueText } from '../../web/i18n/api-error.ts';
import { ApiError } from '../../web/queries/client.ts';
import { argsOf } from './icu-args.ts';

/** A value of each string param the server sends; the others are counts. */
const SAMPLE: Record<string, string> = {
  what: 'plan',
  by: 'aziz',
  at: '2026-03-01T10:00:00.000Z',
  file: 'a.csv',
  allowed: 'previous, year',
  role: 'planner',
  status: 'approved',
  district: '1726294',
  expected: '1726262',
};

describe('issue messages', () => {
  it.each(LOCALES)('%s: every code has a message taking exactly its params', (locale) => {
    const wrong = ISSUE_CODES.filter((code) => {
      const text = MESSAGES[locale][issueMessageId(code)];
      return text === undefined || JSON.stringify(argsOf(text)) !== JSON.stringify([...ISSUE_PARAMS[code]].sort());
    });
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s: every code reads as a sentence of its own language, not the English reason', (locale) => {
    const said = ISSUE_CODES.map((code) => {
      const params = Object.fromEntries(ISSUE_PARAMS[code].map((name) => [name, SAMPLE[name] ?? 5]));
      return issueText({ field: 'x', reason: 'ENGLISH', code, params }, locale);
    });
    // A param left unfilled leaves its {braces} in the text.
    expect(said.filter((s) => s === 'ENGLISH' || s.trim() === '' || /[{}]/.test(s))).toEqual([]);
  });
});

describe('the refusals coded for issue 14 (scan, imports, workflow, Host and Origin), said in Russian', () => {
  const ru = (code: ApiIssue['code'], params: ApiIssue['params']) =>
    issueText({ field: 'x', reason: 'EN', code, params }, 'ru');

  it('each new code renders with every value it is given', () => {
    // Params whose value picks a branch (select) rather than appearing in the text; the others are distinct numbers.
    const SELECTS = new Set(['bin', 'phase', 'status', 'verb', 'what']);
    const NEW: IssueCode[] = [
      'out_of_range',
      'too_few_letters',
      'invalid_bbox',
      'invalid_period',
      'from_and_to',
      'no_route',
    ];
    NEW.push('host_refused', 'cross_site', 'confirm_recorded', 'trend_too_short', 'emerging_too_short');
    NEW.push('scan_too_large', 'resolution_too_fine', 'post_repeated', 'inspector_has_post', 'mahalla_assigned_twice');
    NEW.push('post_unknown', 'order_after_effective', 'version_other_district', 'submit_not_draft', 'already_draft');
    NEW.push('stays_on_record', 'approve_draft', 'already_approved', 'approver_only', 'file_unreadable');
    NEW.push('wrong_extension', 'boundary_only', 'records_only', 'not_a_table', 'mapping_unknown_column');
    NEW.push('mapping_no_codes', 'mapping_unknown_code', 'mapping_field_missing', 'columns_missing');
    NEW.push('import_run_missing', 'import_file_missing');
    const wrong = NEW.flatMap((code) => {
      const params = Object.fromEntries(
        ISSUE_PARAMS[code].map((name, k) => [name, SELECTS.has(name) ? 'other' : 71 + 2 * k]),
      );
      const text = ru(code, params);
      const lost = Object.entries(params).filter(([name, v]) => !SELECTS.has(name) && !text.includes(String(v)));
      return /[a-z]{4}/i.test(text.replace(/Hamkor|HAMKOR_HOSTS/g, '')) || lost.length > 0 ? [[code, text]] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('says a scan, a trend and a plan’s confirmation with Russian plurals', () => {
    expect(ru('trend_too_short', { bin: 'month', min: 4, bins: 2 })).toBe(
      'для тренда нужно не менее 4 месяцев, а в этом периоде их 2',
    );
    expect(ru('trend_too_short', { bin: 'week', min: 1, bins: 0 })).toBe(
      'для тренда нужно не менее 1 недели, а в этом периоде их 0',
    );
    expect(ru('scan_too_large', { share: 0.5, mahallas: 22 })).toMatch(/по 22 махаллям; укажите меньшую долю$/);
    expect(ru('confirm_recorded', { name: 'Март', recorded: 3, verb: 'delete' })).toBe(
      'к плану «Март» засчитано 3 совместных мероприятия; подтвердите, чтобы сохранить его текущее состояние в архиве и удалить его',
    );
  });

  it('says a workflow step refused, the Host check and a mapping that cannot work', () => {
    expect(ru('stays_on_record', { number: 2, phase: 'in_force', date: '2026-01-01' })).toMatch(
      /^версия 2 действует с 2026-01-01; она остаётся в учёте/,
    );
    expect(ru('submit_not_draft', { number: 3, status: 'submitted' })).toBe(
      'версия 3 уже направлена на утверждение; на утверждение направляется только проект',
    );
    expect(ru('host_refused', { host: 'evil.example' })).toMatch(/^сервер не отвечает на имя «evil\.example»/);
    expect(ru('columns_missing', { columns: 'ts', headers: 'Номер, Вид' })).toBe(
      'не хватает столбцов: ts. Столбцы файла: Номер, Вид. Выберите столбец файла для каждого.',
    );
  });
});

describe('issueText', () => {
  const tooLong: ApiIssue = {
    field: 'name',
    reason: 'must be at most 120 characters',
    code: 'too_long',
    params: { max: 120 },
  };

  it('says a limit with the plural of each language', () => {
    expect(issueText(tooLong, 'ru')).toBe('должно содержать не более 120 символов');
    expect(issueText(tooLong, 'uz-Latn')).toBe('koʻpi bilan 120 ta belgi boʻlishi mumkin');
    expect(issueText(tooLong, 'en')).toBe('must be at most 120 characters');
    const wait = (seconds: number) =>
      issueText({ field: 'username', reason: '…', code: 'signin_throttled', params: { seconds } }, 'ru');
    expect([1, 3, 5].map((s) => wait(s).replace(/^.*через /, ''))).toEqual(['1 секунду', '3 секунды', '5 секунд']);
  });

  it('names what was not found in the language chosen', () => {
    const none: ApiIssue = { field: 'id', reason: 'no plan has this id', code: 'not_found', params: { what: 'plan' } };
    expect(issueText(none, 'uz-Cyrl')).toBe('бундай режа йўқ');
    expect(issueText(none, 'ru')).toBe('такого плана нет');
  });

  it('shows a role by its label', () => {
    const i: ApiIssue = {
      field: 'district',
      reason: '…',
      code: 'role_field_required',
      params: { role: 'district_head' },
    };
    expect(issueText(i, 'ru')).toBe('обязательно для роли «Начальник РОВД»');
  });

  it('falls back to the English reason for a code it does not know, or none', () => {
    const future = { field: 'x', reason: 'a reason from a newer server', code: 'brand_new' } as unknown as ApiIssue;
    expect(issueText(future, 'ru')).toBe('a reason from a newer server');
    expect(issueText({ field: 'x', reason: 'no code here' }, 'uz-Latn')).toBe('no code here');
  });
});

describe('errorText', () => {
  it('joins the issues of a refusal in the reader’s language; a network failure keeps its own words', () => {
    const body = {
      error: 'unauthenticated',
      issues: [{ field: 'password', reason: 'wrong user name or password', code: 'signin_failed' }],
    };
    const refused = new ApiError(401, '401 password: wrong user name or password', body);
    expect(errorText(refused, 'ru')).toBe('неверное имя пользователя или пароль');
    expect(errorText(refused, 'uz-Latn')).toBe('foydalanuvchi nomi yoki parol notoʻgʻri');
    expect(errorText(new TypeError('Failed to fetch'), 'ru')).toBe('Failed to fetch');
  });
});

describe('zodIssueText: the web’s own forms say the contract’s rules in the reader’s language', () => {
  const plan = {
    name: 'x'.repeat(121),
    district: '1726294',
    from: '2026-03-31',
    to: '2026-03-01',
    items: [],
  };
  const parsed = PlanBody.safeParse(plan);

  it('names each broken rule of a plan in Russian', () => {
    expect(parsed.success).toBe(false);
    const said = (parsed.error?.issues ?? []).map((i) => [i.path.join('.'), zodIssueText(i, plan, 'ru')]);
    expect(said).toEqual(
      expect.arrayContaining([
        ['name', 'должно содержать не более 120 символов'],
        ['items', 'нужно не менее 1 пункта'],
      ]),
    );
  });

  it('tells a missing value from a wrong one', () => {
    const missing = PlanBody.safeParse({ ...plan, name: undefined });
    const issue = missing.error?.issues.find((i) => i.path[0] === 'name');
    expect(issue && zodIssueText(issue, { ...plan, name: undefined }, 'en')).toBe('is required');
  });

  it('says "more than 0" for a positive id, not "at least 0"', () => {
    const item = { inspector: 0, service: 'criminal_investigation', type: 'joint_raid', required: 1 };
    const one = { ...plan, from: '2026-03-01', to: '2026-03-31', name: 'P', items: [item] };
    const issue = PlanBody.safeParse(one).error?.issues.find((i) => i.path.join('.') === 'items.0.inspector');
    expect(issue && zodIssueText(issue, one, 'ru')).toBe('должно быть больше 0');
  });
});
