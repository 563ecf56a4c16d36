import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { UserListItem } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { describeError, useTRPC } from "../../lib/trpc";
import { ofName } from "./account-labels";

interface AccountStatusConfirmationProps {
  /** Active accounts are offered deactivation, deactivated ones reactivation. */
  user: UserListItem;
  onDone: (saved: UserListItem) => Promise<void>;
  onCancel: () => void;
}

/** Asks before an account is deactivated or reactivated: both take effect at once. */
export function AccountStatusConfirmation({ user, onDone, onCancel }: AccountStatusConfirmationProps) {
  const trpc = useTRPC();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess: onDone }));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions({ onSuccess: onDone }));
  const mutation = user.active ? deactivate : reactivate;
  const failure = mutation.error ? describeError(mutation.error) : null;
  const name = ofName(user.displayName);

  return (
    <section
      aria-labelledby={headingId}
      className={fr.cx("fr-p-3w", "fr-mb-4w")}
      style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}` }}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={fr.cx("fr-h4")}>
        {user.active ? `Désactiver le compte ${name} ?` : `Réactiver le compte ${name} ?`}
      </h2>
      <p>
        {user.active
          ? "Ses sessions ouvertes seront fermées immédiatement."
          : "La personne pourra de nouveau se connecter, avec les droits de son rôle."}
      </p>
      {failure && (
        <Alert
          severity="error"
          role="alert"
          as="h3"
          className={fr.cx("fr-mb-3w")}
          title={user.active ? "Le compte n'a pas été désactivé" : "Le compte n'a pas été réactivé"}
          description={
            <>
              {failure.message}
              {failure.requestId && <> (référence : {failure.requestId})</>}
            </>
          }
        />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button
            type="button"
            onClick={() => {
              if (!mutation.isPending) mutation.mutate({ userId: user.id });
            }}
          >
            {user.active ? "Désactiver le compte" : "Réactiver le compte"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
      {mutation.isPending && (
        <p role="status" className={fr.cx("fr-text--sm")}>
          Enregistrement en cours…
        </p>
      )}
    </section>
  );
}
