import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { moveTrancheSchema, type MoveTrancheInput, type TrancheItem } from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, formatCentsForInput, formatDate, parisToday, parseEuros } from "../../lib/format";
import { isStaleVersion, useTRPC } from "../../lib/trpc";
import { AMOUNT_INVALID } from "./AllocationForm";
import { Figure } from "./Figures";
import { trancheName, type TrancheStep } from "./finance-labels";
import { fieldState, issuesByField, serverFieldErrorsOf } from "../../lib/form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SavingStatus } from "../../components/Panel";
import { useIdempotencyKey } from "./use-idempotency-key";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshMoney } from "./use-refresh-money";
import { AMOUNT_HINT, AmountField, ReasonField } from "./money-fields";

type Field = "on" | "reference" | "amount" | "reason";
const FIELDS: readonly Field[] = ["on", "reference", "amount", "reason"];
const SERVER_FIELDS: Record<string, Field> = {
  on: "on",
  reference: "reference",
  amountCents: "amount",
  reason: "reason",
};

const STEP_TEXTS: Record<TrancheStep, { title: string; date: string; submit: string }> = {
  service_fait: {
    title: "Constater le service fait",
    date: "Date du service fait",
    submit: "Enregistrer le service fait",
  },
  demande_paiement: {
    title: "Enregistrer la demande de paiement",
    date: "Date de la demande de paiement",
    submit: "Enregistrer la demande de paiement",
  },
  paye: {
    title: "Enregistrer le paiement",
    date: "Date du paiement",
    submit: "Vérifier avant d'enregistrer",
  },
  annule: {
    title: "Annuler la tranche",
    date: "Date de l'annulation",
    submit: "Vérifier avant d'enregistrer",
  },
};

/** Paying and cancelling cannot be undone (a payment is corrected by a reversal): both ask first. */
const IRREVERSIBLE: ReadonlySet<TrancheStep> = new Set(["paye", "annule"]);

function doneMessage(tranche: TrancheItem, input: MoveTrancheInput): string {
  const name = trancheName(tranche);
  switch (input.to) {
    case "service_fait":
      return `${name} : service fait le ${formatDate(input.on)}.`;
    case "demande_paiement":
      return `${name} : demande de paiement du ${formatDate(input.on)} enregistrée.`;
    case "paye":
      return `${name} : paiement de ${formatCents(input.amountCents ?? tranche.plannedAmountCents)} enregistré le ${formatDate(input.on)}.`;
    case "annule":
      return `${name} annulée le ${formatDate(input.on)}.`;
  }
}

interface TrancheStepFormProps {
  tranche: TrancheItem;
  to: TrancheStep;
  slug: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * One step of a tranche, dated (today by default), with its reference or
 * reason, on the version of the tranche read when the form opened.
 */
export function TrancheStepForm({ tranche, to, slug, onDone, onCancel }: TrancheStepFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids: Record<Field | "heading", string> = {
    heading: `${baseId}-titre`,
    on: `${baseId}-date`,
    reference: `${baseId}-reference`,
    amount: `${baseId}-montant`,
    reason: `${baseId}-motif`,
  };
  const focus = usePendingFocus(ids.heading);
  const { key } = useIdempotencyKey();
  const [version] = useState(tranche.version);
  const [on, setOn] = useState(parisToday);
  const [reference, setReference] = useState("");
  const [amount, setAmount] = useState(() => formatCentsForInput(tranche.plannedAmountCents));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState<MoveTrancheInput | null>(null);
  const texts = STEP_TEXTS[to];
  const name = trancheName(tranche);

  function refuse(nextErrors: Partial<Record<Field, string>>) {
    setErrors(nextErrors);
    setConfirming(null);
    const first = FIELDS.find((field) => nextErrors[field]);
    if (first) focus(ids[first]);
  }

  const mutation = useMutation(
    trpc.finance.moveTranche.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        onDone(doneMessage(tranche, input));
      },
      onError: (error) => {
        // Someone moved the tranche meanwhile: the schedule behind the form shows where it is now.
        if (isStaleVersion(error))
          void queryClient.invalidateQueries({ queryKey: trpc.finance.forLaureate.queryKey({ slug }) });
        const serverErrors: Partial<Record<Field, string>> = {};
        for (const [field, message] of Object.entries(serverFieldErrorsOf(error))) {
          const mapped = SERVER_FIELDS[field];
          if (mapped) serverErrors[mapped] = message;
        }
        if (Object.keys(serverErrors).length > 0) refuse(serverErrors);
      },
    }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const nextErrors: Partial<Record<Field, string>> = {};
    if (on === "") nextErrors.on = "Indiquez la date, au format JJ/MM/AAAA.";
    const amountCents = to === "paye" ? parseEuros(amount) : null;
    if (to === "paye") {
      if (amountCents === null) nextErrors.amount = AMOUNT_INVALID;
      else if (amountCents === 0) nextErrors.amount = "Le montant payé doit être positif.";
    }
    if (to === "annule" && reason.trim().length < 5)
      nextErrors.reason = "Indiquez le motif de l'annulation (5 caractères au moins).";
    const withReference = (to === "demande_paiement" || to === "paye") && reference.trim() !== "";
    const parsed = moveTrancheSchema.safeParse({
      trancheId: tranche.id,
      version,
      to,
      on,
      ...(withReference ? { reference } : {}),
      ...(to === "paye" ? { amountCents: amountCents ?? 0 } : {}),
      ...(to === "annule" ? { reason } : {}),
      idempotencyKey: key,
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(issuesByField(parsed.error.issues))) {
        const mapped = SERVER_FIELDS[field];
        if (mapped) nextErrors[mapped] ??= message;
      }
    }
    if (!parsed.success || FIELDS.some((field) => nextErrors[field])) {
      mutation.reset();
      refuse(nextErrors);
      return;
    }
    setErrors({});
    if (IRREVERSIBLE.has(to)) {
      setConfirming(parsed.data);
      focus(ids.heading);
    } else {
      mutation.mutate(parsed.data);
    }
  }

  const closeButton = (
    <Button type="button" priority="tertiary" disabled={mutation.isPending} onClick={onCancel}>
      Revenir à l'échéancier
    </Button>
  );

  if (confirming) {
    const paying = confirming.to === "paye";
    return (
      <Panel
        headingId={ids.heading}
        title={paying ? `Confirmer le paiement — ${name}` : `Confirmer l'annulation — ${name}`}
      >
        <dl>
          <Figure label="Montant prévu">{formatCents(tranche.plannedAmountCents)}</Figure>
          {paying && (
            <Figure label="Montant payé">
              {formatCents(confirming.amountCents ?? tranche.plannedAmountCents)}
            </Figure>
          )}
          <Figure label={texts.date}>{formatDate(confirming.on)}</Figure>
          {paying && <Figure label="Référence du paiement">{confirming.reference ?? "Aucune"}</Figure>}
          {!paying && <Figure label="Motif">{confirming.reason ?? ""}</Figure>}
        </dl>
        <p>
          {paying
            ? "Un paiement enregistré ne se modifie plus : une erreur se corrige par une contre-passation."
            : "Une tranche annulée ne peut pas être rétablie : il faudra planifier une nouvelle tranche."}
        </p>
        {mutation.error && (
          <ActionErrorAlert
            error={mutation.error}
            title={paying ? "Le paiement n'a pas été enregistré" : "La tranche n'a pas été annulée"}
          />
        )}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button
              type="button"
              disabled={mutation.isPending}
              onClick={() => {
                // The same payload and key as the first attempt: a retry never pays twice.
                if (!mutation.isPending) mutation.mutate(confirming);
              }}
            >
              {paying ? "Confirmer le paiement" : "Confirmer l'annulation"}
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={mutation.isPending}
              onClick={() => {
                setConfirming(null);
                focus(paying ? ids.amount : ids.reason);
              }}
            >
              Modifier la saisie
            </Button>
          </li>
          <li>{closeButton}</li>
        </ul>
        <SavingStatus saving={mutation.isPending} />
      </Panel>
    );
  }

  return (
    <Panel headingId={ids.heading} title={`${texts.title} — ${name}`}>
      <p className={fr.cx("fr-text--sm")}>
        Montant prévu : {formatCents(tranche.plannedAmountCents)}, le {formatDate(tranche.plannedOn)}.
        {to === "annule"
          ? " Le motif est obligatoire."
          : " Sauf mention contraire, les champs sont obligatoires."}
      </p>
      {mutation.error && <ActionErrorAlert error={mutation.error} title="L'étape n'a pas été enregistrée" />}
      <form noValidate aria-labelledby={ids.heading} onSubmit={submit}>
        <Input
          label={texts.date}
          hintText="Aujourd'hui par défaut."
          {...fieldState(errors.on)}
          nativeInputProps={{
            id: ids.on,
            type: "date",
            value: on,
            "aria-invalid": errors.on ? true : undefined,
            onChange: (event) => setOn(event.target.value),
          }}
        />
        {to === "paye" && (
          <AmountField
            id={ids.amount}
            label="Montant payé (en euros)"
            hint={`${AMOUNT_HINT} Le montant prévu par défaut.`}
            value={amount}
            error={errors.amount}
            onChange={setAmount}
          />
        )}
        {(to === "demande_paiement" || to === "paye") && (
          <Input
            label={
              to === "paye"
                ? "Référence du paiement (facultatif)"
                : "Numéro de la demande de paiement (DP) (facultatif)"
            }
            hintText={
              to === "paye" ? "Par exemple le numéro de mandat Chorus." : "Tel que Chorus l'a attribué."
            }
            {...fieldState(errors.reference)}
            nativeInputProps={{
              id: ids.reference,
              maxLength: 100,
              autoComplete: "off",
              value: reference,
              "aria-invalid": errors.reference ? true : undefined,
              onChange: (event) => setReference(event.target.value),
            }}
          />
        )}
        {to === "annule" && (
          <ReasonField
            id={ids.reason}
            label="Motif de l'annulation"
            hint="5 caractères au moins."
            value={reason}
            error={errors.reason}
            onChange={setReason}
          />
        )}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button type="submit" disabled={mutation.isPending}>
              {texts.submit}
            </Button>
          </li>
          <li>{closeButton}</li>
        </ul>
        <SavingStatus saving={mutation.isPending} />
      </form>
    </Panel>
  );
}
