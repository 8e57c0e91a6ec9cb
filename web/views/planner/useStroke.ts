// Brush and lasso strokes on the map: while one of them is the stroke shape, dragging paints instead of moving the
// map (the wheel still zooms). The mahallas the brush or lasso touches are what the hover preview shows; releasing
// the button hands them to `onStroke` at once, so one stroke is one undo step. The brush circle and the lasso line
// are drawn straight into their elements (no React render per pointer move).
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { DistrictModel } from '../../../server/shared/planner/model.ts';
import type { Territories } from '../../queries/mahallas.ts';
import { asPolygons, brushHits, lassoHits, projectShapes, type ShapeCoords, type Shapes } from './hit-test.ts';

export type StrokeShape = 'click' | 'brush' | 'lasso';

export interface StrokeOptions {
  map: MapLibreMap | null;
  shape: StrokeShape;
  /** brush radius, screen pixels */
  radius: number;
  model: DistrictModel | null;
  mahallas: Territories | undefined;
  /** the mahallas (model indices) one finished stroke touched; not called for a stroke that touched none */
  onStroke: (mahallas: number[]) => void;
  brushEl: RefObject<HTMLDivElement | null>;
  lassoEl: RefObject<SVGPolylineElement | null>;
}

/** Lasso points closer than this (pixels) to the last one add nothing but work. */
const LASSO_STEP = 3;

const sameList = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, k) => x === b[k]);

/** The mahallas the current brush or lasso would paint (model indices, ascending). */
export function useStroke(o: StrokeOptions): number[] {
  const [touched, setTouched] = useState<number[]>([]);
  const latest = useRef(o);
  latest.current = o;
  // Each mahalla's boundary in model order, projected again only after the camera moved.
  const coords = useMemo(() => {
    if (!o.model || !o.mahallas) return null;
    const out: ShapeCoords[] = new Array<ShapeCoords>(o.model.n).fill(null);
    for (const f of o.mahallas.features) {
      const m = o.model.index.get(f.properties.id);
      if (m !== undefined) out[m] = asPolygons(f.geometry);
    }
    return { shapes: out, model: o.model };
  }, [o.model, o.mahallas]);

  useEffect(() => {
    const { map, shape } = o;
    if (!map || !coords || shape === 'click') {
      setTouched([]);
      return;
    }
    map.dragPan.disable();
    let projected: { shapes: Shapes; points: Float64Array } | null = null;
    const project = (lon: number, lat: number): [number, number] => {
      const p = map.project([lon, lat]);
      return [p.x, p.y];
    };
    const view = (): { shapes: Shapes; points: Float64Array } => {
      if (projected) return projected;
      const { model } = coords;
      const points = new Float64Array(2 * model.n);
      for (let m = 0; m < model.n; m++) points.set(project(model.lon[m]!, model.lat[m]!), 2 * m);
      projected = { shapes: projectShapes(coords.shapes, project), points };
      return projected;
    };
    const stale = (): void => void (projected = null);
    let down = false;
    let stroke = new Set<number>();
    let last: [number, number] = [0, 0];
    let lasso: number[] = [];
    const show = (list: number[]): void => setTouched((t) => (sameList(t, list) ? t : list));
    const drawBrush = (x: number, y: number, on: boolean): void => {
      const el = latest.current.brushEl.current;
      if (!el) return;
      const r = latest.current.radius;
      Object.assign(el.style, {
        display: on ? 'block' : 'none',
        width: `${2 * r}px`,
        height: `${2 * r}px`,
        transform: `translate(${x - r}px, ${y - r}px)`,
      });
    };
    const drawLasso = (): void => {
      const el = latest.current.lassoEl.current;
      if (!el) return;
      const pts: string[] = [];
      for (let k = 0; k < lasso.length; k += 2) pts.push(`${lasso[k]},${lasso[k + 1]}`);
      el.setAttribute('points', pts.join(' '));
    };
    const brushAt = (x0: number, y0: number, x1: number, y1: number): number[] =>
      brushHits(view().shapes, x0, y0, x1, y1, latest.current.radius);

    const onDown = (e: MapMouseEvent): void => {
      if (e.originalEvent.button !== 0) return;
      down = true;
      const { x, y } = e.point;
      last = [x, y];
      if (shape === 'brush') {
        stroke = new Set(brushAt(x, y, x, y));
        show([...stroke].sort((a, b) => a - b));
      } else {
        lasso = [x, y];
        drawLasso();
      }
    };
    const onMove = (e: MapMouseEvent): void => {
      const { x, y } = e.point;
      if (shape === 'brush') {
        drawBrush(x, y, true);
        if (!down) return show(brushAt(x, y, x, y));
        for (const m of brushAt(last[0], last[1], x, y)) stroke.add(m);
        last = [x, y];
        return show([...stroke].sort((a, b) => a - b));
      }
      if (!down || Math.hypot(x - last[0], y - last[1]) < LASSO_STEP) return;
      last = [x, y];
      lasso.push(x, y);
      drawLasso();
      show(lassoHits(view().points, lasso));
    };
    const onUp = (): void => {
      if (!down) return;
      down = false;
      const hits = shape === 'brush' ? [...stroke].sort((a, b) => a - b) : lassoHits(view().points, lasso);
      stroke = new Set();
      lasso = [];
      drawLasso();
      show(shape === 'brush' ? hits : []);
      if (hits.length > 0) latest.current.onStroke(hits);
    };
    const onOut = (): void => {
      drawBrush(0, 0, false);
      if (!down) show([]);
    };
    map.on('mousedown', onDown);
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    map.on('move', stale);
    map.on('resize', stale);
    window.addEventListener('mouseup', onUp);
    return () => {
      map.off('mousedown', onDown);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      map.off('move', stale);
      map.off('resize', stale);
      window.removeEventListener('mouseup', onUp);
      map.dragPan.enable();
      drawBrush(0, 0, false);
      lasso = [];
      drawLasso();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [o.map, o.shape, coords]);
  return touched;
}
