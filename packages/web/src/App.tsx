import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { Permission } from '@chuangcheng/core';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequirePermission } from './auth/RequirePermission.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage.tsx'));
const RegionGroupsPage = lazy(() => import('./pages/region-groups/RegionGroupsPage.tsx'));
const OrgUnitsPage = lazy(() => import('./pages/org-units/OrgUnitsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx'));
const WorkbenchPage = lazy(() => import('./pages/workbench/WorkbenchPage.tsx'));
const BoardPage = lazy(() => import('./pages/supervision/BoardPage.tsx'));
const LedgerPage = lazy(() => import('./pages/supervision/LedgerPage.tsx'));
const NoticesPage = lazy(() => import('./pages/supervision/NoticesPage.tsx'));
const MeetingsPage = lazy(() => import('./pages/supervision/MeetingsPage.tsx'));
const CockpitPage = lazy(() => import('./pages/cockpit/CockpitPage.tsx'));
const IndicatorsPage = lazy(() => import('./pages/indicators/IndicatorsPage.tsx'));
const IndicatorDetailPage = lazy(() => import('./pages/indicators/IndicatorDetailPage.tsx'));
const DataEntryPage = lazy(() => import('./pages/data-entry/DataEntryPage.tsx'));
const ApprovalsPage = lazy(() => import('./pages/data-entry/ApprovalsPage.tsx'));

/** A restrained, government-office palette: one blue, square-ish corners. */
const theme = { token: { colorPrimary: '#1f4e9c', borderRadius: 4 } };

function guarded(permission: Permission, page: ReactNode): ReactNode {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

function LocalisedApp() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Spin fullscreen />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Navigate to="/regions" replace />} />
                  <Route path="plans" element={guarded('plan.read', <PlansPage />)} />
                  <Route path="plans/:code" element={guarded('plan.read', <PlansPage />)} />
                  <Route path="cockpit" element={guarded('indicator.read', <CockpitPage />)} />
                  <Route path="cockpit/:regionCode" element={guarded('indicator.read', <CockpitPage />)} />
                  <Route path="indicators" element={guarded('indicator.read', <IndicatorsPage />)} />
                  <Route path="indicators/:code" element={guarded('indicator.read', <IndicatorDetailPage />)} />
                  <Route path="data-entry" element={guarded('data.enter', <DataEntryPage />)} />
                  <Route path="data-approvals" element={guarded('data.approve', <ApprovalsPage />)} />
                  <Route path="workbench" element={guarded('report.write', <WorkbenchPage />)} />
                  <Route path="supervision" element={guarded('supervision.read', <BoardPage />)} />
                  <Route path="supervision/ledger" element={guarded('supervision.read', <LedgerPage />)} />
                  <Route path="supervision/notices" element={guarded('supervision.read', <NoticesPage />)} />
                  <Route path="supervision/meetings" element={guarded('supervision.read', <MeetingsPage />)} />
                  <Route path="regions" element={<RegionsPage />} />
                  <Route path="region-groups" element={<RegionGroupsPage />} />
                  <Route path="org-units" element={guarded('org.read', <OrgUnitsPage />)} />
                  <Route path="users" element={guarded('user.read', <UsersPage />)} />
                  <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
                  <Route path="*" element={<Navigate to="/regions" replace />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}
