import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { LoadingState } from "./components/QueryStates";
import { ROUTES } from "./routes";

// One chunk per page: a page loads only its own code.
const HomePage = lazy(() => import("./pages/home/HomePage"));
const LaureatePage = lazy(() => import("./pages/laureate/LaureatePage"));
const AccessibilityPage = lazy(() => import("./pages/legal/AccessibilityPage"));
const LegalNoticePage = lazy(() => import("./pages/legal/LegalNoticePage"));
const PersonalDataPage = lazy(() => import("./pages/legal/PersonalDataPage"));
const NotFoundPage = lazy(() => import("./pages/not-found/NotFoundPage"));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<LoadingState label="Chargement de la page" />}>
        <Routes>
          <Route path={ROUTES.home} element={<HomePage />} />
          <Route path="/laureats/:slug" element={<LaureatePage />} />
          <Route path={ROUTES.accessibility} element={<AccessibilityPage />} />
          <Route path={ROUTES.legalNotice} element={<LegalNoticePage />} />
          <Route path={ROUTES.personalData} element={<PersonalDataPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
