import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  planScheduleSchema,
  proposeSchedule,
  TRANCHE_KINDS,
  type TrancheItem,
  type TrancheKind,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { formatCents, formatCentsForInput, parisToday, parseEuros, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { AMOUNT_INVALID } from "./AllocationForm";
import { fieldState } from "../../lib/form-errors";
import { useFormErrors } from "../../lib/use-form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { RemoveLineButton } from "../../components/RemoveLineButton";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { useIdempotencyKey } from "./use-idempotency-key";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshMoney } from "./use-refresh-money";

/** One line of the schedule being drafted; `key` follows the line when others are removed. */
interface DraftTranche {
  key: number;
  kind: TrancheKind;
  amount: string;
  plannedOn: string;
  /** The milestone a tranche already planned waits for: an edit keeps it. */
  gatingMilestoneId: number | null;
}

const LINE_FIELDS = ["kind", "amount", "plannedOn"] as const;
type LineField = (typeof LINE_FIELDS)[number];
type ErrorKey = `${number}.${LineField}` | "total";

const TRANCHE_KIND_KEYS = Object.keys(TRANCHE_KINDS) as TrancheKind[];
const isTrancheKind = (value: string): value is TrancheKind => value in TRANCHE_KINDS;

/** The same day `months` months later, on the month's last day when it has no such day ("2024-01-31" + 1 → "2024-02-29"). */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The usual shape (avance 30 %, acomptes, solde 20 %), one tranche every six months from `start`. */
function proposedLines(
  availableCents: number,
  acomptes: number,
  start: string,
  firstKey: number,
): DraftTranche[] {
  return proposeSchedule(availableCents, { acomptes }).map((tranche, index) => ({
    key: firstKey + index,
    kind: tranche.kind,
    amount: formatCentsForInput(tranche.amountCents),
    plannedOn: addMonths(start, 6 * index),
    gatingMilestoneId: null,
  }));
}

function linesOf(tranches: readonly TrancheItem[]): DraftTranche[] {
  return tranches.map((tranche, index) => ({
    key: index,
    kind: tranche.kind,
    amount: formatCentsForInput(tranche.plannedAmountCents),
    plannedOn: tranche.plannedOn,
    gatingMilestoneId: tranche.gatingMilestoneId,
  }));
}

interface SchedulePlannerProps {
  slug: string;
  allocationCents: number;
  tranches: TrancheItem[];
  /** "propose": start from the usual shape; "edit": from the tranches still planned. */
  mode: "propose" | "edit";
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Drafts the planned tranches, which the officer adjusts before saving: the
 * tranches still "prévu" are replaced, those under way stay as they are.
 */
export function SchedulePlanner({
  slug,
  allocationCents,
  tranches,
  mode,
  onDone,
  onCancel,
}: SchedulePlannerProps) {
  const trpc = useTRPC();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids = {
    heading: `${baseId}-titre`,
    acomptes: `${baseId}-acomptes`,
    add: `${baseId}-ajouter`,
    total: `${baseId}-total`,
    line: (key: number, field: LineField) => `${baseId}-tranche-${key}-${field}`,
  };
  const focus = usePendingFocus(ids.heading);
  const { key: idempotencyKey } = useIdempotencyKey();

  const underWay = tranches.filter((tranche) => tranche.status !== "prevu" && tranche.status !== "annule");
  const underWayCents = underWay.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0);
  const availableCents = allocationCents - underWayCents;
  const planned = tranches.filter((tranche) => tranche.status === "prevu");

  const [acomptes, setAcomptes] = useState("1");
  const [lines, setLines] = useState<DraftTranche[]>(() =>
    mode === "propose" ? proposedLines(availableCents, 1, parisToday(), 0) : linesOf(planned),
  );
  const [nextKey, setNextKey] = useState(lines.length);
  const fieldErrors = useFormErrors<ErrorKey>({
    // Line by line, then the total: the first wrong entry takes the focus.
    fields: [
      ...lines.flatMap((line) => LINE_FIELDS.map((field) => `${line.key}.${field}` as const)),
      "total",
    ],
    idOf: (field) => {
      if (field === "total") return ids.total;
      const [key, lineField] = field.split(".") as [string, LineField];
      return ids.line(Number(key), lineField);
    },
    rename: { tranches: "total" },
  });
  const { errors } = fieldErrors;

  const mutation = useMutation(
    trpc.finance.planSchedule.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        onDone(
          `L'échéancier a été enregistré : ${pluralize(result.planned, "tranche prévue", "tranches prévues")}.`,
        );
      },
      onError: fieldErrors.fromServer,
    }),
  );

  const totalCents = lines.reduce((sum, line) => sum + (parseEuros(line.amount) ?? 0), 0);

  function propose() {
    const count = Number(acomptes);
    setLines(proposedLines(availableCents, count, parisToday(), nextKey));
    setNextKey(nextKey + count + 2);
    fieldErrors.clear();
    focus(ids.total);
  }

  function addLine() {
    const last = lines.at(-1);
    setLines([
      ...lines,
      {
        key: nextKey,
        kind: "acompte",
        amount: "",
        plannedOn: last ? addMonths(last.plannedOn, 6) : parisToday(),
        gatingMilestoneId: null,
      },
    ]);
    setNextKey(nextKey + 1);
    focus(ids.line(nextKey, "kind"));
  }

  function removeLine(key: number) {
    setLines(lines.filter((line) => line.key !== key));
    focus(ids.add);
  }

  function changeLine(key: number, change: Partial<Omit<DraftTranche, "key">>) {
    setLines(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const nextErrors: Partial<Record<ErrorKey, string>> = {};
    const drafted = lines.map((line) => {
      const amountCents = parseEuros(line.amount);
      if (amountCents === null) nextErrors[`${line.key}.amount`] = AMOUNT_INVALID;
      else if (amountCents === 0) nextErrors[`${line.key}.amount`] = "Le montant prévu doit être positif.";
      if (line.plannedOn === "")
        nextErrors[`${line.key}.plannedOn`] = "Indiquez la date prévue, au format JJ/MM/AAAA.";
      return {
        kind: line.kind,
        plannedAmountCents: amountCents ?? 0,
        plannedOn: line.plannedOn,
        gatingMilestoneId: line.gatingMilestoneId,
      };
    });
    if (totalCents > availableCents)
      nextErrors.total = `Le total des tranches prévues (${formatCents(totalCents)}) dépasse le montant disponible (${formatCents(availableCents)}).`;
    const parsed = planScheduleSchema.safeParse({ laureateSlug: slug, tranches: drafted, idempotencyKey });
    if (!parsed.success && Object.keys(nextErrors).length === 0)
      nextErrors.total = parsed.error.issues[0]?.message ?? "L'échéancier n'est pas valide.";
    if (fieldErrors.show(nextErrors) || !parsed.success) mutation.reset();
    else mutation.mutate(parsed.data);
  }

  return (
    <Panel
      headingId={ids.heading}
      title={mode === "propose" ? "Proposer un échéancier" : "Modifier les tranches prévues"}
    >
      <p className={fr.cx("fr-text--sm")}>
        Les tranches prévues enregistrées remplacent celles qui le sont déjà ; les tranches engagées dans le
        circuit (service fait, demande de paiement, payées) ne changent pas. Montant disponible :{" "}
        <strong>{formatCents(availableCents)}</strong>
        {underWayCents > 0 && (
          <>
            {" "}
            (alloué {formatCents(allocationCents)}, moins {formatCents(underWayCents)} de tranches en cours)
          </>
        )}
        .
      </p>
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="L'échéancier n'a pas été enregistré" />
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-3w")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Select
            label="Nombre d'acomptes"
            hint="Avance 30 %, acomptes égaux, solde 20 %."
            nativeSelectProps={{
              id: ids.acomptes,
              value: acomptes,
              onChange: (event) => setAcomptes(event.target.value),
            }}
          >
            {["0", "1", "2", "3", "4"].map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
          <Button type="button" priority="secondary" className={fr.cx("fr-mb-3w")} onClick={propose}>
            Proposer la répartition
          </Button>
        </div>
      </div>
      <form noValidate aria-labelledby={ids.heading} onSubmit={submit}>
        {lines.length === 0 && <p>Aucune tranche prévue : l'enregistrement retirera les tranches prévues.</p>}
        {lines.map((line, index) => (
          <fieldset key={line.key} className={fr.cx("fr-fieldset")}>
            <legend className={fr.cx("fr-fieldset__legend", "fr-fieldset__legend--regular")}>
              Tranche prévue {index + 1}
            </legend>
            <div className={fr.cx("fr-fieldset__element")}>
              <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
                <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
                  <Select
                    label="Type"
                    nativeSelectProps={{
                      id: ids.line(line.key, "kind"),
                      value: line.kind,
                      onChange: (event) => {
                        const kind = event.target.value;
                        if (isTrancheKind(kind)) changeLine(line.key, { kind });
                      },
                    }}
                  >
                    {TRANCHE_KIND_KEYS.map((kind) => (
                      <option key={kind} value={kind}>
                        {TRANCHE_KINDS[kind]}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
                  <Input
                    label="Montant prévu (en euros)"
                    {...fieldState(errors[`${line.key}.amount`])}
                    nativeInputProps={{
                      id: ids.line(line.key, "amount"),
                      inputMode: "decimal",
                      autoComplete: "off",
                      value: line.amount,
                      "aria-invalid": errors[`${line.key}.amount`] ? true : undefined,
                      onChange: (event) => changeLine(line.key, { amount: event.target.value }),
                    }}
                  />
                </div>
                <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
                  <Input
                    label="Date prévue"
                    {...fieldState(errors[`${line.key}.plannedOn`])}
                    nativeInputProps={{
                      id: ids.line(line.key, "plannedOn"),
                      type: "date",
                      value: line.plannedOn,
                      "aria-invalid": errors[`${line.key}.plannedOn`] ? true : undefined,
                      onChange: (event) => changeLine(line.key, { plannedOn: event.target.value }),
                    }}
                  />
                </div>
                <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
                  <RemoveLineButton
                    line={`la tranche prévue ${index + 1}`}
                    onRemove={() => removeLine(line.key)}
                  />
                </div>
              </div>
            </div>
          </fieldset>
        ))}
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          className={fr.cx("fr-mb-3w")}
          nativeButtonProps={{ id: ids.add }}
          disabled={lines.length >= 24}
          onClick={addLine}
        >
          Ajouter une tranche
        </Button>
        <div id={ids.total} tabIndex={-1} aria-live="polite" className={fr.cx("fr-mb-3w")}>
          <p className={fr.cx("fr-mb-1w")}>
            Total des tranches prévues : <strong>{formatCents(totalCents)}</strong> sur{" "}
            {formatCents(availableCents)} disponibles
            {totalCents <= availableCents && (
              <> ; reste à planifier : {formatCents(availableCents - totalCents)}</>
            )}
            .
          </p>
          {errors.total && <p className={fr.cx("fr-message", "fr-message--error")}>{errors.total}</p>}
        </div>
        <SubmitOrCancel label="Enregistrer l'échéancier" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
