import type { Cents } from "../money.js";
import { daysBetween } from "../dates.js";
import type { FundingModeKey } from "../laureate.js";
import type { FundingRecordItem, TrancheStatus } from "./schemas.js";

/** The facts of a funding record that the mode rules read. */
export type FundingFacts = Pick<FundingRecordItem, "conventionDate" | "ejNumber">;

/** A fact a mode requires before money moves, with the label the pages give it. */
export const FUNDING_FACT_LABELS = {
  conventionDate: "Date de la convention",
  ejNumber: "Numéro d'engagement juridique (EJ)",
} as const;
export type RequiredFundingFact = keyof typeof FUNDING_FACT_LABELS;
const FUNDING_FACT_ARTICLED: Record<RequiredFundingFact, string> = {
  conventionDate: "la date de la convention",
  ejNumber: "le numéro d'engagement juridique (EJ)",
};

/**
 * What each mode needs before a tranche's service fait, its payment request or
 * its payment. A subvention is committed by its signed convention and its EJ in
 * Chorus; a transfer of credits by the dated transfer decision (recorded in the
 * convention date field). A laureate whose mode is not set cannot be paid: the
 * rules to apply are unknown.
 */
const REQUIRED_BEFORE_MONEY: Record<
  Exclude<FundingModeKey, "non-precise">,
  readonly RequiredFundingFact[]
> = {
  subvention: ["conventionDate", "ejNumber"],
  transfert: ["conventionDate"],
};

/** How "engagé" reads for each mode, as written beside the figure. */
export const COMMITMENT_DEFINITIONS: Record<FundingModeKey, string> = {
  subvention:
    "Engagé : la convention de financement est datée et son engagement juridique (EJ) est saisi dans Chorus.",
  transfert: "Engagé : la décision de transfert de crédits est datée.",
  "non-precise": "Non engagé : le mode de financement n'est pas précisé.",
};

/** The facts still missing before money may move for a laureate of this mode; empty when none. */
export function missingFundingFacts(mode: FundingModeKey, facts: FundingFacts | null): RequiredFundingFact[] {
  if (mode === "non-precise") return ["conventionDate"];
  return REQUIRED_BEFORE_MONEY[mode].filter((fact) => !facts?.[fact]);
}

/** Whether the allocation is committed (engagé), by the rule of its mode. */
export function isCommitted(mode: FundingModeKey, facts: FundingFacts | null): boolean {
  return mode !== "non-precise" && missingFundingFacts(mode, facts).length === 0;
}

/** The French refusal for a money step missing its commitment, or null when the step may go ahead. */
export function commitmentRefusal(mode: FundingModeKey, facts: FundingFacts | null): string | null {
  if (mode === "non-precise") {
    return "Précisez d'abord le mode de financement de ce lauréat (subvention ou transfert de crédits).";
  }
  const missing = missingFundingFacts(mode, facts);
  if (missing.length === 0) return null;
  // "la date de la convention", "le numéro d'engagement juridique (EJ)": the acronym keeps its capitals.
  const labels = missing.map((fact) => FUNDING_FACT_ARTICLED[fact]);
  return mode === "subvention"
    ? `Une subvention ne peut avancer sans engagement : saisissez d'abord ${labels.join(" et ")} dans le dossier de financement.`
    : "Un transfert de crédits ne peut avancer sans sa décision : saisissez d'abord sa date dans le dossier de financement.";
}

/**
 * Restes à payer: what is committed and not yet paid. Money paid while the
 * allocation is not committed is not hidden behind a 0: it is reported as
 * such, and the controls list it.
 */
export interface RemainingToPay {
  committed: boolean;
  /** allocation − paid when committed; null otherwise. */
  remainingCents: Cents | null;
  /** Paid while not committed (0 when committed). */
  paidWithoutCommitmentCents: Cents;
}

export function remainingToPay(committed: boolean, allocationCents: Cents, paidCents: Cents): RemainingToPay {
  return committed
    ? { committed, remainingCents: allocationCents - paidCents, paidWithoutCommitmentCents: 0 }
    : { committed, remainingCents: null, paidWithoutCommitmentCents: paidCents };
}

/** Statuses of a tranche whose money is still to be paid. */
export const OPEN_TRANCHE_STATUSES = [
  "prevu",
  "service_fait",
  "demande_paiement",
] as const satisfies readonly TrancheStatus[];

export function isOpenTranche(status: TrancheStatus): boolean {
  return (OPEN_TRANCHE_STATUSES as readonly TrancheStatus[]).includes(status);
}

/**
 * Days a tranche is late on `today`: past its planned date and still open.
 * 0 when it is not late (paid, cancelled, or not yet due).
 */
export function trancheDaysLate(
  tranche: { status: TrancheStatus; plannedOn: string },
  today: string,
): number {
  if (!isOpenTranche(tranche.status)) return 0;
  return Math.max(0, daysBetween(tranche.plannedOn, today));
}

/** The steps that move money, which the funding-mode rules guard. */
export type MoneyStep = "service_fait" | "demande_paiement" | "paye";

/**
 * The French refusal of a money step (a tranche's service fait, payment
 * request or payment, a payment outside the schedule, an imported payment)
 * under the rules of the laureate's mode, or null when it may go ahead: the
 * commitment first (`commitmentRefusal`), then, for a transfer of credits
 * recorded as paid, the transfer's reference.
 */
export function moneyStepRefusal(
  step: MoneyStep,
  mode: FundingModeKey,
  facts: FundingFacts | null,
  reference: string | null | undefined,
): string | null {
  const uncommitted = commitmentRefusal(mode, facts);
  if (uncommitted) return uncommitted;
  if (step === "paye" && mode === "transfert" && !reference?.trim()) {
    return "Un transfert de crédits payé porte sa référence : saisissez la référence du transfert.";
  }
  return null;
}
