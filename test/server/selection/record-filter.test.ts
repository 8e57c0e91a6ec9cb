// The category/status predicate: bit masks in catalog (= ENUM) order, and no predicate when everything is selected.
import { describe, expect, it } from 'vitest';
import { incidentFilter, mask } from '../../../server/selection/record-filter.ts';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '../../../server/contract/catalog.ts';

describe('incident filter', () => {
  it('sets one bit per selected code, in vocabulary order', () => {
    expect(mask(['person'], INCIDENT_CATEGORIES)).toBe(1);
    expect(mask(['property', 'missing_person'], INCIDENT_CATEGORIES)).toBe(2 + 2 ** 11);
    expect(mask([], INCIDENT_STATUSES)).toBe(0);
  });

  it('leaves the predicate out when every category and status is selected', () => {
    expect(incidentFilter({ categories: [...INCIDENT_CATEGORIES], statuses: [...INCIDENT_STATUSES] })).toEqual({
      sql: 'TRUE',
      params: {},
    });
  });

  it('filters only what is narrowed, with values as parameters', () => {
    const f = incidentFilter({ categories: ['fraud'], statuses: [...INCIDENT_STATUSES] });
    expect(f.params).toEqual({ categoryMask: 4 });
    expect(f.sql).toContain('$categoryMask');
    expect(f.sql).not.toContain('status');
    expect(incidentFilter({ categories: [...INCIDENT_CATEGORIES], statuses: ['solved'] }).params).toEqual({
      statusMask: 2,
    });
  });
});
