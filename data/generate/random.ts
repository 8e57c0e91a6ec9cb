// The generator's seeded randomness lives in server/shared/random.ts (the planner in the browser draws from it too).
export { Rng, cumulative } from '../../server/shared/random.ts';
