// The language switch of the header and the sign-in page: each language named in its own words; the choice goes into
// the link (`lang`) and is remembered in this browser.
import { update } from '../state/store.ts';
import { useLocale, useT } from './I18n.tsx';
import './i18n.css';
import { asLocale, LOCALE_NAMES, LOCALES, rememberLocale } from './locales.ts';

export function LanguageSwitch({ className, testId = 'lang' }: { className?: string; testId?: string }) {
  const locale = useLocale();
  const t = useT();
  return (
    <select
      className={className ?? 'lang-switch'}
      aria-label={t('header.language')}
      title={t('header.language')}
      value={locale}
      data-testid={testId}
      onChange={(e) => {
        const next = asLocale(e.target.value) ?? locale;
        rememberLocale(next);
        update({ lang: next });
      }}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
