import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { describeError } from "../lib/trpc";

interface StaleVersionAlertProps {
  title: string;
  /** The refusal (CONFLICT): its French message says what changed meanwhile. */
  error: unknown;
  as: "h2" | "h3" | "h4";
  placement?: "above" | "below";
  /** What the record holds now, when the server sent it readable. */
  children?: ReactNode;
  /** How to start again: from the current values, or with one's own entries on the current version. */
  actionLabel: string;
  onAction: () => void;
  actionDisabled?: boolean;
}

/** Someone saved the record since it was read: nothing was written; announced at once, with a way to start again. */
export function StaleVersionAlert({
  title,
  error,
  as,
  placement = "above",
  children,
  actionLabel,
  onAction,
  actionDisabled = false,
}: StaleVersionAlertProps) {
  return (
    <Alert
      className={fr.cx(placement === "above" ? "fr-mb-3w" : "fr-mt-2w")}
      severity="warning"
      role="alert"
      as={as}
      title={title}
      description={
        <>
          <p className={fr.cx(children ? "fr-mb-1w" : "fr-mb-2w")}>{describeError(error).message}</p>
          {children}
          <Button
            priority="secondary"
            size="small"
            type="button"
            disabled={actionDisabled}
            onClick={onAction}
          >
            {actionLabel}
          </Button>
        </>
      }
    />
  );
}
