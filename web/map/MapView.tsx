// The map: an uncontrolled MapLibre map with our offline style, what MapLibre draws for the page (mahallas from the
// tiles, point sets) and, once the page has any, one deck.gl overlay (interleaved; web/map/deck-overlay.ts).
import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import { getState, update } from '../state/store.ts';
import { useFmt, useT } from '../i18n/I18n.tsx';
import type { View } from '../state/url.ts';
import { bindKeyboardPick } from './keyboard.ts';
import { rememberPick } from './keep-visible.ts';
import { basemapStyle, LIGHT, type BasemapTheme } from './style.ts';
import { isMapPoints, isTilePaint, type MahallaOutlines, type MapPaint, type TileFill } from './mahalla-layers.ts';
import { applyTilePaint } from './mahalla-tiles.ts';
import type { TileUrls } from './tile-source.ts';
import { pickTileMahalla, wireTileHover, type TileHover } from './tile-pointer.ts';
import { applyMapPoints, mapPointAt } from './map-points.ts';
import { useLazyModule } from './lazy-module.ts';
import { whenAllLoaded, whenStyled } from './when-styled.ts';
import { MapCorner, nameZoomButtons, sayDistance } from './corner-controls.ts';
import { useLabelSource, useOutlineSource } from './boundary-sources.ts';
import { keepCreditsRoom } from './credits-room.ts';
import { fitBox, watchCovers } from './fit-room.ts';
import { skipSky } from './no-sky.ts';
import { drawFirstWhenLoaded } from './first-frame.ts';

// After a production build the worker must be fetched from our own origin (STACK.md): point MapLibre at it. One
// worker, MapLibre's own default outside Safari: each worker is a V8 isolate of its own that compiles MapLibre's tile
// code anew, and with two the national first screen spent more CPU on that than it gained in parallel parsing on a
// 2-core machine (median 3.08 s against 3.26 s side by side; 4.1 against 4.6 s of CPU, issue 15). It starts now, while
// the page's first data loads, not when the first map is made (issue 15: the worker script was fetched only after the
// boundaries had arrived).
setWorkerUrl(new URL(workerUrl, window.location.href).href);
prewarm();

export interface MapViewProps {
  /** the region and district names' points (the land and borders come with the tiles) */
  labels: FeatureCollection;
  bbox: [number, number, number, number];
  attribution: string[];
  /** deck.gl layers, built by a page's pure layer function (stable ids). */
  layers: Layer[];
  /** Layers whose objects a click picks; the picked object (or null for a click on nothing) goes to `onPick`. */
  pickLayerIds: string[];
  onPick: (object: unknown, layerId: string | null) => void;
  /** Hover text for a picked object; null for none. */
  tooltip?: (info: PickingInfo) => string | null;
  /** When this changes (a district or, on some pages, a territory was chosen), the camera fits it. */
  focus?: [number, number, number, number] | null;
  /** basemap colours (the wall screen is dark); read once, when the map is created */
  theme?: BasemapTheme;
  /** mahalla outlines drawn by MapLibre above the overlay's fills (see MAHALLA_SOURCE); omitted = none */
  outlines?: MahallaOutlines | null;
  /** called with the map once it exists and with null when it is removed (a page's own pointer tools, e.g. a brush) */
  onMap?: (map: MapLibreMap | null) => void;
  /** what MapLibre draws: mahallas from the vector tiles (web/map/mahalla-tiles.ts), points; omitted = none */
  paint?: readonly MapPaint[];
  /** the tiles' URLs, fetched with the page's first data; null = on the way (wait); omitted = MapLibre asks for them */
  tileUrls?: TileUrls | null;
}

const NO_PAINT: readonly MapPaint[] = [];

/** The deck.gl overlay's code, loaded when a page first has deck.gl layers (the national first screen has none). */
export const loadDeckOverlay = () => import('./deck-overlay.ts');

/** Debug handle for tests and the bench: the live map (read-only use). */
declare global {
  interface Window {
    __hamkorMap?: MapLibreMap;
  }
}

export function MapView({
  labels,
  bbox,
  attribution,
  layers,
  pickLayerIds,
  onPick,
  tooltip,
  focus,
  theme = LIGHT,
  outlines,
  onMap,
  paint = NO_PAINT,
  tileUrls,
}: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapLibreOverlay | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const hover = useRef<TileHover | null>(null);
  // The overlay's code, asked for with the page's first deck.gl layers; while it is on its way the map is not finished
  // (data-overlay, read by the browser tests).
  const deckCode = useLazyModule(loadDeckOverlay, layers.length > 0);
  const initial = useRef({ labels, bbox: focus ?? bbox, attribution, theme, tileUrls });
  // Callbacks change every render; the map's handlers read the latest through a ref instead of re-binding.
  const fill = paint.find((p): p is TileFill => p.kind === 'tile-fill') ?? null;
  const points = paint.filter(isMapPoints).map((p) => p.id);
  const handlers = useRef({ pickLayerIds, onPick, tooltip, onMap, fill, points });
  handlers.current = { pickLayerIds, onPick, tooltip, onMap, fill, points };
  /** What the camera is fitted to while the person has not moved it: the focused district or the whole area. */
  const fitTarget = useRef<[number, number, number, number]>(focus ?? bbox);
  const t = useT();
  const f = useFmt();
  /** The attribution and scale bar, whose words follow a language switch as the zoom buttons' names do (below). */
  const corner = useRef<MapCorner | null>(null);
  const credits = attribution.join('\n');
  const initialHelp = useRef(t('a11y.mapKeys', { enter: 'Enter' }));
  const initialWords = useRef(sayDistance(t, f.int));
  const setKeysHelp = useRef<(text: string) => void>(() => undefined);

  useEffect(() => {
    if (!container.current) return;
    const { labels: l, bbox: b, attribution: a, theme: t, tileUrls: u } = initial.current;
    const view: View | null = getState().view;
    const map = new MapLibreMap({
      container: container.current,
      style: basemapStyle(t, l, u ?? undefined),
      ...(view
        ? { center: [view.lon, view.lat], zoom: view.zoom }
        : { bounds: [b[0], b[1], b[2], b[3]], fitBoundsOptions: { padding: 40 } }),
      attributionControl: false,
      maxZoom: 17,
      // Labels appear at once: a fade keeps MapLibre repainting for 300 ms after every change, which a software-rendered
      // wall screen or laptop pays for in frames.
      fadeDuration: 0,
      minZoom: 4,
      dragRotate: false,
      pitchWithRotate: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    drawFirstWhenLoaded(map);
    skipSky(map);
    // A tile refused with 401/403 means the session ended (signed out elsewhere, account disabled): the app's own
    // requests already take the user to the sign-in page, so MapLibre's copy of that refusal is not an error to log.
    map.on('error', (e) => {
      const status = (e.error as { status?: number } | undefined)?.status;
      if (status !== 401 && status !== 403) console.error(e.error);
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    corner.current = new MapCorner(map, a, initialWords.current);
    const stopCreditsRoom = keepCreditsRoom(map);
    const tileHover = wireTileHover(
      map,
      () => overlay.current,
      () => handlers.current,
    );
    // Clicks are picked from MapLibre's click event: deck.gl's own onClick missed the first click after load
    // (its picking pass was not ready), which a user would read as "the map ignored me".
    // A deck.gl overlay object wins, then a point MapLibre draws, else the mahalla drawn from the tiles there.
    const pickAt = (x: number, y: number): void => {
      rememberPick(map, x, y);
      const h = handlers.current;
      const info = overlay.current?.pickObject({ x, y, radius: 2, layerIds: h.pickLayerIds });
      const hit = info?.object
        ? { object: info.object as unknown, layerId: info.layer?.id ?? null }
        : (mapPointAt(map, h.pickLayerIds, x, y) ?? pickTileMahalla(map, h, x, y));
      h.onPick(hit?.object ?? null, hit?.layerId ?? null);
    };
    map.on('click', (e) => pickAt(e.point.x, e.point.y));
    // Enter picks under the cross-hair as a click there would (web/map/keyboard.ts).
    const keys = bindKeyboardPick(map.getCanvas(), pickAt, initialHelp.current);
    setKeysHelp.current = keys.setHelp;
    hover.current = tileHover;
    mapRef.current = map;
    // The camera stays out of React: it goes to the URL only when a move that a person made ends. The initial camera
    // (settled before the first 'idle') and the app's own fits (tagged `source: 'app'`) are derived from other state,
    // so they never write the URL and can never loop back into it.
    let settled = false;
    // A camera from the link, or one the person moved, is theirs: container resizes then keep it as it is.
    let ownCamera = view !== null;
    map.once('idle', () => {
      settled = true;
    });
    map.on('moveend', (e) => {
      // eventData given to fitBounds is merged into the event object.
      if (!settled || (e as { source?: string }).source === 'app') return;
      ownCamera = true;
      const c = map.getCenter();
      update({ view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } });
    });
    // The container can change size after the map is made (a panel renders a moment later, a slide lays out): until
    // the person moves the camera, refit what was framed so the whole area stays in view instead of being cropped.
    const refit = (): void => {
      if (ownCamera) return;
      // Only what changed: an equal resize or camera still has MapLibre draw a frame (≈ 0.25 s in software GL), and
      // the observers fire for the first layout and each legend change whether the map's room changed or not.
      const c = map.getContainer();
      if (c.clientWidth !== map.getCanvas().clientWidth || c.clientHeight !== map.getCanvas().clientHeight)
        map.resize();
      fitBox(map, fitTarget.current, 0);
    };
    const resized = new ResizeObserver(refit);
    resized.observe(container.current);
    // The legend renders after its data and folds by hand: the area is fitted again into what it leaves free.
    const stopCovers = watchCovers(map, refit);
    // The constructor's fit ignored the attribution and scale (added after it), which can hide the area's bottom edge.
    refit();
    window.__hamkorMap = map;
    handlers.current.onMap?.(map);
    return () => {
      handlers.current.onMap?.(null);
      tileHover.off();
      hover.current = null;
      resized.disconnect();
      stopCovers();
      stopCreditsRoom();
      keys.off();
      overlay.current = null;
      mapRef.current = null;
      corner.current = null;
      map.remove();
      delete window.__hamkorMap;
    };
  }, []);

  // MapLibre names its zoom buttons once, in English: they are renamed in the language in force, and again on a switch,
  // as the corner's attribution and scale bar are written again.
  useEffect(() => {
    nameZoomButtons(container.current, t);
    setKeysHelp.current(t('a11y.mapKeys', { enter: 'Enter' }));
    corner.current?.setWords(credits.split('\n'), sayDistance(t, f.int));
  }, [t, f, credits]);

  useEffect(() => {
    if (deckCode.error) console.error(deckCode.error);
  }, [deckCode.error]);

  useEffect(() => {
    const map = mapRef.current;
    // No overlay until the page has something for deck.gl to draw (and its code has come).
    const code = deckCode.module;
    if (!map || !code || (!overlay.current && layers.length === 0)) return;
    overlay.current ??= code.attachOverlay(
      map,
      () => handlers.current.tooltip,
      (shown) => hover.current?.deckTip(shown),
    );
    const apply = (): void => overlay.current?.setProps({ layers });
    // Given at once, not after the map's next frame: given then, the wall screen's deck.gl names lost their bold face
    // (their font atlas drawn without it).
    apply();
    // The overlay can only insert its layers (below district lines and labels) once every source has loaded; layers
    // set earlier are not placed, so they are set again then.
    if (!map.isStyleLoaded()) return whenAllLoaded(map, apply);
  }, [layers, deckCode.module]);

  useLabelSource(mapRef, labels);

  useOutlineSource(mapRef, outlines);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = (): void => {
      applyTilePaint(map, paint.filter(isTilePaint), outlines ?? null, tileUrls);
      applyMapPoints(map, paint.filter(isMapPoints));
    };
    whenStyled(map, apply);
  }, [paint, outlines, tileUrls]);

  const focusKey = focus ? focus.join(',') : '';
  // The first focus is applied by the initial camera (or a saved view wins); later changes move the camera.
  const lastFocus = useRef(focusKey);
  useEffect(() => {
    // Only a change of focus moves the camera: a link that reopens a district keeps its saved view.
    if (focusKey === lastFocus.current) return;
    lastFocus.current = focusKey;
    const b = (focusKey ? focusKey.split(',').map(Number) : bbox) as [number, number, number, number];
    fitTarget.current = b;
    if (mapRef.current) fitBox(mapRef.current, b, 600);
  }, [focusKey, bbox]);

  return (
    <div ref={container} className="map" data-testid="map" data-overlay={deckCode.pending ? 'loading' : undefined} />
  );
}
