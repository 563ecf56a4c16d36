import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/** A labelled figure of a description list: the label, then its value. */
export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className={fr.cx("fr-text--bold", "fr-mb-0")}>{label}</dt>
      <dd className={fr.cx("fr-mb-2w", "fr-ml-0")}>{children}</dd>
    </>
  );
}
