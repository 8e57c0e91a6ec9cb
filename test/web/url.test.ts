// URL <-> state: links reopen the same screen; malformed parameters fall back instead of breaking the page.
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrl, serializeUrl, type UrlState } from '../../web/state/url.ts';
import { DEFAULT_WEIGHTS } from '../../server/shared/planner/workload.ts';

describe('url state', () => {
  it('round-trips a full state', () => {
    const s: UrlState = {
      from: '2026-08-03',
      to: '2026-10-31',
      categories: ['property', 'fraud'],
      statuses: ['solved'],
      metric: 'hotspot',
      fdr: false,
      compare: 'year',
      layers: ['heat'],
      district: '1726294',
      selected: 123,
      view: { lon: 69.2401, lat: 41.3111, zoom: 11.25 },
      at: '2026-09-07',
      source: 'applications',
      scan: 'emerging',
      registries: ['form1'],
      receivers: ['duty_unit', 'service'],
      hexRes: 7,
      inspector: 412,
      norms: { normResidents: 20_000, normIncidents: 80, normDistanceKm: 4.5 },
      overloadedOnly: true,
      inspectorSort: { key: 'residents', dir: 'asc' },
      applMeasure: 'overdue',
      plan: 7,
      planTab: 'items',
      coopTab: 'before-after',
      gapDays: 60,
      adminTab: 'kiosk',
      territoryVersion: 12,
      diffBefore: 3,
      diffAfter: 7,
      weights: { ...DEFAULT_WEIGHTS, residents: 0.5, distanceKm: 0.05, categories: { drugs: 2 } },
      legends: { cooperation: false, plans: true },
      lang: 'uz-Cyrl',
    };
    expect(parseUrl(serializeUrl(s))).toEqual(s);
  });

  it('carries the language only when one was chosen, and drops an unknown one', () => {
    expect(parseUrl('lang=ru').lang).toBe('ru');
    expect(parseUrl('lang=de').lang).toBeNull();
    expect(serializeUrl({ ...DEFAULT_URL_STATE, lang: 'uz-Latn' })).toBe('lang=uz-Latn');
  });

  it('keeps a legend folded or opened by hand per page, and drops unknown pages and values', () => {
    expect(serializeUrl({ ...DEFAULT_URL_STATE, legends: { plans: true, cooperation: false } })).toBe(
      'lg=cooperation%3A0%2Cplans%3A1',
    );
    expect(parseUrl('lg=plans:1,atlas:0,map:2,coverage:0').legends).toEqual({ plans: true, coverage: false });
    expect(parseUrl('lg=').legends).toEqual({});
  });

  it('writes nothing for the default state', () => {
    expect(serializeUrl(DEFAULT_URL_STATE)).toBe('');
    expect(parseUrl('')).toEqual(DEFAULT_URL_STATE);
  });

  it('keeps vocabulary order and drops unknown codes', () => {
    expect(parseUrl('?cat=fraud,bogus,property').categories).toEqual(['property', 'fraud']);
  });

  it('falls back on malformed values', () => {
    const s = parseUrl('?from=yesterday&metric=rainbow&d=12&m=-4&v=500,1,2&cat=nothing&at=soon');
    expect(s.at).toBeNull();
    expect(s.from).toBeNull();
    expect(s.metric).toBe('rate');
    expect(s.district).toBeNull();
    expect(s.selected).toBeNull();
    expect(s.view).toBeNull();
    expect(s.categories).toEqual(DEFAULT_URL_STATE.categories);
  });

  it('distinguishes "no layers" from "default layers"', () => {
    expect(parseUrl('?layers=').layers).toEqual([]);
    expect(serializeUrl({ ...DEFAULT_URL_STATE, layers: [] })).toBe('layers=');
  });

  it('writes page state, omitting defaults', () => {
    const s: UrlState = {
      ...DEFAULT_URL_STATE,
      inspector: 412,
      norms: { ...DEFAULT_URL_STATE.norms, normDistanceKm: 4.5 },
      overloadedOnly: true,
      inspectorSort: { key: 'residents', dir: 'desc' },
      applMeasure: 'open',
      plan: 7,
      planTab: 'service',
      coopTab: 'gaps',
      gapDays: 14,
      adminTab: 'audit',
    };
    expect(serializeUrl(s)).toBe(
      'i=412&normDistanceKm=4.5&over=1&sort=-residents&am=open&plan=7&ptab=service&ctab=gaps&gap=14&atab=audit',
    );
  });

  it('round-trips each sort direction, the default one omitted', () => {
    for (const sort of [
      { key: 'name', dir: 'asc' },
      { key: 'name', dir: 'desc' },
      { key: 'flags', dir: 'asc' },
    ] as const) {
      expect(parseUrl(serializeUrl({ ...DEFAULT_URL_STATE, inspectorSort: sort })).inspectorSort).toEqual(sort);
    }
    expect(serializeUrl({ ...DEFAULT_URL_STATE, inspectorSort: { key: 'flags', dir: 'desc' } })).toBe('');
  });

  it('falls back on malformed page state, field by field', () => {
    const s = parseUrl('?i=0&plan=abc&over=yes&sort=--name&am=pending&ptab=map&ctab=nope&gap=45&atab=users');
    const d = DEFAULT_URL_STATE;
    expect(s.inspector).toBeNull();
    expect(s.plan).toBeNull();
    expect(s.overloadedOnly).toBe(false);
    expect(s.inspectorSort).toEqual(d.inspectorSort);
    expect(s.applMeasure).toBe(d.applMeasure);
    expect(s.planTab).toBe(d.planTab);
    expect(s.coopTab).toBe(d.coopTab);
    expect(s.gapDays).toBe(d.gapDays);
    expect(s.adminTab).toBe(d.adminTab);
    expect(parseUrl('?i=1.5&plan=-3').inspector).toBeNull();
    expect(parseUrl('?sort=bogus').inspectorSort).toEqual(d.inspectorSort);
  });

  it('keeps each valid norm and drops one out of range or malformed, as the server would reject it', () => {
    // normResidents above 1,000,000; normIncidents with three decimals; normDistanceKm fine
    expect(parseUrl('?normResidents=2000000&normIncidents=12.345&normDistanceKm=0.5').norms).toEqual({
      ...DEFAULT_URL_STATE.norms,
      normDistanceKm: 0.5,
    });
    expect(parseUrl('?normResidents=1e4&normIncidents=0&normDistanceKm=0.05').norms).toEqual(DEFAULT_URL_STATE.norms);
  });
});
