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
  const twin = testId ? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`) : null;
  return twin ?? mapCanvas();
}

/** Whether the person has pressed a key or pointer yet: until then a panel is open because a link opened it. */
let interacted = false;
/** The element focused last, kept after it leaves the page (a button that the panel it opened replaced). */
let lastFocused: Element | null = null;
if (typeof document !== 'undefined') {
  for (const type of ['pointerdown', 'keydown'])
    document.addEventListener(type, () => (interacted = true), { capture: true, once: true });
  document.addEventListener('focusin', (e) => (lastFocused = e.target as Element), { capture: true });
}

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const top = open[open.length - 1];
  if (!top) return;
  // Escape in a field outside the panel (the header's search box) belongs to that field.
  const field = e.target instanceof Element ? e.target.closest('input, select, textarea') : null;
  if (field && !top.node?.contains(field)) return;
  e.preventDefault();
  top.close();
}

/**
 * While `shown`, the panel takes focus (give it tabIndex={-1}) and gives it back to the element focused before when it
 * goes, and Escape closes it (`close`) while it is the panel opened last. A panel already open when the page loads
 * (nothing pressed yet: a link reopened it) leaves focus where it is, at the top of the page.
 * @example const ref = useRef<HTMLElement>(null); usePanelFocus(ref, () => update({ selected: null }));
 */
export function usePanelFocus(panel: RefObject<HTMLElement | null>, close: () => void, shown = true): void {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    if (!shown) return;
    const active = document.activeElement;
    const before = active && active !== document.body ? active : lastFocused;
    // Held here: React has detached the ref by the time the cleanup below runs.
    const node = panel.current;
    const entry = { close: () => latest.current(), node };
    open.push(entry);
    if (open.length === 1) document.addEventListener('keydown', onKey);
    // Without scrolling: the card sits over the map, the page itself must not jump.
    if (interacted) node?.focus({ preventScroll: true });
    return () => {
      open.splice(open.indexOf(entry), 1);
      if (open.length === 0) document.removeEventListener('keydown', onKey);
      // Only when focus was inside the panel (or dropped with it): a click elsewhere keeps its own focus.
      const active = document.activeElement;
      if (active && active !== document.body && !node?.contains(active)) return;
      // After React has removed the panel and rendered what replaces it.
      // Unless another panel has taken focus meanwhile (a list row that opened a card).
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || !document.activeElement)
          returnTarget(before)?.focus({ preventScroll: true });
      });
    };
  }, [panel, shown]);
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
