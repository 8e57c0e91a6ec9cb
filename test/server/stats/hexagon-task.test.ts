// The hexagon task's pieces: counts placed on the study area's cells by a merge, an area the thread does not hold
// reported as missing (the caller keeps it again), and the buffers of nested columns moved back, not copied.
import { describe, expect, it } from 'vitest';
import { hexagonColumns, keepStudyArea, placeCounts } from '../../../server/stats/hexagon-task.ts';
import { transferables } from '../../../server/stats/tasks.ts';

describe('placeCounts', () => {
  it('puts each counted key on its cell and lists the keys the area lacks', () => {
    const out = placeCounts(new Float64Array([1, 3, 5]), {
      key: new Float64Array([0, 3, 5, 6]),
      n: new Float64Array([7, 2, 4, 9]),
    });
    expect([...out.x]).toEqual([0, 2, 4]);
    expect(out.outside).toEqual([0, 6]);
  });
});

describe('hexagonColumns', () => {
  const none = { key: new Float64Array(), n: new Float64Array(), outline: null, own: null };

  it('reports an area this thread does not hold as missing', () => {
    expect(hexagonColumns('never kept', none, { fdr: true })).toEqual({ missing: true });
  });

  it('keeps an area under its key: empty counts give no cells, every cell counted as returned', () => {
    const kept = keepStudyArea('test|0|7', {
      res: 7,
      base: { keys: new Float64Array(), residents: new Float64Array() },
      used: new Float64Array(),
    });
    expect(kept.keys.length).toBe(0);
    const r = hexagonColumns('test|0|7', none, { fdr: true });
    expect(r.missing).toBe(false);
    if (!r.missing) expect([r.columns.count.length, r.tally.units, r.tally.records]).toEqual([0, 0, 0]);
  });
});

describe('transferables', () => {
  it('finds the buffers of typed arrays one object down, each once', () => {
    const count = new Uint32Array(2);
    const found = transferables({ columns: { count, again: count, z: new Float32Array(1) }, n: 3 });
    expect(found).toHaveLength(2);
    expect(found).toContain(count.buffer);
  });
});
