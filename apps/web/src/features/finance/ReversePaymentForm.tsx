import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { reversePaymentSchema, type PaymentItem, type ReversePaymentInput } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { Figure } from "./Figures";
import { issuesByField, serverFieldErrorsOf } from "../../lib/form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SavingStatus } from "../../components/Panel";
import { useIdempotencyKey } from "./use-idempotency-key";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshMoney } from "./use-refresh-money";
import { ReasonField, CheckOrCancel } from "./money-fields";

interface ReversePaymentFormProps {
  payment: PaymentItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * A paid amount is never edited: a reversal, dated today by the server and
 * with its reason, cancels it in the ledger. Asked, then confirmed.
 */
export function ReversePaymentForm({ payment, onDone, onCancel }: ReversePaymentFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids = { heading: `${baseId}-titre`, reason: `${baseId}-motif` };
  const focus = usePendingFocus(ids.heading);
  const { key } = useIdempotencyKey();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<ReversePaymentInput | null>(null);
  const name = `versement n° ${payment.id}`;

  const mutation = useMutation(
    trpc.finance.reversePayment.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`Le ${name} (${formatCents(payment.amountCents)}) a été contre-passé.`);
      },
      onError: (failure) => {
        const message = serverFieldErrorsOf(failure).reason;
        if (message) {
          setError(message);
          setConfirming(null);
          focus(ids.reason);
        }
      },
    }),
  );

  function check(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = reversePaymentSchema.safeParse({ paymentId: payment.id, reason, idempotencyKey: key });
    if (!parsed.success) {
      setError(issuesByField(parsed.error.issues).reason ?? "Le motif n'est pas valide.");
      focus(ids.reason);
      return;
    }
    setError(undefined);
    setConfirming(parsed.data);
    focus(ids.heading);
  }

  const facts = (
    <dl>
      <Figure label="Date du versement">{formatDate(payment.paidOn)}</Figure>
      <Figure label="Montant">{formatCents(payment.amountCents)}</Figure>
      <Figure label="Référence">{payment.reference ?? "Aucune"}</Figure>
    </dl>
  );

  if (confirming)
    return (
      <Panel headingId={ids.heading} title={`Confirmer la contre-passation du ${name}`}>
        {facts}
        <p>
          Une écriture de {formatCents(-payment.amountCents)} datée d'aujourd'hui annulera ce versement ; le
          montant versé du lauréat diminuera d'autant. Une contre-passation ne se défait pas.
        </p>
        <p>Motif : {confirming.reason}</p>
        {mutation.error && (
          <ActionErrorAlert error={mutation.error} title="Le versement n'a pas été contre-passé" />
        )}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button
              type="button"
              disabled={mutation.isPending}
              onClick={() => {
                if (!mutation.isPending) mutation.mutate(confirming);
              }}
            >
              Confirmer la contre-passation
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={mutation.isPending}
              onClick={() => {
                setConfirming(null);
                focus(ids.reason);
              }}
            >
              Modifier le motif
            </Button>
          </li>
          <li>
            <Button type="button" priority="tertiary" disabled={mutation.isPending} onClick={onCancel}>
              Annuler
            </Button>
          </li>
        </ul>
        <SavingStatus saving={mutation.isPending} />
      </Panel>
    );

  return (
    <Panel headingId={ids.heading} title={`Contre-passer le ${name}`}>
      {facts}
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="Le versement n'a pas été contre-passé" />
      )}
      <form noValidate aria-labelledby={ids.heading} onSubmit={check}>
        <ReasonField
          id={ids.reason}
          label="Motif de la contre-passation"
          hint="5 caractères au moins ; il figure dans la liste des versements et dans le journal."
          value={reason}
          error={error}
          onChange={setReason}
        />
        <CheckOrCancel onCancel={onCancel} />
      </form>
    </Panel>
  );
}
