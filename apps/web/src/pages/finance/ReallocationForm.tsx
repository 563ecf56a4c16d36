import { fr } from "@codegouvfr/react-dsfr";
import { reallocateSchema, type ReallocateInput } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type ReactNode, type SubmitEvent } from "react";
import { formatCents, parseEuros } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { AMOUNT_INVALID, type AllocatedLaureate } from "../../features/finance/AllocationForm";
import { DataTable } from "../../components/DataTable";
import { useFormErrors, type FieldErrors } from "../../lib/use-form-errors";
import { ConfirmStep } from "../../components/ConfirmStep";
import { useIdempotencyKey } from "../../features/finance/use-idempotency-key";
import { useRefreshMoney } from "../../features/finance/use-refresh-money";
import { AmountAndReasonFields } from "../../features/finance/money-fields";
import { CheckStep } from "../../features/finance/CheckStep";
import { useConfirmation } from "../../features/finance/use-confirmation";
import { FieldSelect } from "../../components/VocabularySelect";

interface ReallocationFormProps {
  laureates: AllocatedLaureate[];
  /** The unallocated reserve, unchanged by a reallocation; undefined when it could not be read. */
  reserveCents: number | undefined;
  /** After the move, with the two laureates it changed (origin, destination). */
  onDone: (message: string, laureateSlugs: [string, string]) => void | Promise<void>;
  onCancel: () => void;
}

const FIELDS = ["from", "to", "amount", "reason"] as const;
const RENAMED = { fromLaureateSlug: "from", toLaureateSlug: "to", amountCents: "amount" } as const;

/** Moves part of one laureate's allocation to another's in one step; the reserve does not change. */
export function ReallocationForm({ laureates, reserveCents, onDone, onCancel }: ReallocationFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids = {
    heading: `${baseId}-titre`,
    from: `${baseId}-origine`,
    to: `${baseId}-destination`,
    amount: `${baseId}-montant`,
    reason: `${baseId}-motif`,
  };
  const { confirming, confirm, edit, backToForm } = useConfirmation<ReallocateInput>(ids.heading);
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: (field) => ids[field], rename: RENAMED });
  const { errors } = fieldErrors;
  const { key } = useIdempotencyKey();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");

  const bySlug = new Map(laureates.map((laureate) => [laureate.slug, laureate]));
  const titleOf = (slug: string) => bySlug.get(slug)?.title ?? slug;
  const allocatedOf = (slug: string) => bySlug.get(slug)?.allocatedCents ?? 0;

  const mutation = useMutation(
    trpc.finance.reallocate.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        await onDone(
          `${formatCents(input.amountCents)} ont été réaffectés de « ${titleOf(input.fromLaureateSlug)} » à « ${titleOf(input.toLaureateSlug)} ».`,
          [input.fromLaureateSlug, input.toLaureateSlug],
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
    const found: FieldErrors<(typeof FIELDS)[number]> = {};
    if (from === "") found.from = "Choisissez le lauréat d'origine.";
    if (to === "") found.to = "Choisissez le lauréat de destination.";
    if (amountCents === null) found.amount = AMOUNT_INVALID;
    else if (from !== "" && amountCents > allocatedOf(from))
      found.amount = `Le lauréat d'origine n'a que ${formatCents(allocatedOf(from))} alloués.`;
    confirm(
      fieldErrors.check(
        reallocateSchema.safeParse({
          fromLaureateSlug: from,
          toLaureateSlug: to,
          amountCents: amountCents ?? 0,
          reason,
          idempotencyKey: key,
        }),
        found,
      ),
    );
  }

  if (confirming) {
    const fromBefore = allocatedOf(confirming.fromLaureateSlug);
    const toBefore = allocatedOf(confirming.toLaureateSlug);
    return (
      <ConfirmStep
        headingId={ids.heading}
        title="Confirmer la réaffectation"
        confirmLabel="Confirmer la réaffectation"
        onConfirm={() => mutation.mutate(confirming)}
        onEdit={() => edit(ids.amount)}
        onCancel={onCancel}
        saving={mutation.isPending}
        error={mutation.error}
        errorTitle="La réaffectation n'a pas été faite"
      >
        <p>
          Montant réaffecté : <strong>{formatCents(confirming.amountCents)}</strong>. Motif :{" "}
          {confirming.reason}
        </p>
        <DataTable
          caption="Allocations avant et après la réaffectation"
          columns={[
            { header: "Lauréat" },
            { header: "Rôle" },
            { header: "Montant alloué avant", numeric: true },
            { header: "Montant alloué après", numeric: true },
          ]}
          rows={[
            {
              key: "origine",
              cells: [
                titleOf(confirming.fromLaureateSlug),
                "Origine",
                formatCents(fromBefore),
                formatCents(fromBefore - confirming.amountCents),
              ],
            },
            {
              key: "destination",
              cells: [
                titleOf(confirming.toLaureateSlug),
                "Destination",
                formatCents(toBefore),
                formatCents(toBefore + confirming.amountCents),
              ],
            },
          ]}
        />
        <p>
          Réserve non allouée après l'opération :{" "}
          {reserveCents === undefined ? "inchangée" : `${formatCents(reserveCents)} (inchangée)`}.
        </p>
      </ConfirmStep>
    );
  }

  const options = laureates.map((laureate) => (
    <option key={laureate.slug} value={laureate.slug}>
      {laureate.title} —{" "}
      {laureate.allocatedCents === null ? "non alloué" : formatCents(laureate.allocatedCents)}
    </option>
  ));
  return (
    <CheckStep
      headingId={ids.heading}
      title="Réaffecter un montant entre deux lauréats"
      lead={
        <p className={fr.cx("fr-text--sm")}>
          Le montant quitte l'allocation du premier lauréat pour celle du second ; la réserve non allouée ne
          change pas. Seule la part non versée peut être réaffectée. Tous les champs sont obligatoires.
        </p>
      }
      error={mutation.error}
      errorTitle="La réaffectation n'a pas été faite"
      onCheck={check}
      onCancel={onCancel}
    >
      <LaureateSelect
        id={ids.from}
        label="Lauréat d'origine"
        prompt="Choisir le lauréat qui cède le montant"
        value={from}
        error={errors.from}
        onChange={setFrom}
      >
        {options}
      </LaureateSelect>
      <LaureateSelect
        id={ids.to}
        label="Lauréat de destination"
        prompt="Choisir le lauréat qui reçoit le montant"
        value={to}
        error={errors.to}
        onChange={setTo}
      >
        {options}
      </LaureateSelect>
      <AmountAndReasonFields
        ids={ids}
        errors={errors}
        amount={{ label: "Montant à réaffecter (en euros)", value: amount, onChange: setAmount }}
        reason={{
          label: "Motif de la réaffectation",
          hint: "5 caractères au moins ; il figure dans l'historique des deux allocations.",
          value: reason,
          onChange: setReason,
        }}
      />
    </CheckStep>
  );
}

interface LaureateSelectProps {
  id: string;
  label: string;
  prompt: string;
  value: string;
  error: string | undefined;
  onChange: (slug: string) => void;
  children: ReactNode;
}

/** One end of the reallocation: a laureate among those listed, none chosen at first. */
function LaureateSelect({ id, label, prompt, value, error, onChange, children }: LaureateSelectProps) {
  return (
    <FieldSelect id={id} label={label} value={value} error={error} onChange={onChange}>
      <option value="" disabled>
        {prompt}
      </option>
      {children}
    </FieldSelect>
  );
}
