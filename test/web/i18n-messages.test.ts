// The message files: every id in every language, every ICU message parses with the same arguments as the English
// source, Uzbek Latin uses its proper letter signs, Uzbek Cyrillic has no Latin left, and plurals follow each language.
import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { args } from './icu-args.ts';
import { MESSAGES } from '../../web/i18n/messages.ts';
import { LOCALES } from '../../web/i18n/locales.ts';
import { translator } from '../../web/i18n/translate.ts';
import { latinToCyrillic } from '../../server/shared/uz-names.ts';

const en = MESSAGES.en;
const ids = Object.keys(en).sort();

describe('message files', () => {
  it.each(LOCALES)('%s has exactly the English ids', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(ids);
  });

  it.each(LOCALES)('%s: every message parses, with the arguments of the English one', (locale) => {
    const wrong = ids.filter((id) => {
      const text = MESSAGES[locale][id] ?? '';
      const want = [...args(parse(en[id] ?? ''))].sort();
      return text.trim() === '' || JSON.stringify([...args(parse(text))].sort()) !== JSON.stringify(want);
    });
    expect(wrong).toEqual([]);
  });

  it('Uzbek Latin writes oʻ/gʻ with U+02BB and the tutuq belgisi with U+02BC, never a quote mark', () => {
    const bad = Object.entries(MESSAGES['uz-Latn']).filter(([, text]) => /['‘’`]/.test(text));
    expect(bad).toEqual([]);
  });

  it('Uzbek Cyrillic has no Latin word left but file formats and product names', () => {
    const left = Object.entries(MESSAGES['uz-Cyrl']).filter(([, text]) =>
      /[a-z]/i.test(
        text
          .replace(/\{\w+\}/g, '') // plain arguments
          .replace(/\{\w+,\s*(plural|select),/g, '') // plural and select heads
          .replace(/=?\w+\s*\{/g, '{') // their keywords (one, other, applications …)
          // file formats, standards and dotted action codes the import and audit pages name as they are written
          .replace(
            /\b(UTC|JSON|GeoJSON|EPSG|KML|KMZ|Shapefile|Parquet|Excel|UTF|Windows|BOM|SHA|zip|prj|xlsx|IP)\b/g,
            '',
          )
          .replace(/\b[a-z_]+\.[a-z_]*/g, '')
          .replace(/\b(README|CSV|XLSX|PDF|PNG|H3|Hamkor|OpenStreetMap|FDR|Gi\*)\b/g, '')
          .replace(/\bCtrl\+[A-Z]\b/g, '') // keyboard keys are labelled in Latin
          .replace(/\b[A-Z](?= —)/g, '') // as is a single key before what it does ("F — бутун экран")
          .replace(/\(\/[a-z-]+\)/g, '') // and a page's path is typed as it is ("(/briefing)")
          .replace(/(^|[\s(])p(?=\s*[=<)])/g, '$1'), // the p-value is written p in every script, as statistics does
      ),
    );
    expect(left).toEqual([]);
  });

  it.each(LOCALES)(
    '%s: legends and test sentences never break "p < 0,05", "10 %" or "≈ 36 km²" across lines',
    (locale) => {
      // A breakable space there left "p" at the end of a legend's line and "< 0,05" on the next.
      const broken = Object.entries(MESSAGES[locale]).filter(
        ([id, text]) =>
          /^(mv|inf|hex|scan|hotspots\.change|legend|emerging)\./.test(id) && /\bp [<=≤>{]|[\d}] %|≈ /.test(text),
      );
      expect(broken).toEqual([]);
    },
  );
});

describe('terms', () => {
  // One word per thing, as the glossary (../shared/GLOSSARY.md) and the rest of each file use it: an incident is a
  // происшествие in Russian and a hodisa / ҳодиса in Uzbek, never the loanword a translator reaches for first; a cold
  // spot is a спокойная зона and a tinch hudud / тинч ҳудуд (the glossary has no entry: the term most of each file used).
  it.each([
    ['ru', /инцидент/i],
    ['uz-Latn', /insident/i],
    ['uz-Cyrl', /инцидент/i],
    ['ru', /холодн/i],
    ['uz-Latn', /osoyishta/i],
    ['uz-Cyrl', /осойишта/i],
  ] as const)('%s never says %s', (locale, rejected) => {
    const said = Object.entries(MESSAGES[locale]).filter(([, text]) => rejected.test(text));
    expect(said).toEqual([]);
  });
});

describe('plurals', () => {
  it('Russian has three forms, English two, Uzbek none after a number', () => {
    const ru = translator('ru');
    expect([1, 2, 5, 21].map((count) => ru('header.inspectors', { count, n: count }))).toEqual([
      '1 инспектор',
      '2 инспектора',
      '5 инспекторов',
      '21 инспектор',
    ]);
    expect(translator('en')('header.inspectors', { count: 1, n: 1 })).toBe('1 inspector');
    expect(translator('uz-Latn')('header.inspectors', { count: 5, n: 5 })).toBe('5 ta inspektor');
  });
});

describe('latinToCyrillic', () => {
  it.each([
    ['Yoʻl harakati xavfsizligi', 'Йўл ҳаракати хавфсизлиги'],
    ['maʼlumot eksport', 'маълумот экспорт'],
    ['migratsiya va fuqarolikni rasmiylashtirish', 'миграция ва фуқароликни расмийлаштириш'],
    ["jinoyatchilik o'chog'i", 'жиноятчилик ўчоғи'],
    ['voyaga yetmaganlar ishlari', 'вояга етмаганлар ишлари'],
    ['mahalla fuqarolar yigʻini (MFY)', 'маҳалла фуқаролар йиғини (МФЙ)'],
    ['Shahar', 'Шаҳар'],
  ])('%s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });
});
