// Builds the point-in-polygon grid: a uniform top grid whose crowded cells split into finer sub-grids; every cell either
// names its polygon outright or lists, per candidate polygon, the few edge records a ray from inside the cell can cross.
import type { FlatPolygons } from './flat-polygons.ts';
import { edgeRecord, WHOLE_CELL, type GRID_DEFAULTS, type PolygonIndexData } from './polygon-grid.ts';

/*
 * Why a cell needs only a few records. For a point in cell (ix, iy) the rightward ray meets a polygon's edges in the
 * row band in three ways: edges west of the cell are never crossed; edges through the cell are tested exactly; edges
 * east of the cell are crossed iff y0 <= y < y1, i.e. by the parity of how many of their endpoint y values ("breakpoints")
 * are <= y. Breakpoints below the row fold into one constant, those above drop out, equal ones cancel, and the few
 * left in the row become virtual edges (x0 = +Infinity). A cell with no edge through it and no breakpoint in it lies
 * wholly inside or outside. Every decision keeps a margin (MARGIN of a cell) far above rounding error, so answers
 * equal the reference kernel bit for bit, including points exactly on edges.
 */

type Options = typeof GRID_DEFAULTS;

/** A uniform grid over a box. Cell functions are monotone (a <= b ⇒ col(a) <= col(b)) and unclamped. */
interface Frame {
  minX: number;
  minY: number;
  nx: number;
  ny: number;
  w: number;
  h: number;
  invW: number;
  invH: number;
}
const col = (f: Frame, x: number): number => Math.floor((x - f.minX) * f.invW);
const row = (f: Frame, y: number): number => Math.floor((y - f.minY) * f.invH);
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Fraction of a cell by which edges are widened and breakpoints kept exact: ≫ rounding error, ≪ a cell. */
const MARGIN = 1e-6;
/** Sub-grids stop above this cell size (degrees, ~1 m), keeping MARGIN of a cell ≫ rounding error at lon/lat magnitudes. */
const MIN_CELL_DEG = 1e-5;
/** Cap on stored numbers (edge record fields or block words): past it the options ask for an absurdly fine grid. */
const MAX_STORED = 2 ** 26;
/** Lowest finite y: keeps y - y0 finite, so a virtual edge's x test never meets 0 × ∞. */
const BELOW_ALL = -Number.MAX_VALUE;

/** A candidate polygon of a frame: its records (x0, y0, y1, slope per edge) and the cells it may occupy. */
interface Item {
  poly: number;
  rec: number[];
  ix0: number;
  iy0: number;
  ix1: number;
  iy1: number;
}

/** Candidates found at one level; start/end index records of `recs` (start = WHOLE_CELL: the polygon holds the cell). */
interface LevelAcc {
  cell: number[];
  poly: number[];
  start: number[];
  end: number[];
  recs: number[];
}

interface Output {
  ent: number[];
  edges: number[];
  frames: number[];
}

function pushCandidate(acc: LevelAcc, cell: number, poly: number, start: number, end: number): void {
  acc.cell.push(cell);
  acc.poly.push(poly);
  acc.start.push(start);
  acc.end.push(end);
}

/** Classifies one polygon's records overlapping row iy and emits its candidate entry (if any) for each cell of the row. */
function scanRow(f: Frame, it: Item, iy: number, recs: number[], acc: LevelAcc): void {
  const { ix0, ix1, rec } = it;
  const lw = ix1 - ix0 + 1,
    mx = f.w * MARGIN,
    my = f.h * MARGIN;
  const bandLo = f.minY + iy * f.h - my,
    bandHi = f.minY + (iy + 1) * f.h + my;
  const through: Array<number[] | undefined> = new Array<number[] | undefined>(lw); // most cells have none: filled lazily
  const east: Array<number[] | undefined> = new Array<number[] | undefined>(lw + 1); // east[k]: records east of cells ix0 .. ix0+k-1
  for (const r of recs) {
    const x0 = rec[r]!,
      y0 = rec[r + 1]!,
      y1 = rec[r + 2]!,
      slope = rec[r + 3]!;
    let lo = -Infinity,
      hi = Infinity; // a non-finite slope (sub-normal dy) is simply tested everywhere
    if (x0 === Infinity) lo = hi = Infinity;
    else if (Number.isFinite(slope)) {
      const xa = x0 + (Math.max(y0, bandLo) - y0) * slope,
        xb = x0 + (Math.min(y1, bandHi) - y0) * slope;
      lo = col(f, Math.min(xa, xb) - mx);
      hi = col(f, Math.max(xa, xb) + mx);
    }
    for (let ix = Math.max(lo, ix0), end = Math.min(hi, ix1); ix <= end; ix++) (through[ix - ix0] ??= []).push(r);
    if (lo > ix0) (east[Math.min(lo, ix1 + 1) - ix0] ??= []).push(r);
  }
  let base = 0;
  const inRow: number[] = []; // breakpoints inside the row band, each kept once per odd multiplicity
  const addBreakpoint = (b: number): void => {
    if (row(f, b + my) < iy) base ^= 1;
    else if (row(f, b - my) <= iy) {
      const k = inRow.indexOf(b);
      if (k < 0) inRow.push(b);
      else inRow.splice(k, 1);
    }
  };
  for (let ix = ix1; ix >= ix0; ix--) {
    for (const r of east[ix + 1 - ix0] ?? []) {
      addBreakpoint(rec[r + 1]!);
      addBreakpoint(rec[r + 2]!);
    }
    const here = through[ix - ix0] ?? [];
    if (here.length === 0 && inRow.length === 0) {
      if (base === 1) pushCandidate(acc, iy * f.nx + ix, it.poly, WHOLE_CELL, WHOLE_CELL);
      continue;
    }
    const start = acc.recs.length / 4;
    for (const r of here) acc.recs.push(rec[r]!, rec[r + 1]!, rec[r + 2]!, rec[r + 3]!);
    if (base === 1) acc.recs.push(Infinity, BELOW_ALL, Infinity, 0);
    const bs = [...inRow].sort((a, b) => a - b);
    for (let k = 0; k < bs.length; k += 2) acc.recs.push(Infinity, bs[k]!, bs[k + 1] ?? Infinity, 0);
    pushCandidate(acc, iy * f.nx + ix, it.poly, start, acc.recs.length / 4);
  }
}

/** Builds one grid level over `items` (ascending polygon order) and returns its cell words; blocks go to `out`. */
function buildLevel(f: Frame, items: Item[], depth: number, opt: Options, out: Output): Int32Array {
  const acc: LevelAcc = { cell: [], poly: [], start: [], end: [], recs: [] };
  const my = f.h * MARGIN;
  for (const it of items) {
    const rows: number[][] = Array.from({ length: it.iy1 - it.iy0 + 1 }, () => []);
    for (let r = 0; r < it.rec.length; r += 4) {
      const hi = Math.min(it.iy1, row(f, it.rec[r + 2]! + my));
      for (let iy = Math.max(it.iy0, row(f, it.rec[r + 1]! - my)); iy <= hi; iy++) rows[iy - it.iy0]!.push(r);
    }
    rows.forEach((recs, k) => scanRow(f, it, it.iy0 + k, recs, acc));
  }
  return cellWords(f, acc, depth, opt, out);
}

/** Groups candidates by cell (stably, so polygon order is kept) and turns each cell into a word. */
function cellWords(f: Frame, acc: LevelAcc, depth: number, opt: Options, out: Output): Int32Array {
  const cells = f.nx * f.ny;
  const first = new Int32Array(cells + 1);
  for (const c of acc.cell) first[c + 1]!++;
  for (let c = 0; c < cells; c++) first[c + 1]! += first[c]!;
  const order = new Int32Array(acc.cell.length);
  const fill = first.slice(0, cells);
  acc.cell.forEach((c, e) => (order[fill[c]!++] = e));
  const words = new Int32Array(cells).fill(-1);
  for (let c = 0; c < cells; c++) {
    if (first[c] === first[c + 1]) continue;
    const e0 = order[first[c]!]!;
    if (acc.start[e0] === WHOLE_CELL) {
      // lowest-index candidate holds the whole cell: nothing else can win
      words[c] = acc.poly[e0]!;
      continue;
    }
    const ents: number[] = [];
    let cost = 0;
    for (let k = first[c]!; k < first[c + 1]!; k++) {
      const e = order[k]!;
      ents.push(e);
      cost += 1 + acc.end[e]! - acc.start[e]!;
      if (acc.start[e] === WHOLE_CELL) break; // candidates after one that holds the whole cell are never reached
    }
    const split = cost > opt.splitCost && depth < opt.maxDepth && Math.min(f.w, f.h) / opt.splitFactor >= MIN_CELL_DEG;
    words[c] = -2 - (split ? subGrid(f, c, ents, acc, depth, opt, out) : candidateBlock(ents, acc, out));
  }
  return words;
}

/** Writes a candidate list block; returns its offset in `ent`. */
function candidateBlock(ents: number[], acc: LevelAcc, out: Output): number {
  const o = out.ent.length;
  out.ent.push(ents.length);
  for (const k of ents) {
    const start = acc.start[k]!,
      end = acc.end[k]!;
    if (start === WHOLE_CELL) {
      out.ent.push(acc.poly[k]!, WHOLE_CELL, 0);
      continue;
    }
    if (out.edges.length > MAX_STORED || out.ent.length > MAX_STORED) {
      throw new RangeError('polygon grid too fine for these options: raise splitCost or lower maxDepth / cellsPerEdge');
    }
    const at = out.edges.length / 4;
    for (let r = 4 * start; r < 4 * end; r++) out.edges.push(acc.recs[r]!);
    out.ent.push(acc.poly[k]!, at, at + end - start);
  }
  return o;
}

/** Splits cell c into a finer grid over the same candidates (their records are exact for every point of c). */
function subGrid(f: Frame, c: number, ents: number[], acc: LevelAcc, depth: number, opt: Options, out: Output): number {
  const s = opt.splitFactor,
    cx = c % f.nx,
    cy = (c - cx) / f.nx;
  const w = f.w / s,
    h = f.h / s;
  const sub: Frame = { minX: f.minX + cx * f.w, minY: f.minY + cy * f.h, nx: s, ny: s, w, h, invW: 1 / w, invH: 1 / h };
  const items = ents.map((k): Item => {
    const start = acc.start[k]!;
    const rec = start === WHOLE_CELL ? [Infinity, BELOW_ALL, Infinity, 0] : acc.recs.slice(4 * start, 4 * acc.end[k]!);
    return { poly: acc.poly[k]!, rec, ix0: 0, iy0: 0, ix1: s - 1, iy1: s - 1 };
  });
  const o = out.ent.length;
  out.ent.push(-1 - out.frames.length / 4, s, s);
  for (let k = 0; k < s * s; k++) out.ent.push(0); // the sub-grid's words, filled in once its blocks are written after them
  out.frames.push(sub.minX, sub.minY, sub.invW, sub.invH);
  buildLevel(sub, items, depth + 1, opt, out).forEach((word, k) => (out.ent[o + 3 + k] = word));
  return o;
}

/** The top grid: the polygons' extent cut into square-ish cells, about cellsPerEdge per edge over the summed bbox area. */
function topFrame(flat: FlatPolygons, opt: Options): Frame & { maxX: number; maxY: number } {
  const b = flat.bbox;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    boxArea = 0;
  for (let p = 0; p < flat.count; p++) {
    const x0 = b[4 * p]!,
      y0 = b[4 * p + 1]!,
      x1 = b[4 * p + 2]!,
      y1 = b[4 * p + 3]!;
    if (!(x0 <= x1 && y0 <= y1)) continue;
    [minX, minY, maxX, maxY] = [Math.min(minX, x0), Math.min(minY, y0), Math.max(maxX, x1), Math.max(maxY, y1)];
    boxArea += (x1 - x0) * (y1 - y0);
  }
  if (!(minX <= maxX)) [minX, minY, maxX, maxY] = [1, 1, 0, 0]; // no geometry: nothing falls into the grid
  const spanX = Math.max(maxX - minX, 1e-9),
    spanY = Math.max(maxY - minY, 1e-9);
  const size = Math.max(
    Math.sqrt(boxArea / ((flat.coords.length / 2) * opt.cellsPerEdge)) || Math.max(spanX, spanY),
    Math.sqrt((spanX * spanY) / opt.maxCells),
  );
  const nx = clamp(Math.ceil(spanX / size), 1, opt.maxCells);
  const ny = clamp(Math.ceil(spanY / size), 1, Math.max(1, Math.floor(opt.maxCells / nx)));
  return { minX, minY, maxX, maxY, nx, ny, w: spanX / nx, h: spanY / ny, invW: nx / spanX, invH: ny / spanY };
}

/** Builds the grid over all polygons (polygon p = index p of `flat`). */
export function buildGrid(flat: FlatPolygons, opt: Options): PolygonIndexData {
  const f = topFrame(flat, opt);
  const { coords, ringStart, polyRingStart, bbox } = flat;
  const mx = f.w * MARGIN,
    my = f.h * MARGIN;
  const items: Item[] = [];
  for (let p = 0; p < flat.count; p++) {
    if (!(bbox[4 * p]! <= bbox[4 * p + 2]! && bbox[4 * p + 1]! <= bbox[4 * p + 3]!)) continue;
    const rec: number[] = [];
    for (let r = polyRingStart[p]!; r < polyRingStart[p + 1]!; r++) {
      const s = ringStart[r]!,
        e = ringStart[r + 1]!;
      for (let i = s, j = e - 1; i < e; j = i++) {
        const edge = edgeRecord(coords[2 * j]!, coords[2 * j + 1]!, coords[2 * i]!, coords[2 * i + 1]!);
        if (edge) rec.push(...edge);
      }
    }
    items.push({
      poly: p,
      rec,
      ix0: clamp(col(f, bbox[4 * p]! - mx), 0, f.nx - 1),
      iy0: clamp(row(f, bbox[4 * p + 1]! - my), 0, f.ny - 1),
      ix1: clamp(col(f, bbox[4 * p + 2]! + mx), 0, f.nx - 1),
      iy1: clamp(row(f, bbox[4 * p + 3]! + my), 0, f.ny - 1),
    });
  }
  const out: Output = { ent: [], edges: [], frames: [] };
  const cellWord = buildLevel(f, items, 0, opt, out);
  return {
    minX: f.minX,
    minY: f.minY,
    maxX: f.maxX,
    maxY: f.maxY,
    nx: f.nx,
    ny: f.ny,
    invW: f.invW,
    invH: f.invH,
    cellWord,
    ent: Int32Array.from(out.ent),
    frames: Float64Array.from(out.frames),
    edges: Float64Array.from(out.edges),
  };
}
