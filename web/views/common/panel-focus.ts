// Keyboard focus for panels that open over a page (a card, a ranked list, a form): focus goes into the panel when it
// opens and back to where it was when it closes, and Escape closes the panel opened last.
import { useEffect, useRef, type RefObject } from 'react';
import { keepPickVisible } from '../../map/keep-visible.ts';

/** Open panels, the one opened last at the end: Escape closes only that one. */
const open: Array<{ close: () => void; node: HTMLElement | null }> = [];

/** The map's canvas (MapLibre makes it focusable): where focus lands when its old place has gone. */
const mapCanvas = (): HTMLElement | null => document.querySelector<HTMLElement>('.maplibregl-canvas');

/**
 * The element to give focus back to: the one focused before, or, when it was replaced while the panel was open (a
 * button that turned into the panel itself), its successor with the same test id; else the map.
 */
export function returnTarget(before: Element | null): HTMLElement | null {
  if (before instanceof HTMLElement && before.isConnected && before !== document.body) return before;
  const testId = before instanceof HTMLElement ? before.dataset.testid : undefined;
  const twins = testId ? [...document.querySelectorAll<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`)] : [];
  // Of a list's rows rendered again, the one that reads the same.
  const twin = twins.find((el) => el.textContent === before?.textContent) ?? twins[0];
  return twin ?? mapCanvas();
}

/** Where each named panel was opened from, kept while it is only hidden (the ranked list while a card replaces it). */
const origins = new Map<string, Element | null>();

/** Whether the person has pressed a key or pointer yet: until then a panel is open because a link opened it. */
let interacted = false;
/** The element focused last, kept after it leaves the page (a button that the panel it opened replaced). */
let lastFocused: Element | null = null;
/**
 * Where a panel that has just gone was to give focus back, until the next frame: a panel that React mounts again at
 * once (its data reloading) takes it over, instead of counting the old panel's own field as where it came from.
 */
let handingBack: Element | null = null;
if (typeof document !== 'undefined') {
  for (const type of ['pointerdown', 'keydown'])
    document.addEventListener(type, () => (interacted = true), { capture: true, once: true });
  document.addEventListener('focusin', (e) => (lastFocused = e.target as Element), { capture: true });
}

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const top = open[open.length - 1];
  if (!top) return;
  const target = e.target instanceof Element ? e.target : null;
  // Escape in a field outside the panel (the header's search box) belongs to that field.
  const field = target?.closest('input, select, textarea');
  if (field && !top.node?.contains(field)) return;
  // A question asked over the panel (a modal <dialog>: "leave without saving?") answers Escape itself, as "stay".
  const dialog = target?.closest('dialog');
  if (dialog && dialog !== top.node) return;
  e.preventDefault();
  top.close();
}

/**
 * While `shown`, the panel takes focus (give it tabIndex={-1}) and gives it back to the element focused before when it
 * goes, and Escape closes it (`close`) while it is the panel opened last. A panel already open when the page loads
 * (nothing pressed yet: a link reopened it) leaves focus where it is, at the top of the page.
 * @example const ref = useRef<HTMLElement>(null); usePanelFocus(ref, () => update({ selected: null }));
 */
export function usePanelFocus(
  panel: RefObject<HTMLElement | null>,
  close: () => void,
  shown = true,
  name?: string,
): void {
  const latest = useRef(close);
  latest.current = close;
  const shownNow = useRef(shown);
  shownNow.current = shown;
  useEffect(() => {
    if (!shown) return;
    // Held here: React has detached the ref by the time the cleanup below runs.
    const node = panel.current;
    const active = document.activeElement;
    // Focus already inside the panel: the effect runs again for a panel just closed and reopened, which keeps the
    // place the first one came from.
    const came = active && active !== document.body && !node?.contains(active) ? active : null;
    // A panel shown again just as another closes (the list back after its card) leaves focus to that one's return.
    const reshown = !came && handingBack !== null;
    const before = (name ? origins.get(name) : undefined) ?? came ?? handingBack ?? lastFocused;
    if (name) origins.set(name, before);
    const entry = { close: () => latest.current(), node };
    open.push(entry);
    if (open.length === 1) document.addEventListener('keydown', onKey);
    // Without scrolling: the card sits over the map, the page itself must not jump.
    if (interacted && !reshown) node?.focus({ preventScroll: true });
    return () => {
      // Closed (not just unmounted while something else stands in its place): its origin is spent.
      if (name && !shownNow.current) origins.delete(name);
      open.splice(open.indexOf(entry), 1);
      if (open.length === 0) document.removeEventListener('keydown', onKey);
      // Only hidden while what it opened stands in its place (the list under a card): that one takes focus.
      if (name && shownNow.current) return;
      // Only when focus was inside the panel (or dropped with it): a click elsewhere keeps its own focus.
      const active = document.activeElement;
      if (active && active !== document.body && !node?.contains(active)) return;
      handingBack = before;
      // After React has removed the panel and rendered what replaces it.
      // Unless another panel has taken focus meanwhile (a list row that opened a card).
      requestAnimationFrame(() => {
        handingBack = null;
        if (document.activeElement === document.body || !document.activeElement)
          returnTarget(before)?.focus({ preventScroll: true });
      });
    };
  }, [panel, shown, name]);
}

/**
 * A card over the map: once laid out, the mahalla just picked on the map is panned out from under it.
 * @example useKeepPickVisible(ref);
 */
export function useKeepPickVisible(panel: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const id = requestAnimationFrame(() => keepPickVisible(panel.current));
    return () => cancelAnimationFrame(id);
  }, [panel]);
}
