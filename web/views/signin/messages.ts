// The sign-in page's words in the app's four languages (../shared/GLOSSARY.md for the service's terms). The language
// is remembered in this browser and can be given in the link (?lang=ru).

export const LANGS = ['uz-Latn', 'uz-Cyrl', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_NAMES: Record<Lang, string> = {
  'uz-Latn': 'O‘zbekcha',
  'uz-Cyrl': 'Ўзбекча',
  ru: 'Русский',
  en: 'English',
};

interface Words {
  title: string;
  lead: string;
  username: string;
  password: string;
  submit: string;
  busy: string;
  failed: string;
  language: string;
  demo: string;
}

export const SIGN_IN: Record<Lang, Words> = {
  'uz-Latn': {
    title: 'Hamkorga kirish',
    lead: 'Ichki ishlar organlari profilaktika xizmati uchun hududiy tahlil',
    username: 'Foydalanuvchi nomi',
    password: 'Parol',
    submit: 'Kirish',
    busy: 'Tekshirilmoqda…',
    failed: 'Kirib bo‘lmadi',
    language: 'Til',
    demo: 'Namunaviy ma’lumotlar: har bir rol uchun namunaviy hisob README faylida keltirilgan.',
  },
  'uz-Cyrl': {
    title: 'Ҳамкорга кириш',
    lead: 'Ички ишлар органлари профилактика хизмати учун ҳудудий таҳлил',
    username: 'Фойдаланувчи номи',
    password: 'Парол',
    submit: 'Кириш',
    busy: 'Текширилмоқда…',
    failed: 'Кириб бўлмади',
    language: 'Тил',
    demo: 'Намунавий маълумотлар: ҳар бир рол учун намунавий ҳисоб README файлида келтирилган.',
  },
  ru: {
    title: 'Вход в Hamkor',
    lead: 'Территориальная аналитика для службы профилактики органов внутренних дел',
    username: 'Имя пользователя',
    password: 'Пароль',
    submit: 'Войти',
    busy: 'Проверка…',
    failed: 'Не удалось войти',
    language: 'Язык',
    demo: 'Демонстрационные данные: учётные записи для каждой роли перечислены в README.',
  },
  en: {
    title: 'Sign in to Hamkor',
    lead: 'Territory analytics for the prevention service of the internal affairs bodies',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Checking…',
    failed: 'Could not sign in',
    language: 'Language',
    demo: 'Demo data: one demo account per role is listed in the README.',
  },
};

const KEY = 'hamkor.lang';

/** The language of the link (?lang=), else the one this browser last chose, else Uzbek in Latin script. */
export function initialLang(): Lang {
  const fromLink = new URLSearchParams(window.location.search).get('lang');
  const stored = window.localStorage.getItem(KEY);
  return LANGS.find((l) => l === fromLink) ?? LANGS.find((l) => l === stored) ?? 'uz-Latn';
}

export const rememberLang = (lang: Lang): void => window.localStorage.setItem(KEY, lang);
