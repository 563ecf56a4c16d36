import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { moveTrancheSchema, type MoveTrancheInput, type TrancheItem } from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, formatCentsForInput, formatDate, parisToday } from "../../lib/format";
import { isStaleVersion, useTRPC } from "../../lib/trpc";
import { Figure } from "./Figures";
import { trancheName, type TrancheStep } from "./finance-labels";
import { fieldState } from "../../lib/form-errors";
import { useFormErrors } from "../../lib/use-form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { ConfirmStep } from "../../components/ConfirmStep";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { useIdempotencyKey } from "./use-idempotency-key";
import { useRefreshMoney } from "./use-refresh-money";
import { useConfirmation } from "./use-confirmation";
import { AMOUNT_HINT, AmountField, ReasonField } from "./money-fields";
import { TRANCHE_STEPS, type StepEntries, type StepField } from "./tranche-steps";

interface TrancheStepFormProps {
  tranche: TrancheItem;
  to: TrancheStep;
  slug: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * One step of a tranche, dated (today by default), with what its
 * configuration asks (reference, amount paid, reason), on the version of the
 * tranche read when the form opened.
 */
export function TrancheStepForm({ tranche, to, slug, onDone, onCancel }: TrancheStepFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshMoney();
  const step = TRANCHE_STEPS[to];
  const baseId = useId();
  const ids: Record<StepField | "heading", string> = {
    heading: `${baseId}-titre`,
    on: `${baseId}-date`,
    reference: `${baseId}-reference`,
    amount: `${baseId}-montant`,
    reason: `${baseId}-motif`,
  };
  const { confirming, confirm, edit, backToForm } = useConfirmation<MoveTrancheInput>(ids.heading);
  const fieldErrors = useFormErrors({
    fields: ["on", ...step.fields],
    idOf: (field) => ids[field],
    rename: { amountCents: "amount" },
  });
  const { errors } = fieldErrors;
  const { key } = useIdempotencyKey();
  const [version] = useState(tranche.version);
  const [entries, setEntries] = useState<StepEntries>(() => ({
    on: parisToday(),
    reference: "",
    amount: formatCentsForInput(tranche.plannedAmountCents),
    reason: "",
  }));
  const name = trancheName(tranche);
  const enter = (field: StepField) => (value: string) =>
    setEntries((before) => ({ ...before, [field]: value }));

  const mutation = useMutation(
    trpc.finance.moveTranche.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        onDone(step.doneMessage(name, input, tranche));
      },
      onError: (error) => {
        // Someone moved the tranche meanwhile: the schedule behind the form shows where it is now.
        if (isStaleVersion(error))
          void queryClient.invalidateQueries({ queryKey: trpc.finance.forLaureate.queryKey({ slug }) });
        if (fieldErrors.fromServer(error)) backToForm();
      },
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = step.check(entries);
    if (entries.on === "") found.on = "Indiquez la date, au format JJ/MM/AAAA.";
    const input = fieldErrors.check(
      moveTrancheSchema.safeParse({
        trancheId: tranche.id,
        version,
        to,
        on: entries.on,
        ...step.details(entries),
        idempotencyKey: key,
      }),
      found,
    );
    if (input === null) {
      mutation.reset();
      return;
    }
    if (step.confirmation) confirm(input);
    else mutation.mutate(input);
  }

  const backLabel = "Revenir à l'échéancier";

  if (confirming && step.confirmation) {
    const { confirmation } = step;
    return (
      <ConfirmStep
        headingId={ids.heading}
        title={`${confirmation.title} — ${name}`}
        confirmLabel={confirmation.label}
        // The same payload and key as the first attempt: a retry never pays twice.
        onConfirm={() => mutation.mutate(confirming)}
        onEdit={() => edit(ids[confirmation.editField])}
        onCancel={onCancel}
        cancelLabel={backLabel}
        saving={mutation.isPending}
        error={mutation.error}
        errorTitle={confirmation.errorTitle}
      >
        <dl>
          <Figure label="Montant prévu">{formatCents(tranche.plannedAmountCents)}</Figure>
          {step.fields.includes("amount") && (
            <Figure label="Montant payé">
              {formatCents(confirming.amountCents ?? tranche.plannedAmountCents)}
            </Figure>
          )}
          <Figure label={step.dateLabel}>{formatDate(confirming.on)}</Figure>
          {step.fields.includes("reference") && (
            <Figure label="Référence du paiement">{confirming.reference ?? "Aucune"}</Figure>
          )}
          {step.fields.includes("reason") && <Figure label="Motif">{confirming.reason ?? ""}</Figure>}
        </dl>
        <p>{confirmation.warning}</p>
      </ConfirmStep>
    );
  }

  return (
    <Panel headingId={ids.heading} title={`${step.title} — ${name}`}>
      <p className={fr.cx("fr-text--sm")}>
        Montant prévu : {formatCents(tranche.plannedAmountCents)}, le {formatDate(tranche.plannedOn)}.
        {step.requirement}
      </p>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="L'étape n'a pas été enregistrée" />}
      <form noValidate aria-labelledby={ids.heading} onSubmit={submit}>
        <Input
          label={step.dateLabel}
          hintText="Aujourd'hui par défaut."
          {...fieldState(errors.on)}
          nativeInputProps={{
            id: ids.on,
            type: "date",
            value: entries.on,
            "aria-invalid": errors.on ? true : undefined,
            onChange: (event) => enter("on")(event.target.value),
          }}
        />
        {step.fields.includes("amount") && (
          <AmountField
            id={ids.amount}
            label="Montant payé (en euros)"
            hint={`${AMOUNT_HINT} Le montant prévu par défaut.`}
            value={entries.amount}
            error={errors.amount}
            onChange={enter("amount")}
          />
        )}
        {step.fields.includes("reference") && (
          <Input
            label={step.referenceLabel}
            hintText={step.referenceHint}
            {...fieldState(errors.reference)}
            nativeInputProps={{
              id: ids.reference,
              maxLength: 100,
              autoComplete: "off",
              value: entries.reference,
              "aria-invalid": errors.reference ? true : undefined,
              onChange: (event) => enter("reference")(event.target.value),
            }}
          />
        )}
        {step.fields.includes("reason") && (
          <ReasonField
            id={ids.reason}
            label="Motif de l'annulation"
            hint="5 caractères au moins."
            value={entries.reason}
            error={errors.reason}
            onChange={enter("reason")}
          />
        )}
        <SubmitOrCancel
          label={step.submitLabel}
          pending={mutation.isPending}
          onCancel={onCancel}
          cancelLabel={backLabel}
          cancelPriority="tertiary"
        />
      </form>
    </Panel>
  );
}
