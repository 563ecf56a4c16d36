import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { ActionErrorAlert } from "./ActionErrorAlert";
import { Panel, SavingStatus } from "./Panel";

interface ConfirmStepProps {
  headingId: string;
  title: string;
  /** The summary of what is about to be written, read back before it is. */
  children: ReactNode;
  confirmLabel: string;
  /**
   * Sends the write. The buttons are held while it runs and a second click
   * does nothing; a retry after a failure sends the same input (money
   * actions with the same idempotency key, so nothing is written twice).
   */
  onConfirm: () => void;
  /** Back to the form, its entries kept ("Modifier la saisie"); left out when there is nothing to edit. */
  onEdit?: () => void;
  editLabel?: string;
  onCancel: () => void;
  cancelLabel?: string;
  saving: boolean;
  /** The last attempt's failure, shown under the summary with `errorTitle`. */
  error: unknown;
  errorTitle: string;
  /** The panel's heading level: 3 inside a page's section, 2 where the panel is a part of the page itself, 4 in a subsection. */
  headingLevel?: 2 | 3 | 4;
  headingClassName?: "fr-h4" | "fr-h5" | "fr-h6";
}

/**
 * The step between a form and an irreversible or weighty write: what will
 * be written, then Confirmer / Modifier la saisie / Annuler, the saving
 * status and why the last attempt failed.
 */
export function ConfirmStep({
  headingId,
  title,
  children,
  confirmLabel,
  onConfirm,
  onEdit,
  editLabel = "Modifier la saisie",
  onCancel,
  cancelLabel = "Annuler",
  saving,
  error,
  errorTitle,
  headingLevel,
  headingClassName,
}: ConfirmStepProps) {
  return (
    <Panel
      headingId={headingId}
      title={title}
      headingLevel={headingLevel}
      headingClassName={headingClassName}
    >
      {children}
      {error ? <ActionErrorAlert error={error} title={errorTitle} /> : null}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button
            type="button"
            disabled={saving}
            onClick={() => {
              if (!saving) onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </li>
        {onEdit && (
          <li>
            <Button type="button" priority="secondary" disabled={saving} onClick={onEdit}>
              {editLabel}
            </Button>
          </li>
        )}
        <li>
          <Button
            type="button"
            priority={onEdit ? "tertiary" : "secondary"}
            disabled={saving}
            onClick={onCancel}
          >
            {cancelLabel}
          </Button>
        </li>
      </ul>
      <SavingStatus saving={saving} />
    </Panel>
  );
}
