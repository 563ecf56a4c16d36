import { fr } from "@codegouvfr/react-dsfr";
import { setAllocationSchema, type SetAllocationInput } from "@defis/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, formatCentsForInput, formatSignedCents, parseEuros } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { Figure } from "./Figures";
import { useFormErrors } from "../../lib/use-form-errors";
import { ConfirmStep } from "../../components/ConfirmStep";
import { useIdempotencyKey } from "./use-idempotency-key";
import { useRefreshMoney } from "./use-refresh-money";
import { AmountAndReasonFields } from "./money-fields";
import { CheckStep } from "./CheckStep";
import { useConfirmation } from "./use-confirmation";

export const AMOUNT_INVALID =
  "Saisissez un montant en euros, par exemple 12 345,67 (deux décimales au plus).";

export interface AllocatedLaureate {
  slug: string;
  title: string;
  /** Null while nothing is allocated. */
  allocatedCents: number | null;
}

interface AllocationFormProps {
  laureate: AllocatedLaureate;
  /** The unallocated reserve as last read; undefined when it could not be read. */
  reserveCents: number | undefined;
  /** What was already paid, when known (the laureate's page): an allocation never goes below it. */
  paidCents?: number;
  onDone: (message: string) => void | Promise<void>;
  onCancel: () => void;
}

const FIELDS = ["amount", "reason"] as const;
const RENAMED = { amountCents: "amount" } as const;

/**
 * Sets a laureate's allocation to a new amount, with its reason, after a
 * confirmation that shows the amounts before and after and the reserve left.
 */
export function AllocationForm({ laureate, reserveCents, paidCents, onDone, onCancel }: AllocationFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids = { heading: `${baseId}-titre`, amount: `${baseId}-montant`, reason: `${baseId}-motif` };
  const { confirming, confirm, edit, backToForm } = useConfirmation<SetAllocationInput>(ids.heading);
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: (field) => ids[field], rename: RENAMED });
  const { errors } = fieldErrors;
  const { key } = useIdempotencyKey();
  const current = laureate.allocatedCents ?? 0;
  // The schedule as it stands: the confirmation says what gap the new amount leaves with it.
  const gap = useQuery(trpc.finance.scheduleGap.queryOptions({ slug: laureate.slug }));

  const [amount, setAmount] = useState(
    laureate.allocatedCents === null ? "" : formatCentsForInput(laureate.allocatedCents),
  );
  const [reason, setReason] = useState("");

  const mutation = useMutation(
    trpc.finance.setAllocation.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        await onDone(
          `L'allocation de « ${laureate.title} » est désormais de ${formatCents(result.amountAfterCents)}.`,
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
    let amountError: string | undefined;
    if (amountCents === null) amountError = AMOUNT_INVALID;
    else if (laureate.allocatedCents !== null && amountCents === current)
      amountError = "Ce montant est celui déjà alloué : saisissez le nouveau montant.";
    else if (paidCents !== undefined && amountCents < paidCents)
      amountError = `Le montant ne peut pas descendre sous ce qui a déjà été versé (${formatCents(paidCents)}).`;
    else if (reserveCents !== undefined && amountCents - current > reserveCents)
      amountError = `L'augmentation dépasse la réserve non allouée (${formatCents(reserveCents)}) : ${formatCents(current + reserveCents)} au plus.`;
    confirm(
      fieldErrors.check(
        setAllocationSchema.safeParse({
          laureateSlug: laureate.slug,
          amountCents: amountCents ?? 0,
          reason,
          idempotencyKey: key,
        }),
        amountError === undefined ? {} : { amount: amountError },
      ),
    );
  }

  if (confirming) {
    const delta = confirming.amountCents - current;
    return (
      <ConfirmStep
        headingId={ids.heading}
        title={`Confirmer la nouvelle allocation de « ${laureate.title} »`}
        confirmLabel="Confirmer la nouvelle allocation"
        onConfirm={() => mutation.mutate(confirming)}
        onEdit={() => edit(ids.amount)}
        onCancel={onCancel}
        saving={mutation.isPending}
        error={mutation.error}
        errorTitle="L'allocation n'a pas été modifiée"
      >
        <dl>
          <Figure label="Montant alloué actuel">
            {laureate.allocatedCents === null ? "Non alloué" : formatCents(current)}
          </Figure>
          <Figure label="Nouveau montant alloué">{formatCents(confirming.amountCents)}</Figure>
          <Figure label="Variation">{formatSignedCents(delta)}</Figure>
          <Figure label="Réserve non allouée après l'opération">
            {reserveCents === undefined
              ? "Inconnue (les chiffres de l'enveloppe n'ont pas pu être lus)"
              : `${formatCents(reserveCents - delta)} (au lieu de ${formatCents(reserveCents)})`}
          </Figure>
          {gap.data && (
            <Figure label="Écart échéancier / montant alloué après l'opération">
              {formatSignedCents(confirming.amountCents - gap.data.plannedCents)} (échéancier prévu :{" "}
              {formatCents(gap.data.plannedCents)})
              {confirming.amountCents !== gap.data.plannedCents &&
                " ; un échéancier rééquilibré vous sera proposé, ou vous garderez l'écart avec son motif."}
            </Figure>
          )}
          <Figure label="Motif">{confirming.reason}</Figure>
        </dl>
      </ConfirmStep>
    );
  }

  return (
    <CheckStep
      headingId={ids.heading}
      title={`Modifier l'allocation de « ${laureate.title} »`}
      lead={
        <p className={fr.cx("fr-text--sm")}>
          Montant alloué actuel : {laureate.allocatedCents === null ? "non alloué" : formatCents(current)}
          {reserveCents !== undefined && <> ; réserve non allouée : {formatCents(reserveCents)}</>}. Tous les
          champs sont obligatoires.
        </p>
      }
      error={mutation.error}
      errorTitle="L'allocation n'a pas été modifiée"
      onCheck={check}
      onCancel={onCancel}
    >
      <AmountAndReasonFields
        ids={ids}
        errors={errors}
        amount={{ label: "Nouveau montant alloué (en euros)", value: amount, onChange: setAmount }}
        reason={{
          label: "Motif de la modification",
          hint: "5 caractères au moins ; il figure dans l'historique de l'allocation.",
          value: reason,
          onChange: setReason,
        }}
      />
    </CheckStep>
  );
}
