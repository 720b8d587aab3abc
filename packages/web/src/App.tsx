import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { Permission } from '@chuangcheng/core';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { QueryProvider } from './api/QueryProvider.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';

// The staff shell (menu, header, its icons) is never needed by a resident on /report or /track:
// it loads with the first staff page, like every page below.
const AppLayout = lazy(() => import('./layout/AppLayout.tsx').then((module) => ({ default: module.AppLayout })));
// Lazy like the pages it guards: the check reads core's role table, which residents' pages never load.
const RequirePermission = lazy(() =>
  import('./auth/RequirePermission.tsx').then((module) => ({ default: module.RequirePermission })),
);

const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage.tsx'));
const RegionGroupsPage = lazy(() => import('./pages/region-groups/RegionGroupsPage.tsx'));
const OrgUnitsPage = lazy(() => import('./pages/org-units/OrgUnitsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx'));
const HomePage = lazy(() => import('./pages/workbench/HomePage.tsx'));
const WorkbenchPage = lazy(() => import('./pages/workbench/WorkbenchPage.tsx'));
const BoardPage = lazy(() => import('./pages/supervision/BoardPage.tsx'));
const LedgerPage = lazy(() => import('./pages/supervision/LedgerPage.tsx'));
const NoticesPage = lazy(() => import('./pages/supervision/NoticesPage.tsx'));
const MeetingsPage = lazy(() => import('./pages/supervision/MeetingsPage.tsx'));
const OfficePrefixPage = lazy(() => import('./pages/supervision/OfficePrefixPage.tsx'));
const InstructionsPage = lazy(() => import('./pages/supervision/InstructionsPage.tsx'));
const CockpitPage = lazy(() => import('./pages/cockpit/CockpitPage.tsx'));
const IndicatorsPage = lazy(() => import('./pages/indicators/IndicatorsPage.tsx'));
const IndicatorDetailPage = lazy(() => import('./pages/indicators/IndicatorDetailPage.tsx'));
const DataEntryPage = lazy(() => import('./pages/data-entry/DataEntryPage.tsx'));
const ApprovalsPage = lazy(() => import('./pages/data-entry/ApprovalsPage.tsx'));
const PublicLayout = lazy(() => import('./pages/public/PublicLayout.tsx'));
const PublicLandingPage = lazy(() => import('./pages/public/LandingPage.tsx'));
const PublicReportPage = lazy(() => import('./pages/public/ReportPage.tsx'));
const PublicTrackPage = lazy(() => import('./pages/public/TrackPage.tsx'));
const PublicPrivacyPage = lazy(() => import('./pages/public/PrivacyPage.tsx'));
const CaseQueuePage = lazy(() => import('./pages/cases/CaseQueuePage.tsx'));
const CaseStatsPage = lazy(() => import('./pages/cases/CaseStatsPage.tsx'));
const CaseMapPage = lazy(() => import('./pages/cases/CaseMapPage.tsx'));
const CaseConfigPage = lazy(() => import('./pages/cases/CaseConfigPage.tsx'));
const CaseLink = lazy(() => import('./pages/cases/CaseLink.tsx'));
const FrameworksPage = lazy(() => import('./pages/evaluation/FrameworksPage.tsx'));
const RoundsPage = lazy(() => import('./pages/evaluation/RoundsPage.tsx'));
const ScoringPage = lazy(() => import('./pages/evaluation/ScoringPage.tsx'));
const ScorecardPage = lazy(() => import('./pages/evaluation/ScorecardPage.tsx'));
const RankingsPage = lazy(() => import('./pages/evaluation/RankingsPage.tsx'));
const EvaluationIncidentsPage = lazy(() => import('./pages/evaluation/IncidentsPage.tsx'));
const TitlesPage = lazy(() => import('./pages/evaluation/TitlesPage.tsx'));
const EvaluationResultsPage = lazy(() => import('./pages/evaluation/ResultsPage.tsx'));
const PublicationPage = lazy(() => import('./pages/evaluation/PublicationPage.tsx'));
const WallPage = lazy(() => import('./pages/cockpit/WallPage.tsx'));

/**
 * A restrained, government-office palette: one blue, square-ish corners. A person who asked their
 * system for reduced motion gets none: dialogs, drawers and lists appear and go at once (the
 * browser tests ask for it too, so a click never lands on something still moving).
 */
const prefersReducedMotion =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const theme = {
  token: {
    colorPrimary: '#1f4e9c',
    borderRadius: 4,
    motion: !prefersReducedMotion,
    // Secondary, description and placeholder text dark enough for 4.5:1 (WCAG AA) on white and on
    // the page's #f3f5f8; antd's defaults (45 % and 25 % black) measure about 4.2:1 and 1.9:1.
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#636363',
    colorTextPlaceholder: '#6b6b6b',
    colorTextQuaternary: '#6b6b6b',
    // Links take the palette's blue (8:1 on white), not antd's lighter default (about 3.9:1).
    colorLink: '#1f4e9c',
    colorLinkHover: '#2f64bd',
  },
};

function guarded(permission: Permission, page: ReactNode): ReactNode {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/**
 * The pages inside the staff shell: the path, the permission that opens the page (null: every
 * signed-in account), and the page. A page that needs a permission the account lacks shows why.
 */
const shellPages: readonly (readonly [path: string, permission: Permission | null, page: ReactNode])[] = [
  ['plans', 'plan.read', <PlansPage />],
  ['plans/:code', 'plan.read', <PlansPage />],
  ['cockpit', 'indicator.read', <CockpitPage />],
  ['cockpit/:regionCode', 'indicator.read', <CockpitPage />],
  ['indicators', 'indicator.read', <IndicatorsPage />],
  ['indicators/:code', 'indicator.read', <IndicatorDetailPage />],
  ['data-entry', 'data.enter', <DataEntryPage />],
  ['data-approvals', 'data.approve', <ApprovalsPage />],
  ['workbench', 'report.write', <WorkbenchPage />],
  ['supervision', 'supervision.read', <BoardPage />],
  ['supervision/ledger', 'supervision.read', <LedgerPage />],
  ['supervision/notices', 'supervision.read', <NoticesPage />],
  ['supervision/meetings', 'supervision.read', <MeetingsPage />],
  ['supervision/instructions', 'supervision.read', <InstructionsPage />],
  ['cases/dispatch', 'case.dispatch', <CaseQueuePage key="dispatch" queue="dispatch" />],
  ['cases/unit', 'case.handle', <CaseQueuePage key="unit" queue="unit" />],
  ['cases/verify', 'case.verify', <CaseQueuePage key="verify" queue="verify" />],
  ['cases', 'case.read', <CaseQueuePage key="all" queue="all" />],
  ['cases/stats', 'case.read', <CaseStatsPage />],
  ['cases/map', 'case.read', <CaseMapPage />],
  ['cases/config', 'case.configure', <CaseConfigPage />],
  ['cases/:id', 'case.read', <CaseLink />],
  ['evaluation/frameworks', 'evaluation.read', <FrameworksPage />],
  ['evaluation/frameworks/:id', 'evaluation.read', <FrameworksPage />],
  ['evaluation/rounds', 'evaluation.read', <RoundsPage />],
  ['evaluation/rounds/:id', 'evaluation.read', <RoundsPage />],
  ['evaluation/rounds/:id/score', 'evaluation.read', <ScoringPage />],
  ['evaluation/rounds/:id/scorecards/:code', 'evaluation.read', <ScorecardPage />],
  ['evaluation/rankings', 'evaluation.read', <RankingsPage />],
  ['evaluation/incidents', 'evaluation.read', <EvaluationIncidentsPage />],
  ['evaluation/titles', 'evaluation.read', <TitlesPage />],
  ['evaluation/results', 'evaluation.read', <EvaluationResultsPage />],
  ['regions', null, <RegionsPage />],
  ['region-groups', null, <RegionGroupsPage />],
  ['org-units', 'org.read', <OrgUnitsPage />],
  ['users', 'user.read', <UsersPage />],
  ['supervision/office-prefixes', 'supervision.write', <OfficePrefixPage />],
  ['audit', 'audit.read', <AuditPage />],
];

function LocalisedApp() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryProvider>
          <AuthProvider>
            <BrowserRouter>
              <Suspense fallback={<Spin fullscreen />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  {/* Residents' pages: public, no account, outside the staff shell. */}
                  <Route element={<PublicLayout />}>
                    <Route path="public" element={<PublicLandingPage />} />
                    <Route path="report" element={<PublicReportPage />} />
                    <Route path="track" element={<Navigate to="/public" replace />} />
                    <Route path="track/:number" element={<PublicTrackPage />} />
                    <Route path="privacy" element={<PublicPrivacyPage />} />
                  </Route>
                  {/* The printable publication stands alone: a document, without the shell's menu. */}
                  <Route
                    path="/evaluation/rounds/:id/publication"
                    element={<RequireAuth>{guarded('evaluation.read', <PublicationPage />)}</RequireAuth>}
                  />
                  {/* The display wall (大屏): one fixed screen, no shell, no controls. */}
                  <Route path="/wall" element={<RequireAuth>{guarded('indicator.read', <WallPage />)}</RequireAuth>} />
                  <Route
                    path="/wall/:regionCode"
                    element={<RequireAuth>{guarded('indicator.read', <WallPage />)}</RequireAuth>}
                  />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    {/* Everyone starts at their 工作台: what needs them today. */}
                    <Route index element={<Navigate to="/home" replace />} />
                    <Route path="home" element={<HomePage />} />
                    {shellPages.map(([path, permission, page]) => (
                      <Route key={path} path={path} element={permission ? guarded(permission, page) : page} />
                    ))}
                    <Route path="evaluation" element={<Navigate to="/evaluation/rounds" replace />} />
                    <Route path="*" element={<Navigate to="/home" replace />} />
                  </Route>
                </Routes>
              </Suspense>
            </BrowserRouter>
          </AuthProvider>
        </QueryProvider>
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
