// Text builders of the coverage, cooperation, applications, administration and import pages in another language than
// English: each takes the language's message function, and Russian plurals take their three forms. Golden strings
// written by hand from the message files.
import { describe, expect, it } from 'vitest';
import { translator } from '../../web/i18n/translate.ts';
import { formatters } from '../../web/format.ts';
import { NORM_DEFAULTS } from '../../server/contract/coverage.ts';
import { flagReason, rankLabel } from '../../web/views/coverage/labels.ts';
import { beforeAfterSentence, signed } from '../../web/views/cooperation/BeforeAfterTable.tsx';
import { actionTypeLabel, pct, serviceLabel, serviceShort } from '../../web/views/cooperation/services.ts';
import { labelOf } from '../../web/views/applications/labels.ts';
import { areaLabel } from '../../web/views/admin/accounts.ts';
import { ageWords, dataFrom, sourcesLine } from '../../web/views/import/provenance.ts';
import { codeLabel, fieldLabel } from '../../web/views/import/labels.ts';
import { changed } from '../../web/views/import/Success.tsx';
import type { Job } from '../../web/queries/imports.ts';

const ru = translator('ru');
const cyr = translator('uz-Cyrl');
const en = translator('en');

describe('coverage', () => {
  it('ranks in the language, unknown ones as stored', () => {
    expect(rankLabel('Senior lieutenant', ru)).toBe('Старший лейтенант');
    expect(rankLabel('Captain', cyr)).toBe('Капитан');
    expect(rankLabel('Colonel', ru)).toBe('Colonel');
    expect(rankLabel(null, ru)).toBe('');
  });

  it('the reason a territory is over a norm, numbers in the language’s style', () => {
    const f = formatters('ru');
    expect(flagReason({ norm: 'normResidents', value: 16000, limit: 15000 }, NORM_DEFAULTS, 30, ru, f)).toBe(
      '16\u00a0000 жителей, норматив 15\u00a0000',
    );
    expect(flagReason({ norm: 'normDistanceKm', value: 3.24, limit: 2.5 }, NORM_DEFAULTS, 30, ru, f)).toBe(
      'самая дальняя махалля в 3,2 км от опорного пункта, норматив 2,5 км',
    );
    expect(flagReason({ norm: 'normIncidents', value: 70, limit: 60 }, NORM_DEFAULTS, 30, en, formatters('en'))).toBe(
      `70 incidents in 30 days, norm 60 (${NORM_DEFAULTS.normIncidents} per 30 days)`,
    );
  });
});

describe('cooperation', () => {
  const row = { type: 'joint_raid', label: 'Joint raid', actions: 4, excluded: 0, ratio: 0.88, low: 0.7, high: 1.1 };
  type Row = Parameters<typeof beforeAfterSentence>[0];

  it('before/after sentence in Russian: direction, interval and the caution', () => {
    expect(beforeAfterSentence(row as unknown as Row, 28, ru, 'ru')).toBe(
      'Происшествий в махалле за 28 дн. после было на 12 % меньше, чем за 28 дн. до, с учётом тенденции района ' +
        '(95 %-й интервал от −30,0 % до +10,0 %); это не доказывает, что причина — мероприятие. ' +
        'Интервал включает отсутствие разницы.',
    );
    expect(beforeAfterSentence({ ...row, actions: 0 } as unknown as Row, 28, cyr, 'uz-Cyrl')).toBe(
      'Давр мобайнида таққосланадиган тадбирлар йўқ.',
    );
  });

  it('signed changes and shares in each language’s style', () => {
    expect(signed(0.93, 'en')).toBe('−7.0 %');
    expect(signed(1.125, 'ru')).toBe('+12,5 %');
    expect(pct(0.123, 1, 'uz-Cyrl')).toBe('12,3%');
  });

  it('services and kinds of action by the glossary', () => {
    expect(serviceLabel('patrol', ru)).toBe('Патрульно-постовая служба');
    expect(serviceLabel('traffic_safety', cyr)).toBe('Йўл ҳаракати хавфсизлиги');
    expect(serviceShort('juvenile', ru)).toBe('ПДН');
    expect(actionTypeLabel('joint_raid', cyr)).toBe('Биргаликдаги рейд');
    expect(actionTypeLabel('unknown_kind', ru)).toBe('unknown_kind');
  });
});

describe('applications', () => {
  it('codes of the flow, full and short', () => {
    expect(labelOf('service', null, false, ru)).toBe('Оставлено инспектором');
    expect(labelOf('registry', 'form2', true, ru)).toBe('Журнал ф. 2');
    expect(labelOf('registry', 'form1', false, en)).toBe('Form No. 1 book');
    expect(labelOf('channel', 'hotline', false, cyr)).toBe('Ишонч телефони');
    expect(labelOf('applicant', 'legal_entity', false, ru)).toBe('Юридическое лицо');
    expect(labelOf('channel', null, false, ru)).toBe('—');
  });
});

describe('administration', () => {
  it('an account’s area in the language, names in its script', () => {
    const none = { region: null, district: null, inspector: null };
    const districts = [{ soato: '1726294', name: 'Chilonzor tumani' }];
    const toCyr = (n: string): string => (n === 'Chilonzor tumani' ? 'Чилонзор тумани' : n);
    expect(areaLabel(none, districts, new Map(), ru, 'ru')).toBe('Вся страна');
    expect(areaLabel({ ...none, district: '1726294' }, districts, new Map(), cyr, 'uz-Cyrl', toCyr)).toBe(
      'Чилонзор тумани',
    );
    expect(areaLabel({ ...none, district: '1726999' }, districts, new Map(), ru, 'ru')).toBe('Район 1726999');
    expect(areaLabel({ ...none, inspector: 12 }, districts, new Map(), ru, 'ru')).toBe('Инспектор № 12');
  });
});

describe('import', () => {
  it('ages with Russian’s three plural forms', () => {
    expect([0, 1, 2, 5, 21].map((d) => ageWords(d, ru))).toEqual([
      'сегодня',
      'вчера',
      '2 дня назад',
      '5 дней назад',
      '21 день назад',
    ]);
  });

  it('the data-source line in Uzbek Cyrillic', () => {
    const meta = { synthetic: true, mahallaSource: 'synthetic', builtAt: '2026-11-01T08:00:00Z', imports: [] };
    expect(sourcesLine(dataFrom(meta, ['joint_actions']), cyr)).toBe(
      'чегаралар: намуна (сунъий) · биргаликдаги тадбирлар: намуна (сунъий)',
    );
  });

  it('columns and codes as an analyst reads them', () => {
    expect(fieldLabel('mahalla_code', ru)).toBe('Код махалли (если нет точки)');
    expect(fieldLabel('my_column', ru)).toBe('my column');
    expect(codeLabel('category', 'drugs', en)).toBe('Drugs');
    expect(codeLabel('service', 'patrol', ru)).toBe('Патрульно-постовая служба');
    expect(codeLabel('status', 'open', ru)).toBe('Открыто');
  });

  it('what a committed import changed', () => {
    const job = {
      result: { added: 7, updated: 0, unchanged: 2, rejected: 1, boundary: null, districts: null },
    } as unknown as Job;
    expect(changed(job, ru, formatters('ru'))).toBe('добавлено 7, обновлено 0, без изменений 2, пропущено 1');
    expect(changed(job, en, formatters('en'))).toBe('7 added, 0 updated, 2 unchanged, 1 left out');
  });
});
