// deck.gl layers of the cooperation map as a pure function of data and UI state: joint actions per mahalla coloured by
// the services involved, cooperation gaps outlined, the selected mahalla outlined. Stable ids, explicit updateTriggers.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { SERVICES, type ServiceCode } from '../../../server/contract/catalog.ts';
import { SELECTED_LINE, type MahallaFeatureProps } from '../../map/layers.ts';
import { mahallaFill, mahallaOutline, type MapLayer } from '../../map/mahalla-layers.ts';
import { SERVICE_COLORS } from './services.ts';

export const COOP_LAYER_IDS = { fill: 'coop-fill', gaps: 'coop-gaps', selected: 'coop-selected' } as const;

type Rgba = [number, number, number, number];

/** Opacity of the four activity classes (quartiles of actions per mahalla): more actions, stronger colour. */
export const ACTIVITY_ALPHA = [80, 135, 185, 235] as const;
/** A mahalla with actions, but none with the service in focus. */
export const WITHOUT_FOCUS: Rgba = [176, 184, 192, 150];
const NONE: Rgba = [0, 0, 0, 0];

export interface ActionCells {
  ids: readonly number[];
  actions: readonly number[];
  mask: readonly number[];
  dominant: readonly number[];
}

export interface CoopLayerData {
  territories?: FeatureCollection<Geometry, MahallaFeatureProps>;
  cells?: ActionCells;
  /** mahallas that are cooperation gaps */
  gaps?: readonly number[];
}

export interface CoopLayerUi {
  /** colour only where this service took part; null = colour by each mahalla's dominant service */
  focus: ServiceCode | null;
  selected: number | null;
  /** changes whenever `cells` or `gaps` change, so deck.gl recomputes colours */
  dataKey: string;
}

/** Upper bounds of the first three activity classes: the quartiles of the actions (ties kept together). */
export function activityBreaks(actions: readonly number[]): [number, number, number] {
  const s = [...actions].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return [q(0.25), q(0.5), q(0.75)];
}

/** The activity class (0–3) of a count. @example activityClass(5, [1, 2, 4]) // 3 */
export function activityClass(n: number, breaks: readonly [number, number, number]): number {
  return n <= breaks[0] ? 0 : n <= breaks[1] ? 1 : n <= breaks[2] ? 2 : 3;
}

/** Fill of one mahalla: its dominant (or the focused) service's colour at the alpha of its activity class. */
export function fillOf(
  k: number | undefined,
  cells: ActionCells,
  breaks: readonly [number, number, number],
  focus: ServiceCode | null,
): Rgba {
  if (k === undefined) return NONE;
  const alpha = ACTIVITY_ALPHA[activityClass(cells.actions[k] ?? 0, breaks)] ?? 0;
  if (focus) {
    const bit = SERVICES.indexOf(focus);
    if (!(((cells.mask[k] ?? 0) >> bit) & 1)) return WITHOUT_FOCUS;
    const c = SERVICE_COLORS[focus];
    return [c[0], c[1], c[2], alpha];
  }
  const service = SERVICES[cells.dominant[k] ?? -1];
  if (!service) return NONE;
  const c = SERVICE_COLORS[service];
  return [c[0], c[1], c[2], alpha];
}

/** Legend text of the four activity classes; null for a class that ties leave empty. @example activityLabels([1, 1, 3]) // ['1', null, '2–3', '> 3'] */
export function activityLabels(b: readonly [number, number, number]): Array<string | null> {
  const range = (lo: number, hi: number): string | null => (lo > hi ? null : lo === hi ? String(lo) : `${lo}–${hi}`);
  return [range(1, b[0]), range(b[0] + 1, b[1]), range(b[1] + 1, b[2]), `> ${b[2]}`];
}

type MahallaFeature = Feature<Geometry, MahallaFeatureProps>;

export function cooperationLayers(data: CoopLayerData, ui: CoopLayerUi): MapLayer[] {
  const { territories, cells } = data;
  if (!territories) return [];
  const row = new Map<number, number>();
  cells?.ids.forEach((id, k) => row.set(id, k));
  const breaks = activityBreaks(cells?.actions ?? []);
  const gapSet = new Set(data.gaps ?? []);
  const pick = (ids: Set<number>): Array<Feature<Geometry, MahallaFeatureProps>> =>
    territories.features.filter((f) => ids.has(f.properties.id));
  return [
    mahallaFill(COOP_LAYER_IDS.fill, territories, (f: MahallaFeature) =>
      cells ? fillOf(row.get(f.properties.id), cells, breaks, ui.focus) : NONE,
    ),
    mahallaOutline(COOP_LAYER_IDS.gaps, pick(gapSet), [178, 24, 43, 255], 2.5),
    mahallaOutline(
      COOP_LAYER_IDS.selected,
      pick(new Set(ui.selected === null ? [] : [ui.selected])),
      SELECTED_LINE,
      3.5,
    ),
  ];
}
