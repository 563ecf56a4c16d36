import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode, SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel } from "../../components/Panel";

interface CheckStepProps {
  headingId: string;
  title: string;
  /** What the form is about, above it: the current figures, the payment concerned… */
  lead: ReactNode;
  /** The last attempt's failure, shown above the form with `errorTitle`. */
  error: unknown;
  errorTitle: string;
  onCheck: (event: SubmitEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * The first step of a money form: its fields, then "Vérifier avant
 * d'enregistrer", which leads to a confirmation, never straight to the write.
 */
export function CheckStep({
  headingId,
  title,
  lead,
  error,
  errorTitle,
  onCheck,
  onCancel,
  children,
}: CheckStepProps) {
  return (
    <Panel headingId={headingId} title={title}>
      {lead}
      {error !== null && error !== undefined && <ActionErrorAlert error={error} title={errorTitle} />}
      <form noValidate aria-labelledby={headingId} onSubmit={onCheck}>
        {children}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button type="submit">Vérifier avant d'enregistrer</Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={onCancel}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </Panel>
  );
}
