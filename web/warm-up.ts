// What the app's first render would otherwise wait for, done by the boot script while the app's code is still on its
// way (the main thread is idle then): ICU's locale data, which V8 loads on the first Intl call (react-intl's provider
// made it ≈ 70 ms of the national first screen's main thread, issue 15), the page's localStorage, and the first 2D
// canvas that reads its pixels back (web/map/warm-glyph-canvas.ts).
import { asLocale, INTL_TAG, rememberedLocale, resolveLocale } from './i18n/locales.ts';
import { warmGlyphCanvas } from './map/warm-glyph-canvas.ts';

/**
 * Uses, once, what the first render uses first, in the language the app will open in (the link's `lang`, else the
 * remembered one: web/i18n/I18n.tsx).
 * @example warmUp(); // in the boot script, after it has asked for the app
 */
export function warmUp(): void {
  const tag =
    INTL_TAG[resolveLocale(asLocale(new URLSearchParams(window.location.search).get('lang')), rememberedLocale())];
  Intl.NumberFormat.supportedLocalesOf(tag);
  Intl.DateTimeFormat.supportedLocalesOf(tag);
  new Intl.NumberFormat(tag).format(1.5);
  new Intl.DateTimeFormat(tag).format(0);
  new Intl.PluralRules(tag).select(1);
  warmGlyphCanvas();
}
