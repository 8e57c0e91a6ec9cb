// The briefing contract's pure parts: period specs and playlist validation (shared by the server and the editor).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYLIST, PlaylistInput, resolvePeriod } from '../../server/contract/playlists.ts';

describe('resolvePeriod', () => {
  it.each([
    ['7d', { from: '2026-10-25', to: '2026-10-31' }],
    ['1d', { from: '2026-10-31', to: '2026-10-31' }],
    ['4w', { from: '2026-10-04', to: '2026-10-31' }],
    ['366d', { from: '2025-10-31', to: '2026-10-31' }],
    ['2026-10-01..2026-10-15', { from: '2026-10-01', to: '2026-10-15' }],
    ['2024-02-29..2024-02-29', { from: '2024-02-29', to: '2024-02-29' }],
  ])('%s ending 2026-10-31', (spec, expected) => {
    expect(resolvePeriod(spec, '2026-10-31')).toEqual(expected);
  });

  it('counts back across a month and a leap day', () => {
    expect(resolvePeriod('3d', '2024-03-01')).toEqual({ from: '2024-02-28', to: '2024-03-01' });
  });

  it.each([
    '',
    '0d',
    '367d',
    '53w',
    '7',
    'd7',
    '7days',
    'week',
    '2026-10-31..2026-10-01',
    '2026-02-30..2026-03-01',
    '2024-01-01..2025-06-01',
    '2026-10-01..',
    ' 7d',
  ])('rejects %j', (spec) => {
    expect(resolvePeriod(spec, '2026-10-31')).toBeNull();
  });
});

describe('PlaylistInput', () => {
  it('accepts the default playlist unchanged', () => {
    expect(PlaylistInput.parse(DEFAULT_PLAYLIST)).toEqual(DEFAULT_PLAYLIST);
  });

  it('trims names and captions', () => {
    const p = PlaylistInput.parse({
      name: '  Wall  ',
      slides: [{ kind: 'title', dwellS: 5, caption: ' Good morning ' }],
    });
    expect([p.name, p.slides[0]?.caption]).toEqual(['Wall', 'Good morning']);
  });

  it('names the slide and field of a bad dwell time', () => {
    const r = PlaylistInput.safeParse({
      name: 'x',
      slides: [
        { kind: 'title', dwellS: 5 },
        { kind: 'hotspots', dwellS: 2 },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['slides.1.dwellS', 'must be at least 3 s'],
    ]);
  });
});
