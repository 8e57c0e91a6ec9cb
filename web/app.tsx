// Page shell: the header with the page tabs, then the open page. Pages live in web/pages.tsx.
import { useMeta } from './queries/meta.ts';
import { usePath } from './state/route.ts';
import { Header } from './views/common/Header.tsx';
import { PAGES, pageFor } from './pages.tsx';

export function App() {
  const meta = useMeta();
  const page = pageFor(usePath());
  const Page = page.component;
  return (
    <div className="app">
      <Header meta={meta.data} pages={PAGES} current={page.path} />
      {meta.error && <div className="error-banner page-error" role="alert">Could not load data: {meta.error.message}</div>}
      <Page key={page.path} />
    </div>
  );
}
