// The Administration page (the `accounts` capability): accounts, wall-screen links and the audit log, one tab each.
// The tab is kept in the link (`atab`); what is typed in the forms is a moment, kept in each tab.
import { ADMIN_TABS, type AdminTab } from '../../state/url.ts';
import { update, useUi } from '../../state/store.ts';
import { AccountsTab } from './AccountsTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { KioskTab } from './KioskTab.tsx';
import './admin.css';

const TAB_LABELS: Record<AdminTab, string> = { accounts: 'Accounts', kiosk: 'Wall-screen links', audit: 'Audit log' };

export function AdminPage() {
  const tab = useUi((s) => s.adminTab);
  return (
    <main className="admin-page">
      <nav className="admin-tabs" role="tablist" aria-label="Administration">
        {ADMIN_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`admin-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="admin-panel"
            data-testid={`admin-tab-${t}`}
            className={tab === t ? 'admin-tab active' : 'admin-tab'}
            onClick={() => update({ adminTab: t })}
          >
            {TAB_LABELS[t]}
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
