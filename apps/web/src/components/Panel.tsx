import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";

interface PanelProps {
  headingId: string;
  title: string;
  children: ReactNode;
}

/** An action's frame: a labelled region whose heading takes the focus when it opens or changes step. */
export function Panel({ headingId, title, children }: PanelProps) {
  return (
    <section
      aria-labelledby={headingId}
      className={fr.cx("fr-p-3w", "fr-mb-4w")}
      style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}` }}
    >
      <h3 id={headingId} tabIndex={-1} className={fr.cx("fr-h5")}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** While a mutation runs: said once, politely. */
export function SavingStatus({ saving }: { saving: boolean }) {
  return (
    <p role="status" className={fr.cx("fr-text--sm", "fr-mb-0")}>
      {saving ? "Enregistrement en cours…" : ""}
    </p>
  );
}

/** A form's two buttons (its action, "Annuler"), both held while it saves, and the saving status. */
export function SubmitOrCancel({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button type="submit" disabled={pending}>
            {label}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" disabled={pending} onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
      <SavingStatus saving={pending} />
    </>
  );
}
