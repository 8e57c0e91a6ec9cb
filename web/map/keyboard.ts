// The map by keyboard: MapLibre already pans with the arrow keys and zooms with + and − while its canvas has focus;
// this adds Enter, which picks what lies under the cross-hair drawn in the middle (styles: .map-keys), and tells
// screen readers how it works.

/** The middle of a map canvas of `width` × `height` CSS pixels, where the cross-hair is drawn. @example centre(800, 600) // { x: 400, y: 300 } */
export function centre(width: number, height: number): { x: number; y: number } {
  return { x: Math.round(width / 2), y: Math.round(height / 2) };
}

let described = 0;

/**
 * Enter (or the space bar) on the focused map canvas calls `pick` with the canvas point under the cross-hair; the
 * canvas is described by `help` for screen readers. Returns the function that undoes both.
 * @example const off = bindKeyboardPick(map.getCanvas(), (x, y) => pickAt(x, y), 'Arrow keys move the map …');
 */
export function bindKeyboardPick(
  canvas: HTMLElement,
  pick: (x: number, y: number) => void,
  help: string,
): { setHelp: (text: string) => void; off: () => void } {
  const onKey = (e: KeyboardEvent): void => {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const { x, y } = centre(canvas.clientWidth, canvas.clientHeight);
    pick(x, y);
  };
  canvas.addEventListener('keydown', onKey);
  const note = document.createElement('p');
  note.id = `map-keys-${++described}`;
  note.className = 'visually-hidden';
  note.textContent = help;
  canvas.after(note);
  canvas.setAttribute('aria-describedby', note.id);
  return {
    setHelp: (text) => {
      note.textContent = text;
    },
    off: () => {
      canvas.removeEventListener('keydown', onKey);
      canvas.removeAttribute('aria-describedby');
      note.remove();
    },
  };
}
