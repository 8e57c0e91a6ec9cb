// Where a page's data comes from: each kind imported (file, when, how old) or generated, and the demo label kept
// until everything the page shows is imported. Golden cases written by hand.
import { describe, expect, it } from 'vitest';
import { ageWords, dataFrom, sourcesLine } from '../../web/views/import/provenance.ts';
import { translator } from '../../web/i18n/translate.ts';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const GENERATED = { synthetic: true, mahallaSource: 'synthetic', builtAt: '2026-11-01T08:00:00Z', imports: [] };
const imported = (kind: string, at: string) => ({
  kind,
  file: `${kind}.csv`,
  sha256: 'ab',
  importedAt: at,
  records: 5,
});

describe('dataFrom', () => {
  it('a generated database: everything is demo', () => {
    const d = dataFrom(GENERATED, ['incidents'], NOW);
    expect(d.demo).toBe(true);
    expect(sourcesLine(d)).toBe('boundaries: demo (generated) · incidents: demo (generated)');
  });

  it('the credits line under the map opens with "Data sources" in each language', () => {
    const d = dataFrom(GENERATED, ['incidents'], NOW);
    const line = (l: 'en' | 'ru' | 'uz-Latn' | 'uz-Cyrl') =>
      translator(l)('import.badge.from', { sources: sourcesLine(d, translator(l)) });
    expect(line('en')).toBe('Data sources: boundaries: demo (generated) · incidents: demo (generated)');
    expect(line('ru')).toMatch(/^Источники данных: границы: демо/);
    expect(line('uz-Latn')).toMatch(/^Maʼlumotlar manbalari: /);
    expect(line('uz-Cyrl')).toMatch(/^Маълумотлар манбалари: /);
  });

  it('imported incidents on generated boundaries: still demo, naming what is imported and how old', () => {
    const d = dataFrom(
      { ...GENERATED, imports: [imported('incidents', '2026-11-29 09:30:00.25')] },
      ['incidents'],
      NOW,
    );
    expect(d.demo).toBe(true);
    expect(d.sources[1]).toEqual({ what: 'incidents', file: 'incidents.csv', at: '2026-11-29 09:30', ageDays: 3 });
  });

  it('imported boundaries and every kind shown: not demo; kinds the page does not show do not count', () => {
    const meta = {
      synthetic: false,
      mahallaSource: 'mahallas.geojson',
      builtAt: '2026-12-02T10:00:00Z',
      imports: [imported('applications', '2026-12-01 23:00:00')],
    };
    expect(dataFrom(meta, ['applications'], NOW).demo).toBe(false);
    expect(dataFrom(meta, ['applications', 'joint_actions'], NOW).demo).toBe(true);
    expect(sourcesLine(dataFrom(meta, ['applications'], NOW))).toBe(
      'boundaries: mahallas.geojson, imported 2026-12-02 10:00 (today) · applications: applications.csv, imported 2026-12-01 23:00 (today)',
    );
  });

  it('ages in words', () => {
    expect([0, 1, 6, null].map((d) => ageWords(d))).toEqual(['today', 'yesterday', '6 days ago', '']);
  });
});
