// Page shell: the sign-in page until someone is signed in; then the header with the page tabs this person may use,
// and the open page. Pages live in web/pages.tsx.
import { useMeta } from './queries/meta.ts';
import { can, useSession } from './queries/session.ts';
import { usePath } from './state/route.ts';
import { Header } from './views/common/Header.tsx';
import { SignInPage } from './views/signin/SignInPage.tsx';
import { useT } from './i18n/I18n.tsx';
import { useApiErrors } from './i18n/api-error.ts';
import { PAGES, pageFor } from './pages.tsx';
import { Suspense } from 'react';
import { LoadState } from './views/common/LoadState.tsx';

export function App() {
  const session = useSession();
  const t = useT();
  const said = useApiErrors();
  if (session.isPending) return null;
  if (session.error)
    return (
      <div className="error-banner page-error" role="alert">
        {t('app.serverUnreachable', { reason: said.error(session.error) })}
      </div>
    );
  if (!session.data) return <SignInPage />;
  return <SignedIn />;
}

function SignedIn() {
  const session = useSession();
  const meta = useMeta();
  const t = useT();
  const said = useApiErrors();
  const pages = PAGES.filter((p) => !p.needs || can(session.data, p.needs));
  const page = pageFor(usePath(), pages);
  const Page = page.component;
  return (
    <div className="app">
      <Header
        meta={meta.data}
        pages={pages.filter((p) => !p.tabOf)}
        current={page.tabOf ?? page.path}
        session={session.data ?? null}
      />
      {meta.error && (
        <div className="error-banner page-error" role="alert">
          {t('app.dataFailed', { reason: said.error(meta.error) })}
        </div>
      )}
      {/* A page's code may still be loading (web/pages.tsx): the shell stays, the page shows when it comes. */}
      <Suspense fallback={<LoadState loading error={null} />}>
        <Page key={page.path} />
      </Suspense>
    </div>
  );
}
