import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";

interface ReasonedButtonProps {
  id: string;
  children: ReactNode;
  /** Why the server would refuse the action now; null when it may go ahead. */
  reason: string | null;
  onClick: () => void;
  priority?: "primary" | "secondary" | "tertiary";
  size?: "small" | "medium";
  busy?: boolean;
  ariaExpanded?: boolean;
}

/**
 * An action the server would refuse right now is not hidden: it shows
 * disabled, its reason written beside it and given as the button's
 * description, so that a screen reader says why along with the button.
 */
export function ReasonedButton({
  id,
  children,
  reason,
  onClick,
  priority = "primary",
  size = "medium",
  busy = false,
  ariaExpanded,
}: ReasonedButtonProps) {
  const reasonId = `${id}-raison`;
  return (
    <>
      <Button
        priority={priority}
        size={size}
        disabled={reason !== null || busy}
        nativeButtonProps={{
          id,
          type: "button",
          ...(reason ? { "aria-describedby": reasonId } : {}),
          ...(ariaExpanded === undefined ? {} : { "aria-expanded": ariaExpanded }),
        }}
        onClick={() => {
          if (reason === null && !busy) onClick();
        }}
      >
        {children}
      </Button>
      {reason && (
        <p id={reasonId} className={fr.cx("fr-hint-text", "fr-mt-1v", "fr-mb-0")}>
          {reason}
        </p>
      )}
    </>
  );
}
