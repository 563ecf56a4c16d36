import { useEffect } from "react";

const SERVICE_NAME = "Défis";

/** Each page has its own title (RGAA 8.6): what the page is, then the service. */
export function useDocumentTitle(pageTitle: string): void {
  useEffect(() => {
    document.title = `${pageTitle} — ${SERVICE_NAME}`;
  }, [pageTitle]);
}
