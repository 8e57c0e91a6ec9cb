// The inspector table's sort clicks: the same column flips, a new one starts where it is most telling.
import { describe, expect, it } from 'vitest';
import { nextSort } from '../../web/views/coverage/table.ts';

describe('nextSort', () => {
  it('flips the direction of the column already sorted by', () => {
    expect(nextSort({ key: 'residents', dir: 'desc' }, 'residents')).toEqual({ key: 'residents', dir: 'asc' });
    expect(nextSort({ key: 'residents', dir: 'asc' }, 'residents')).toEqual({ key: 'residents', dir: 'desc' });
  });

  it('starts names A→Z and figures largest first', () => {
    expect(nextSort({ key: 'flags', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'areaKm2')).toEqual({ key: 'areaKm2', dir: 'desc' });
  });
});
