import type { MoveTrancheInput, TrancheItem } from "@defis/domain";
import { formatCents, formatDate, parseEuros } from "../../lib/format";
import type { FieldErrors } from "../../lib/use-form-errors";
import { AMOUNT_INVALID } from "./AllocationForm";
import type { TrancheStep } from "./finance-labels";

export type StepField = "on" | "reference" | "amount" | "reason";
export type StepEntries = Record<StepField, string>;

/** What a step writes besides the tranche, its version, the step and its date. */
type StepDetails = Pick<MoveTrancheInput, "reference" | "amountCents" | "reason">;

/** One step of a tranche: its texts, the fields it asks, its checks and what it sends. */
export interface StepConfig {
  title: string;
  dateLabel: string;
  submitLabel: string;
  /** After the planned amount: which fields are required. */
  requirement: string;
  /** The fields besides the date, in the order of the page. */
  fields: readonly Exclude<StepField, "on">[];
  referenceLabel?: string;
  referenceHint?: string;
  /** The step's own checks, before the shared schema's. */
  check: (entries: StepEntries) => FieldErrors<StepField>;
  details: (entries: StepEntries) => StepDetails;
  doneMessage: (name: string, input: MoveTrancheInput, tranche: TrancheItem) => string;
  /** An irreversible step asks first: what its confirmation says. */
  confirmation?: {
    title: string;
    label: string;
    warning: string;
    errorTitle: string;
    /** The field "Modifier la saisie" goes back to. */
    editField: StepField;
  };
}

const reference = (entries: StepEntries) =>
  entries.reference.trim() === "" ? {} : { reference: entries.reference };

const noChecks = () => ({});

export const TRANCHE_STEPS: Record<TrancheStep, StepConfig> = {
  service_fait: {
    title: "Constater le service fait",
    dateLabel: "Date du service fait",
    submitLabel: "Enregistrer le service fait",
    requirement: " Sauf mention contraire, les champs sont obligatoires.",
    fields: [],
    check: noChecks,
    details: () => ({}),
    doneMessage: (name, input) => `${name} : service fait le ${formatDate(input.on)}.`,
  },
  demande_paiement: {
    title: "Enregistrer la demande de paiement",
    dateLabel: "Date de la demande de paiement",
    submitLabel: "Enregistrer la demande de paiement",
    requirement: " Sauf mention contraire, les champs sont obligatoires.",
    fields: ["reference"],
    referenceLabel: "Numéro de la demande de paiement (DP) (facultatif)",
    referenceHint: "Tel que Chorus l'a attribué.",
    check: noChecks,
    details: reference,
    doneMessage: (name, input) => `${name} : demande de paiement du ${formatDate(input.on)} enregistrée.`,
  },
  paye: {
    title: "Enregistrer le paiement",
    dateLabel: "Date du paiement",
    submitLabel: "Vérifier avant d'enregistrer",
    requirement: " Sauf mention contraire, les champs sont obligatoires.",
    fields: ["amount", "reference"],
    referenceLabel: "Référence du paiement (facultative pour une subvention)",
    referenceHint:
      "Par exemple le numéro de mandat Chorus ; pour un transfert de crédits, la référence du transfert, obligatoire.",
    check: (entries) => {
      const amountCents = parseEuros(entries.amount);
      if (amountCents === null) return { amount: AMOUNT_INVALID };
      return amountCents === 0 ? { amount: "Le montant payé doit être positif." } : {};
    },
    details: (entries) => ({ ...reference(entries), amountCents: parseEuros(entries.amount) ?? 0 }),
    doneMessage: (name, input, tranche) =>
      `${name} : paiement de ${formatCents(input.amountCents ?? tranche.plannedAmountCents)} enregistré le ${formatDate(input.on)}.`,
    confirmation: {
      title: "Confirmer le paiement",
      label: "Confirmer le paiement",
      warning: "Un paiement enregistré ne se modifie plus : une erreur se corrige par une contre-passation.",
      errorTitle: "Le paiement n'a pas été enregistré",
      editField: "amount",
    },
  },
  annule: {
    title: "Annuler la tranche",
    dateLabel: "Date de l'annulation",
    submitLabel: "Vérifier avant d'enregistrer",
    requirement: " Le motif est obligatoire.",
    fields: ["reason"],
    check: (entries) =>
      entries.reason.trim().length < 5
        ? { reason: "Indiquez le motif de l'annulation (5 caractères au moins)." }
        : {},
    details: (entries) => ({ reason: entries.reason }),
    doneMessage: (name, input) => `${name} annulée le ${formatDate(input.on)}.`,
    confirmation: {
      title: "Confirmer l'annulation",
      label: "Confirmer l'annulation",
      warning: "Une tranche annulée ne peut pas être rétablie : il faudra planifier une nouvelle tranche.",
      errorTitle: "La tranche n'a pas été annulée",
      editField: "reason",
    },
  },
};
