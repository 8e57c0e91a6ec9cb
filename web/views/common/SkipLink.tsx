// "Skip to the main content": the first Tab stop of every page, so the map is one key press away, not the 48th.
import { useT } from '../../i18n/I18n.tsx';

/** The map's canvas when the page has one (it takes the keyboard), else the page's <main>. */
export function mainTarget(): HTMLElement | null {
  const canvas = document.querySelector<HTMLElement>('.maplibregl-canvas');
  if (canvas) return canvas;
  const main = document.querySelector<HTMLElement>('main');
  // <main> is not focusable by itself: made so for script only, it stays out of the Tab order.
  if (main && !main.hasAttribute('tabindex')) main.tabIndex = -1;
  return main;
}

export function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href="#main"
      data-testid="skip-link"
      onClick={(e) => {
        e.preventDefault();
        mainTarget()?.focus();
      }}
    >
      {t('a11y.skip')}
    </a>
  );
}
