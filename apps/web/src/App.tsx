import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { LoadingState } from "./components/QueryStates";
import { RequirePermission, RequireSession } from "./components/RequireSession";
import { ROUTE_PATTERNS, ROUTES } from "./routes";

// One chunk per page: a page loads only its own code.
const HomePage = lazy(() => import("./pages/home/HomePage"));
const LaureatePage = lazy(() => import("./pages/laureate/LaureatePage"));
const MyProjectsPage = lazy(() => import("./pages/my-projects/MyProjectsPage"));
const GuidedUpdatePage = lazy(() => import("./pages/my-projects/GuidedUpdatePage"));
const ToChasePage = lazy(() => import("./pages/to-chase/ToChasePage"));
const DashboardPage = lazy(() => import("./pages/dashboard/DashboardPage"));
const SynthesisNotePage = lazy(() => import("./pages/dashboard-note/SynthesisNotePage"));
const ReviewsPage = lazy(() => import("./pages/reviews/ReviewsPage"));
const ReviewPage = lazy(() => import("./pages/reviews/ReviewPage"));
const FinancesPage = lazy(() => import("./pages/finance/FinancesPage"));
const ReplicationPage = lazy(() => import("./pages/replication/ReplicationPage"));
const ImportPage = lazy(() => import("./pages/finance-import/ImportPage"));
const MeasureImportPage = lazy(() => import("./pages/measure-import/MeasureImportPage"));
const ControlsPage = lazy(() => import("./pages/controls/ControlsPage"));
const JournalPage = lazy(() => import("./pages/journal/JournalPage"));
const SignInPage = lazy(() => import("./pages/sign-in/SignInPage"));
const UsersPage = lazy(() => import("./pages/admin/UsersPage"));
const CommonIndicatorsPage = lazy(() => import("./pages/common-indicators/CommonIndicatorsPage"));
const RemindersPage = lazy(() => import("./pages/reminders/RemindersPage"));
const AccessibilityPage = lazy(() => import("./pages/legal/AccessibilityPage"));
const LegalNoticePage = lazy(() => import("./pages/legal/LegalNoticePage"));
const PersonalDataPage = lazy(() => import("./pages/legal/PersonalDataPage"));
const HelpPage = lazy(() => import("./pages/help/HelpPage"));
const NotFoundPage = lazy(() => import("./components/NotFoundPage"));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<LoadingState label="Chargement de la page" />}>
        <Routes>
          {/* Open to everyone: signing in, and the pages the law requires to be public. */}
          <Route path={ROUTES.signIn} element={<SignInPage />} />
          <Route path={ROUTES.accessibility} element={<AccessibilityPage />} />
          <Route path={ROUTES.legalNotice} element={<LegalNoticePage />} />
          <Route path={ROUTES.personalData} element={<PersonalDataPage />} />
          <Route path={ROUTES.help} element={<HelpPage />} />

          {/* Everything else needs a signed-in person. */}
          <Route element={<RequireSession />}>
            <Route path={ROUTES.home} element={<HomePage />} />
            <Route path={ROUTE_PATTERNS.laureate} element={<LaureatePage />} />
            <Route
              path={ROUTES.myProjects}
              element={
                <RequirePermission permission="updateProgress">
                  <MyProjectsPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTE_PATTERNS.guidedUpdate}
              element={
                <RequirePermission permission="updateProgress">
                  <GuidedUpdatePage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.toChase}
              element={
                <RequirePermission permission="chaseUpdates">
                  <ToChasePage />
                </RequirePermission>
              }
            />
            <Route path={ROUTES.dashboard} element={<DashboardPage />} />
            <Route path={ROUTES.dashboardNote} element={<SynthesisNotePage />} />
            <Route path={ROUTES.reviews} element={<ReviewsPage />} />
            <Route path={ROUTE_PATTERNS.review} element={<ReviewPage />} />
            <Route path={ROUTES.finances} element={<FinancesPage />} />
            <Route path={ROUTES.replication} element={<ReplicationPage />} />
            <Route
              path={ROUTES.financesImport}
              element={
                <RequirePermission permission="manageMoney">
                  <ImportPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.measuresImport}
              element={
                <RequirePermission permission="defineIndicators">
                  <MeasureImportPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.controls}
              element={
                <RequirePermission permission="readControls">
                  <ControlsPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.journal}
              element={
                <RequirePermission permission="readAudit">
                  <JournalPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.commonIndicators}
              element={
                <RequirePermission permission="defineIndicators">
                  <CommonIndicatorsPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.reminders}
              element={
                <RequirePermission permission="readOutbox">
                  <RemindersPage />
                </RequirePermission>
              }
            />
            <Route
              path={ROUTES.admin}
              element={
                <RequirePermission permission="manageUsers">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </Layout>
  );
}
