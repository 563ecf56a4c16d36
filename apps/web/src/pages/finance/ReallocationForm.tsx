import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { reallocateSchema, type ReallocateInput } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, parseEuros } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { AMOUNT_INVALID, type AllocatedLaureate } from "../../features/finance/AllocationForm";
import { DataTable } from "../../components/DataTable";
import { fieldState, issuesByField, serverFieldErrorsOf } from "../../lib/form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SavingStatus } from "../../components/Panel";
import { useIdempotencyKey } from "../../features/finance/use-idempotency-key";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshMoney } from "../../features/finance/use-refresh-money";
import { AMOUNT_HINT, AmountField, ReasonField, CheckOrCancel } from "../../features/finance/money-fields";

interface ReallocationFormProps {
  laureates: AllocatedLaureate[];
  /** The unallocated reserve, unchanged by a reallocation; undefined when it could not be read. */
  reserveCents: number | undefined;
  onDone: (message: string) => void | Promise<void>;
  onCancel: () => void;
}

type Field = "from" | "to" | "amount" | "reason";
const FIELDS: readonly Field[] = ["from", "to", "amount", "reason"];
const SERVER_FIELDS: Record<string, Field> = {
  fromLaureateSlug: "from",
  toLaureateSlug: "to",
  amountCents: "amount",
  reason: "reason",
};

/** Moves part of one laureate's allocation to another's in one step; the reserve does not change. */
export function ReallocationForm({ laureates, reserveCents, onDone, onCancel }: ReallocationFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids: Record<Field | "heading", string> = {
    heading: `${baseId}-titre`,
    from: `${baseId}-origine`,
    to: `${baseId}-destination`,
    amount: `${baseId}-montant`,
    reason: `${baseId}-motif`,
  };
  const focus = usePendingFocus(ids.heading);
  const { key } = useIdempotencyKey();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState<ReallocateInput | null>(null);

  const bySlug = new Map(laureates.map((laureate) => [laureate.slug, laureate]));
  const titleOf = (slug: string) => bySlug.get(slug)?.title ?? slug;
  const allocatedOf = (slug: string) => bySlug.get(slug)?.allocatedCents ?? 0;

  function refuse(nextErrors: Partial<Record<Field, string>>) {
    setErrors(nextErrors);
    setConfirming(null);
    const first = FIELDS.find((field) => nextErrors[field]);
    if (first) focus(ids[first]);
  }

  const mutation = useMutation(
    trpc.finance.reallocate.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        await onDone(
          `${formatCents(input.amountCents)} ont été réaffectés de « ${titleOf(input.fromLaureateSlug)} » à « ${titleOf(input.toLaureateSlug)} ».`,
        );
      },
      onError: (error) => {
        const serverErrors: Partial<Record<Field, string>> = {};
        for (const [field, message] of Object.entries(serverFieldErrorsOf(error))) {
          const mapped = SERVER_FIELDS[field];
          if (mapped) serverErrors[mapped] = message;
        }
        if (Object.keys(serverErrors).length > 0) refuse(serverErrors);
      },
    }),
  );

  function check(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const amountCents = parseEuros(amount);
    const nextErrors: Partial<Record<Field, string>> = {};
    if (from === "") nextErrors.from = "Choisissez le lauréat d'origine.";
    if (to === "") nextErrors.to = "Choisissez le lauréat de destination.";
    if (amountCents === null) nextErrors.amount = AMOUNT_INVALID;
    else if (from !== "" && amountCents > allocatedOf(from))
      nextErrors.amount = `Le lauréat d'origine n'a que ${formatCents(allocatedOf(from))} alloués.`;
    const parsed = reallocateSchema.safeParse({
      fromLaureateSlug: from,
      toLaureateSlug: to,
      amountCents: amountCents ?? 0,
      reason,
      idempotencyKey: key,
    });
    if (!parsed.success) {
      const issues = issuesByField(parsed.error.issues);
      for (const [field, message] of Object.entries(issues)) {
        const mapped = SERVER_FIELDS[field];
        if (mapped) nextErrors[mapped] ??= message;
      }
    }
    if (!parsed.success || FIELDS.some((field) => nextErrors[field])) {
      refuse(nextErrors);
      return;
    }
    setErrors({});
    setConfirming(parsed.data);
    focus(ids.heading);
  }

  if (confirming) {
    const fromBefore = allocatedOf(confirming.fromLaureateSlug);
    const toBefore = allocatedOf(confirming.toLaureateSlug);
    return (
      <Panel headingId={ids.heading} title="Confirmer la réaffectation">
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
        {mutation.error && (
          <ActionErrorAlert error={mutation.error} title="La réaffectation n'a pas été faite" />
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
              Confirmer la réaffectation
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={mutation.isPending}
              onClick={() => {
                setConfirming(null);
                focus(ids.amount);
              }}
            >
              Modifier la saisie
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
  }

  const options = laureates.map((laureate) => (
    <option key={laureate.slug} value={laureate.slug}>
      {laureate.title} —{" "}
      {laureate.allocatedCents === null ? "non alloué" : formatCents(laureate.allocatedCents)}
    </option>
  ));
  return (
    <Panel headingId={ids.heading} title="Réaffecter un montant entre deux lauréats">
      <p className={fr.cx("fr-text--sm")}>
        Le montant quitte l'allocation du premier lauréat pour celle du second ; la réserve non allouée ne
        change pas. Seule la part non versée peut être réaffectée. Tous les champs sont obligatoires.
      </p>
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="La réaffectation n'a pas été faite" />
      )}
      <form noValidate aria-labelledby={ids.heading} onSubmit={check}>
        <Select
          label="Lauréat d'origine"
          {...fieldState(errors.from)}
          nativeSelectProps={{
            id: ids.from,
            value: from,
            "aria-invalid": errors.from ? true : undefined,
            onChange: (event) => setFrom(event.target.value),
          }}
        >
          <option value="" disabled>
            Choisir le lauréat qui cède le montant
          </option>
          {options}
        </Select>
        <Select
          label="Lauréat de destination"
          {...fieldState(errors.to)}
          nativeSelectProps={{
            id: ids.to,
            value: to,
            "aria-invalid": errors.to ? true : undefined,
            onChange: (event) => setTo(event.target.value),
          }}
        >
          <option value="" disabled>
            Choisir le lauréat qui reçoit le montant
          </option>
          {options}
        </Select>
        <AmountField
          id={ids.amount}
          label="Montant à réaffecter (en euros)"
          hint={AMOUNT_HINT}
          value={amount}
          error={errors.amount}
          onChange={setAmount}
        />
        <ReasonField
          id={ids.reason}
          label="Motif de la réaffectation"
          hint="5 caractères au moins ; il figure dans l'historique des deux allocations."
          value={reason}
          error={errors.reason}
          onChange={setReason}
        />
        <CheckOrCancel onCancel={onCancel} />
      </form>
    </Panel>
  );
}
