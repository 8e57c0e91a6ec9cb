// Shared assertions for the statistics suites: closeness to golden values, absolute or relative.
import { expect } from 'vitest';

/** |actual − expected| ≤ tol (absolute), with a message naming the index when comparing arrays. */
export function expectClose(actual: number | undefined, expected: number, tol = 1e-9, what = ''): void {
  expect(actual, what).toBeDefined();
  expect(Math.abs(actual! - expected), `${what} ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** |actual / expected − 1| ≤ tol: for values spanning many orders of magnitude (tail probabilities). */
export function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** Element-wise expectClose over a typed array and plain expected values. */
export function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i]!, tol, `[${i}]`);
}
