// The Administration page (the `accounts` capability): accounts, wall-screen links and the audit log, one tab each.
// The tab is kept in the link (`atab`); what is typed in the forms is a moment, kept in each tab.
import { ADMIN_TABS } from '../../state/url.ts';
import { update, useUi } from '../../state/store.ts';
import { AccountsTab } from './AccountsTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { KioskTab } from './KioskTab.tsx';
import { useT } from '../../i18n/I18n.tsx';
import './admin.css';

export function AdminPage() {
  const tab = useUi((s) => s.adminTab);
  const t = useT();
  return (
    <main className="admin-page">
      <nav className="admin-tabs" role="tablist" aria-label={t('admin.aria')}>
        {ADMIN_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`admin-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="admin-panel"
            data-testid={`admin-tab-${k}`}
            className={tab === k ? 'admin-tab active' : 'admin-tab'}
            onClick={() => update({ adminTab: k })}
          >
            {t(`admin.tab.${k}`)}
          </button>
        ))}
      </nav>
      <div className="admin-panel" id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'accounts' && <AccountsTab />}
        {tab === 'kiosk' && <KioskTab />}
        {tab === 'audit' && <AuditTab />}
      </div>
    </main>
  );
}
