// The scan's Monte Carlo loop: the largest LLR of each dataset drawn under constant risk, for the p-values.
import { Rng } from '../shared/random.ts';
import { llrThresholds, type LlrTerms, type ScanRate } from './scan-llr.ts';
import { multinomialInto, multinomialPrep } from './scan-null.ts';
import type { ScanWindows } from './scan-windows.ts';

/**
 * Draws walked at once: their counts sit side by side per unit, so each window entry (member, thresholds) is read
 * once per batch instead of once per draw.
 */
const BATCH = 32;

/**
 * The largest LLR of each of `draws` datasets of N records spread over the units by residents (seeded), where it
 * reaches `floor`; 0 where it does not (no p-value needs it: `floor` is the weakest cluster reported). Cumulative sums
 * along each centre's sorted list, a log only where a count crosses its threshold, no allocation in the loop.
 * @example nullMaxima(w, llrTerms(w, 258, P), pop, 'high', 4.2, 999, 1) // Float64Array(999), in draw order
 */
export function nullMaxima(
  w: ScanWindows,
  t: LlrTerms,
  pop: Float64Array,
  rate: ScanRate,
  floor: number,
  draws: number,
  seed: number,
): Float64Array {
  const out = new Float64Array(draws);
  if (!(floor > 0)) return out;
  const { up, down } = llrThresholds(t, rate, floor);
  const { offsets, members } = w;
  const { g, f, d } = t;
  const prep = multinomialPrep(t.records, pop);
  const rng = new Rng(seed);
  const one = new Int32Array(w.n);
  const sim = new Int32Array(w.n * BATCH);
  const sums = new Int32Array(BATCH);
  const best = new Float64Array(BATCH);
  for (let first = 0; first < draws; first += BATCH) {
    const b = Math.min(BATCH, draws - first);
    for (let r = 0; r < b; r++) {
      multinomialInto(one, prep, rng);
      for (let u = 0; u < w.n; u++) sim[u * BATCH + r] = one[u]!;
    }
    best.fill(0);
    for (let c = 0; c < w.n; c++) {
      sums.fill(0);
      const end = offsets[c + 1]!;
      for (let k = offsets[c]!; k < end; k++) {
        const base = members[k]! * BATCH;
        const hi = up[k]!,
          lo = down[k]!;
        for (let r = 0; r < b; r++) {
          const s = sums[r]! + sim[base + r]!;
          sums[r] = s;
          if (s >= hi || s <= lo) {
            const v = g[s]! - f[k]! - s * d[k]!;
            if (v > best[r]!) best[r] = v;
          }
        }
      }
    }
    out.set(best.subarray(0, b), first);
  }
  return out;
}
