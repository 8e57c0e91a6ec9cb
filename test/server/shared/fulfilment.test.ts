// Fulfilment arithmetic of plans: the schedule at a reference day, expected counts, item states and aggregates.
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  expectedByNow,
  itemProgress,
  itemState,
  quarters,
  schedule,
} from '../../../server/shared/fulfilment.ts';

const Q4 = { from: '2026-10-01', to: '2026-12-31' };

describe('schedule', () => {
  it('counts the plan days before the reference day', () => {
    expect(schedule(Q4, '2026-11-01')).toEqual({ elapsed: 31, total: 92, ended: false });
    expect(schedule(Q4, '2026-10-01')).toEqual({ elapsed: 0, total: 92, ended: false });
  });

  it('clamps before the start and after the end; the period ends the day after its last day', () => {
    expect(schedule(Q4, '2026-06-01')).toEqual({ elapsed: 0, total: 92, ended: false });
    expect(schedule(Q4, '2026-12-31')).toEqual({ elapsed: 91, total: 92, ended: false });
    expect(schedule(Q4, '2027-01-01')).toEqual({ elapsed: 92, total: 92, ended: true });
    expect(schedule(Q4, '2030-01-01')).toEqual({ elapsed: 92, total: 92, ended: true });
  });
});

describe('itemState', () => {
  const half = { elapsed: 46, total: 92, ended: false };

  it('is done at the required count, early or late', () => {
    expect(itemState(4, 4, half)).toBe('done');
    expect(itemState(4, 9, { elapsed: 92, total: 92, ended: true })).toBe('done');
  });

  it('is overdue once the period has ended short of it', () => {
    expect(itemState(4, 3, { elapsed: 92, total: 92, ended: true })).toBe('overdue');
  });

  it('is behind below the pro-rata count by more than 20 % of it and more than one action', () => {
    // required 20, half-way: expected 10, tolerance max(1, 2) = 2 → behind below 8
    expect(expectedByNow(20, half)).toBe(10);
    expect(itemState(20, 8, half)).toBe('on_track');
    expect(itemState(20, 7, half)).toBe('behind');
    // required 4, half-way: expected 2, tolerance max(1, 0.4) = 1 → behind below 1
    expect(itemState(4, 1, half)).toBe('on_track');
    expect(itemState(4, 0, half)).toBe('behind');
  });

  it('is on track before the period starts', () => {
    expect(itemState(50, 0, { elapsed: 0, total: 92, ended: false })).toBe('on_track');
  });
});

describe('itemProgress and aggregate', () => {
  it('reports % done and the expected count to one decimal', () => {
    expect(itemProgress(3, 1, { elapsed: 30, total: 61, ended: false })).toEqual({
      required: 3,
      done: 1,
      pct: 33.3,
      state: 'on_track',
      expected: 1.5,
    });
    expect(itemProgress(2, 5, { elapsed: 30, total: 61, ended: false }).pct).toBe(250);
  });

  it('caps each item at its requirement and takes the worst state', () => {
    expect(
      aggregate([
        { required: 2, done: 5, state: 'done' },
        { required: 2, done: 0, state: 'behind' },
      ]),
    ).toEqual({ required: 4, done: 2, pct: 50, state: 'behind' });
    expect(
      aggregate([
        { required: 3, done: 1, state: 'on_track' },
        { required: 1, done: 0, state: 'overdue' },
        { required: 1, done: 1, state: 'done' },
      ]).state,
    ).toBe('overdue');
  });
});

describe('quarters', () => {
  it('finds the calendar quarter of a day and the one before, across a year boundary', () => {
    expect(quarters('2026-10-31')).toEqual({
      current: { from: '2026-10-01', to: '2026-12-31' },
      previous: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(quarters('2026-02-28')).toEqual({
      current: { from: '2026-01-01', to: '2026-03-31' },
      previous: { from: '2025-10-01', to: '2025-12-31' },
    });
  });
});
