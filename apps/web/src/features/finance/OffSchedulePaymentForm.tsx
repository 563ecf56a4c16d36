import { Input } from "@codegouvfr/react-dsfr/Input";
import { recordPaymentSchema, type RecordPaymentInput } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ConfirmStep } from "../../components/ConfirmStep";
import { fieldState } from "../../lib/form-errors";
import { formatCents, formatDate, parseEuros } from "../../lib/format";
import { useFormErrors } from "../../lib/use-form-errors";
import { useTRPC } from "../../lib/trpc";
import { AMOUNT_INVALID } from "./AllocationForm";
import { CheckStep } from "./CheckStep";
import { Figure } from "./Figures";
import { AMOUNT_HINT, AmountField, ReasonField } from "./money-fields";
import { useConfirmation } from "./use-confirmation";
import { useIdempotencyKey } from "./use-idempotency-key";
import { useRefreshMoney } from "./use-refresh-money";

const FIELDS = ["amountCents", "paidOn", "reference", "reason"] as const;
type Field = (typeof FIELDS)[number];

interface OffSchedulePaymentFormProps {
  slug: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * A payment outside the schedule ("hors échéancier"): the exception, so the
 * reason is required and the payment is listed as such. A planned tranche is
 * paid by its own "payé" step, never here. Asked, then confirmed.
 */
export function OffSchedulePaymentForm({ slug, onDone, onCancel }: OffSchedulePaymentFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids: Record<Field | "heading", string> = {
    heading: `${baseId}-titre`,
    amountCents: `${baseId}-montant`,
    paidOn: `${baseId}-date`,
    reference: `${baseId}-reference`,
    reason: `${baseId}-motif`,
  };
  const { confirming, confirm, edit, backToForm } = useConfirmation<RecordPaymentInput>(ids.heading);
  const { key } = useIdempotencyKey();
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: (field) => ids[field] });
  const { errors } = fieldErrors;
  const [amount, setAmount] = useState("");
  const [paidOn, setPaidOn] = useState("");
  const [reference, setReference] = useState("");
  const [reason, setReason] = useState("");

  const mutation = useMutation(
    trpc.finance.recordPayment.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        onDone(
          `Versement hors échéancier de ${formatCents(input.amountCents)} enregistré le ${formatDate(input.paidOn)}.`,
        );
      },
      onError: (error) => {
        if (fieldErrors.fromServer(error)) backToForm();
      },
    }),
  );

  function check(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const amountCents = parseEuros(amount);
    const parsed = recordPaymentSchema.safeParse({
      laureateSlug: slug,
      amountCents: amountCents ?? 0,
      paidOn,
      reference: reference.trim() === "" ? undefined : reference,
      reason,
      idempotencyKey: key,
    });
    confirm(fieldErrors.check(parsed, amountCents === null ? { amountCents: AMOUNT_INVALID } : {}));
  }

  if (confirming)
    return (
      <ConfirmStep
        headingId={ids.heading}
        title="Confirmer le versement hors échéancier"
        confirmLabel="Confirmer le versement"
        onConfirm={() => mutation.mutate(confirming)}
        onEdit={() => edit(ids.amountCents)}
        editLabel="Modifier la saisie"
        onCancel={onCancel}
        saving={mutation.isPending}
        error={mutation.error}
        errorTitle="Le versement n'a pas été enregistré"
      >
        <dl>
          <Figure label="Montant">{formatCents(confirming.amountCents)}</Figure>
          <Figure label="Date du versement">{formatDate(confirming.paidOn)}</Figure>
          <Figure label="Référence">{confirming.reference ?? "Aucune"}</Figure>
          <Figure label="Motif">{confirming.reason}</Figure>
        </dl>
        <p>
          Ce versement ne paie aucune tranche : il figurera « hors échéancier » dans la liste des versements.
          Un versement enregistré ne se modifie plus : une erreur se corrige par une contre-passation.
        </p>
      </ConfirmStep>
    );

  return (
    <CheckStep
      headingId={ids.heading}
      title="Versement hors échéancier"
      lead={
        <p>
          Pour une somme qu'aucune tranche ne prévoit. Une tranche de l'échéancier se paie par son étape «
          Payé ». Sauf mention contraire, les champs sont obligatoires.
        </p>
      }
      error={mutation.error}
      errorTitle="Le versement n'a pas été enregistré"
      onCheck={check}
      onCancel={onCancel}
    >
      <AmountField
        id={ids.amountCents}
        label="Montant versé"
        hint={AMOUNT_HINT}
        value={amount}
        error={errors.amountCents}
        onChange={(value) => {
          setAmount(value);
          fieldErrors.clear("amountCents");
        }}
      />
      <Input
        label="Date du versement"
        {...fieldState(errors.paidOn)}
        nativeInputProps={{
          id: ids.paidOn,
          type: "date",
          value: paidOn,
          "aria-invalid": errors.paidOn ? true : undefined,
          onChange: (event) => {
            setPaidOn(event.target.value);
            fieldErrors.clear("paidOn");
          },
        }}
      />
      <Input
        label="Référence du versement (facultatif pour une subvention)"
        hintText="Par exemple le numéro de mandat Chorus ; obligatoire pour un transfert de crédits."
        {...fieldState(errors.reference)}
        nativeInputProps={{
          id: ids.reference,
          autoComplete: "off",
          value: reference,
          "aria-invalid": errors.reference ? true : undefined,
          onChange: (event) => {
            setReference(event.target.value);
            fieldErrors.clear("reference");
          },
        }}
      />
      <ReasonField
        id={ids.reason}
        label="Pourquoi ce versement est hors échéancier"
        hint="5 caractères au moins ; il figure dans la liste des versements et dans le journal."
        value={reason}
        error={errors.reason}
        onChange={(value) => {
          setReason(value);
          fieldErrors.clear("reason");
        }}
      />
    </CheckStep>
  );
}
