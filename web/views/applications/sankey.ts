// Layout of the applications flow as a Sankey diagram: stages side by side, nodes stacked by size, bands between
// consecutive stages as wide as their counts. Pure (numbers in, rectangles and paths out), testable without a browser.

export interface SankeyInput {
  /** nodes per stage, in drawing order (largest first): key = code (null → 'null'), n = count */
  stages: Array<Array<{ key: string; label: string; n: number }>>;
  /** links between stage s and s + 1, by node keys */
  links: Array<Array<{ from: string; to: string; n: number }>>;
}

export interface SankeyNode {
  stage: number;
  key: string;
  label: string;
  n: number;
  x: number;
  y: number;
  h: number;
}
export interface SankeyBand {
  stage: number;
  from: string;
  to: string;
  n: number;
  path: string;
  width: number;
}

/**
 * Nodes as rectangles and bands as stroked centre-line paths (stroke width = band width).
 * Every stage is scaled by the same factor, so equal counts have equal heights across stages.
 * @example sankeyLayout({ stages: [[{ key: 'a', label: 'A', n: 2 }], [{ key: 'b', label: 'B', n: 2 }]], links: [[{ from: 'a', to: 'b', n: 2 }]] }, 200, 100).bands[0].width // 100
 */
export function sankeyLayout(
  input: SankeyInput,
  width: number,
  height: number,
  nodeWidth = 10,
  gap = 8,
): { nodes: SankeyNode[]; bands: SankeyBand[] } {
  const stages = input.stages;
  const columns = Math.max(1, stages.length - 1);
  const maxGaps = Math.max(0, ...stages.map((s) => s.length - 1));
  const total = Math.max(1, ...stages.map((s) => s.reduce((a, n) => a + n.n, 0)));
  const k = Math.max(0, height - maxGaps * gap) / total;
  const nodes: SankeyNode[] = [];
  const at = new Map<string, SankeyNode>();
  stages.forEach((stage, s) => {
    const x = ((width - nodeWidth) * s) / columns;
    let y = 0;
    for (const n of stage) {
      const node = { stage: s, key: n.key, label: n.label, n: n.n, x, y, h: n.n * k };
      nodes.push(node);
      at.set(`${s}:${n.key}`, node);
      y += node.h + gap;
    }
  });
  const bands: SankeyBand[] = [];
  input.links.forEach((links, s) => {
    // Bands leave a node in the order of their targets and enter in the order of their sources: no crossing at a node.
    const outOffset = new Map<string, number>();
    const inOffset = new Map<string, number>();
    const order = (key: string, stage: number): number => at.get(`${stage}:${key}`)?.y ?? 0;
    const sorted = [...links].sort(
      (a, b) => order(a.from, s) - order(b.from, s) || order(a.to, s + 1) - order(b.to, s + 1),
    );
    const byTarget = [...links].sort(
      (a, b) => order(a.to, s + 1) - order(b.to, s + 1) || order(a.from, s) - order(b.from, s),
    );
    const inStart = new Map<(typeof links)[number], number>();
    for (const l of byTarget) {
      const t = at.get(`${s + 1}:${l.to}`);
      if (!t) continue;
      const off = inOffset.get(l.to) ?? 0;
      inStart.set(l, t.y + off);
      inOffset.set(l.to, off + l.n * k);
    }
    for (const l of sorted) {
      const f = at.get(`${s}:${l.from}`);
      const y1 = inStart.get(l);
      if (!f || y1 === undefined) continue;
      const off = outOffset.get(l.from) ?? 0;
      outOffset.set(l.from, off + l.n * k);
      const w = l.n * k;
      const x0 = f.x + nodeWidth,
        y0 = f.y + off + w / 2,
        x1 = ((width - nodeWidth) * (s + 1)) / columns,
        ym = y1 + w / 2;
      const mid = (x0 + x1) / 2;
      bands.push({
        stage: s,
        from: l.from,
        to: l.to,
        n: l.n,
        width: w,
        path: `M${x0},${y0}C${mid},${y0} ${mid},${ym} ${x1},${ym}`,
      });
    }
  });
  return { nodes, bands };
}

/**
 * A stage heading as lines of at most `max` characters, broken at spaces (a longer word keeps a line of its own): the
 * stages stand 120 units apart, and "РЎЙХАТГА ОЛИШ КИТОБИ" in one line ran into the next heading (issue 14).
 * @example headingLines('Рўйхатга олиш китоби', 14) // ['Рўйхатга олиш', 'китоби']
 */
export function headingLines(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
