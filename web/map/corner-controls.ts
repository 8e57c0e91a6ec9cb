// The map's bottom-right corner in the language in force: the attribution (credits and data sources) and, stacked
// above it, the scale bar ("1 km", "1 км"). MapLibre's ScaleControl takes its unit words from the map's locale table,
// read once when the map is made with no public setter, and its AttributionControl keeps the text it was made with;
// so the scale bar is our own (measured as MapLibre's: 100 px across the map's centre, rounded down to 1, 2, 3 or
// 5 × 10ⁿ) and the attribution is made again when its words change (a language switch).
import { AttributionControl, type IControl, type Map as MapLibreMap } from 'maplibre-gl';
import type { Translate } from '../i18n/translate.ts';

/** The bar's length on the ground and on screen: a round distance that fits in `maxPx`. */
export interface ScaleBar {
  metres: number;
  px: number;
}

/**
 * The round distance (1, 2, 3 or 5 × 10ⁿ metres, MapLibre's steps) at most `metres`, and its width on screen when
 * `metres` spans `maxPx` pixels.
 * @example scaleBar(1400, 100) // { metres: 1000, px: 71.43 }
 */
export function scaleBar(metres: number, maxPx: number): ScaleBar {
  if (!(metres > 0)) return { metres: 0, px: 0 };
  const pow10 = 10 ** Math.floor(Math.log10(metres));
  const d = metres / pow10;
  const round = pow10 * (d >= 10 ? 10 : d >= 5 ? 5 : d >= 3 ? 3 : d >= 2 ? 2 : 1);
  return { metres: round, px: Number(((maxPx * round) / metres).toFixed(2)) };
}

/** How a distance in metres is written: chosen by the view in the language in force. */
export type SayDistance = (metres: number) => string;

/** A scale bar with MapLibre's own look (its CSS class), whose words follow the app's language. */
export class LocalScaleControl implements IControl {
  private map: MapLibreMap | null = null;
  private readonly el: HTMLDivElement;

  constructor(
    private say: SayDistance,
    private readonly maxPx = 100,
  ) {
    this.el = document.createElement('div');
    this.el.className = 'maplibregl-ctrl maplibregl-ctrl-scale';
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    map.on('move', this.update);
    this.update();
    // Again once MapLibre has put it in the page (right after this returns), where its letters have their size.
    queueMicrotask(this.update);
    return this.el;
  }

  onRemove(): void {
    this.map?.off('move', this.update);
    this.el.remove();
    this.map = null;
  }

  /** Writes the bar again in other words (a language switch). */
  setWords(say: SayDistance): void {
    this.say = say;
    this.update();
  }

  private readonly update = (): void => {
    const map = this.map;
    if (!map) return;
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    // At least ten of its letters long (at least five once rounded): in the wall screen's large type "100 км" ran out of
    // MapLibre's 100 px and past the map's edge. The map's own 10-px letters keep MapLibre's 100 px.
    const em = this.el.isConnected ? parseFloat(getComputedStyle(this.el).fontSize) || 0 : 0;
    const across = Math.min(Math.max(this.maxPx, 10 * em), w);
    const left = map.unproject([w / 2 - across / 2, h / 2]);
    const right = map.unproject([w / 2 + across / 2, h / 2]);
    const bar = scaleBar(left.distanceTo(right), across);
    this.el.style.width = `${bar.px}px`;
    const text = this.say(bar.metres);
    if (this.el.textContent !== text) this.el.textContent = text;
  };
}

/**
 * Distances in the words and digits of a language: kilometres from 1 km on, metres below ("500 м", "1 км").
 * @example sayDistance(translator('ru'), (n) => fmtInt(n, 'ru'))(2000) // '2 км'
 */
export const sayDistance =
  (t: Translate, int: (n: number) => string): SayDistance =>
  (metres) =>
    metres >= 1000 ? t('map.scale.km', { n: int(metres / 1000) }) : t('map.scale.m', { n: int(metres) });

/**
 * The attribution and the scale bar in one corner. Attribution first, then the scale stacked above it: on a narrow map
 * the attribution wraps onto two lines and would otherwise cover a scale in the other corner. Never collapsed.
 */
export class MapCorner {
  private attribution: AttributionControl | null = null;
  private said = '';
  private readonly scale: LocalScaleControl;

  constructor(
    private readonly map: MapLibreMap,
    attribution: readonly string[],
    say: SayDistance,
  ) {
    this.scale = new LocalScaleControl(say);
    this.setWords(attribution, say);
  }

  /** Writes the corner in other words; the attribution (and the scale above it) is put back only when it changed. */
  setWords(attribution: readonly string[], say: SayDistance): void {
    this.scale.setWords(say);
    const text = attribution.join('\n');
    if (this.attribution && text === this.said) return;
    if (this.attribution) {
      this.map.removeControl(this.scale);
      this.map.removeControl(this.attribution);
    }
    this.said = text;
    this.attribution = new AttributionControl({ compact: false, customAttribution: [...attribution] });
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.addControl(this.scale, 'bottom-right');
  }
}

/**
 * Names MapLibre's zoom buttons (which it names once, in English) in the language of `t`.
 * @example nameZoomButtons(container, t); // title and aria-label "Kattalashtirish" …
 */
export function nameZoomButtons(root: HTMLElement | null, t: (id: 'map.zoomIn' | 'map.zoomOut') => string): void {
  for (const [cls, id] of [
    ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
    ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
  ] as const) {
    const button = root?.querySelector(cls);
    button?.setAttribute('title', t(id));
    button?.setAttribute('aria-label', t(id));
  }
}
