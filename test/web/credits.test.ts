// The credits line of maps, prints and exports: the server's sources (names and licences as written) in the words of
// each language (issue 14: "Boundaries:" was a fixed English string).
import { describe, expect, it } from 'vitest';
import { creditsLine } from '../../web/i18n/credits.ts';
import { translator } from '../../web/i18n/translate.ts';
import { CREDITS } from '../../server/services/meta.ts';

describe('creditsLine', () => {
  it.each([
    ['en', 'Boundaries: © OpenStreetMap contributors (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)'],
    ['ru', 'Границы: © участники OpenStreetMap (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)'],
    ['uz-Latn', 'Chegaralar: © OpenStreetMap ishtirokchilari (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)'],
    ['uz-Cyrl', 'Чегаралар: © OpenStreetMap иштирокчилари (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)'],
  ] as const)('%s', (locale, line) => {
    expect(creditsLine(CREDITS, translator(locale))).toBe(line);
  });
});
