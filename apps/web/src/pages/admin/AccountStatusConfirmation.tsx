import type { UserListItem } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { ConfirmStep } from "../../components/ConfirmStep";
import { useTRPC } from "../../lib/trpc";
import { usePendingFocus } from "../../lib/use-pending-focus";
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
  usePendingFocus(headingId);
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess: onDone }));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions({ onSuccess: onDone }));
  const mutation = user.active ? deactivate : reactivate;
  const name = ofName(user.displayName);

  return (
    <ConfirmStep
      headingId={headingId}
      headingLevel={2}
      headingClassName="fr-h4"
      title={user.active ? `Désactiver le compte ${name} ?` : `Réactiver le compte ${name} ?`}
      confirmLabel={user.active ? "Désactiver le compte" : "Réactiver le compte"}
      onConfirm={() => mutation.mutate({ userId: user.id })}
      onCancel={onCancel}
      saving={mutation.isPending}
      error={mutation.error}
      errorTitle={user.active ? "Le compte n'a pas été désactivé" : "Le compte n'a pas été réactivé"}
    >
      <p>
        {user.active
          ? "Ses sessions ouvertes seront fermées immédiatement."
          : "La personne pourra de nouveau se connecter, avec les droits de son rôle."}
      </p>
    </ConfirmStep>
  );
}
