import { reversePaymentSchema, type PaymentItem, type ReversePaymentInput } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { Figure } from "./Figures";
import { useFormErrors } from "../../lib/use-form-errors";
import { ConfirmStep } from "../../components/ConfirmStep";
import { useIdempotencyKey } from "./use-idempotency-key";
import { useRefreshMoney } from "./use-refresh-money";
import { ReasonField } from "./money-fields";
import { CheckStep } from "./CheckStep";
import { useConfirmation } from "./use-confirmation";

const FIELDS = ["reason"] as const;

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
  const { confirming, confirm, edit, backToForm } = useConfirmation<ReversePaymentInput>(ids.heading);
  const { key } = useIdempotencyKey();
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: () => ids.reason });
  const [reason, setReason] = useState("");
  const name = `versement n° ${payment.id}`;

  const mutation = useMutation(
    trpc.finance.reversePayment.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`Le ${name} (${formatCents(payment.amountCents)}) a été contre-passé.`);
      },
      onError: (error) => {
        if (fieldErrors.fromServer(error)) backToForm();
      },
    }),
  );

  function check(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = reversePaymentSchema.safeParse({ paymentId: payment.id, reason, idempotencyKey: key });
    confirm(
      fieldErrors.check(
        parsed,
        parsed.success || parsed.error.issues.some((issue) => issue.path[0] === "reason")
          ? {}
          : { reason: "Le motif n'est pas valide." },
      ),
    );
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
      <ConfirmStep
        headingId={ids.heading}
        title={`Confirmer la contre-passation du ${name}`}
        confirmLabel="Confirmer la contre-passation"
        onConfirm={() => mutation.mutate(confirming)}
        onEdit={() => edit(ids.reason)}
        editLabel="Modifier le motif"
        onCancel={onCancel}
        saving={mutation.isPending}
        error={mutation.error}
        errorTitle="Le versement n'a pas été contre-passé"
      >
        {facts}
        <p>
          Une écriture de {formatCents(-payment.amountCents)} datée d'aujourd'hui annulera ce versement ; le
          montant versé du lauréat diminuera d'autant. Une contre-passation ne se défait pas.
        </p>
        <p>Motif : {confirming.reason}</p>
      </ConfirmStep>
    );

  return (
    <CheckStep
      headingId={ids.heading}
      title={`Contre-passer le ${name}`}
      lead={facts}
      error={mutation.error}
      errorTitle="Le versement n'a pas été contre-passé"
      onCheck={check}
      onCancel={onCancel}
    >
      <ReasonField
        id={ids.reason}
        label="Motif de la contre-passation"
        hint="5 caractères au moins ; il figure dans la liste des versements et dans le journal."
        value={reason}
        error={fieldErrors.errors.reason}
        onChange={setReason}
      />
    </CheckStep>
  );
}
