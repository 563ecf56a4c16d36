import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { App } from "../App";
import { AppProviders } from "../AppProviders";
import { TEST_API_BASE_URL } from "./api-server";

/** The current URL, printed where tests can read it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderAt(url: string, content: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProviders queryClient={queryClient} apiBaseUrl={TEST_API_BASE_URL}>
      <MemoryRouter initialEntries={[url]}>
        {content}
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  );
}

/** Renders a page inside the app's providers, at `url`, matched against `path`. */
export function renderPage(
  page: ReactElement,
  { url = "/", path = "/" }: { url?: string; path?: string } = {},
) {
  return renderAt(
    url,
    <Routes>
      <Route path={path} element={page} />
    </Routes>,
  );
}

/** Renders the whole app (layout, route guards, lazy pages) at `url`. */
export function renderApp(url = "/") {
  return renderAt(url, <App />);
}
