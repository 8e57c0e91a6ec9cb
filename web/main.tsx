// Mounts the application, or the wall-screen briefing (its own chrome-less tree, loaded only on /briefing); both under
// the one server-state cache and the language in force (i18n/I18n.tsx).
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app.tsx';
import { APP_START_MARK } from './app-start.ts';
import { queryClient } from './queries/client.ts';
import { I18nProvider } from './i18n/I18n.tsx';
import { earlyPaths } from './early-answers.ts';
import { readFirstAnswers } from './queries/first-answers.ts';
import { uiFontsLoaded } from './ui-fonts.ts';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import './styles.css';

const BriefingRoot = lazy(() => import('./views/briefing/BriefingRoot.tsx'));

performance.mark(APP_START_MARK);
// The first render starts from the answers the boot script asked for (web/early-answers.ts): the session, /api/meta,
// the hot-spot map's boundaries; and with the UI's fonts (web/ui-fonts.ts). What is not in within a second arrives
// later, into its query, or as a font swap.
await Promise.race([
  Promise.all([readFirstAnswers(earlyPaths()), uiFontsLoaded()]),
  new Promise((resolve) => setTimeout(resolve, 1000)),
]);

const root = document.getElementById('root');
const briefing = /^\/briefing(\/|$)/.test(window.location.pathname);
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          {briefing ? (
            <Suspense fallback={null}>
              <BriefingRoot />
            </Suspense>
          ) : (
            <App />
          )}
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
