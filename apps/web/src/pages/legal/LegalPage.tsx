import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../../lib/use-document-title";

export function LegalPage({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <article className={fr.cx("fr-my-6w", "fr-col-lg-9")}>
      <h1>{title}</h1>
      {children}
    </article>
  );
}
