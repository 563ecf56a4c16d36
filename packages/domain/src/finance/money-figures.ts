import type { Cents } from "../money.js";
import type { FundingModeKey } from "../laureate.js";
import { isCommitted, isOpenTranche, remainingToPay, type FundingFacts } from "./funding-rules.js";
import type { TrancheKind, TrancheStatus } from "./schemas.js";

/**
 * Committed on a day: the rule of the mode (`isCommitted`), the decision that
 * commits (convention or transfer, its date) taken on or before the day. The
 * figures of /finances, /pilotage and the exports all read it on the same
 * day (today, or the dashboard's "état au"); the SQL of
 * apps/api/src/finance/money-figures-sql.ts mirrors it, and a test holds both
 * to the same answers.
 */
export function isCommittedOn(mode: FundingModeKey, facts: FundingFacts | null, day: string): boolean {
  return isCommitted(mode, facts) && facts?.conventionDate != null && facts.conventionDate <= day;
}

/** Open on a day: open now, or paid or cancelled only after the day. */
export function isTrancheOpenOn(
  tranche: { status: TrancheStatus; paidOn: string | null; cancelledOn: string | null },
  day: string,
): boolean {
  if (isOpenTranche(tranche.status)) return true;
  const closedOn = tranche.status === "paye" ? tranche.paidOn : tranche.cancelledOn;
  return closedOn !== null && closedOn > day;
}

/** A tranche as the money figures read it, with the day its gating milestone was reached. */
export interface FigureTranche {
  status: TrancheStatus;
  plannedAmountCents: Cents;
  paidOn: string | null;
  cancelledOn: string | null;
  /** Null when the tranche waits for no milestone. */
  gate: { reachedOn: string | null } | null;
}

/**
 * Bloqué par un jalon: the planned money of the tranches open on the day
 * whose gating milestone was not reached by then.
 */
export function blockedByMilestoneCents(tranches: readonly FigureTranche[], day: string): Cents {
  return tranches
    .filter(
      (tranche) =>
        isTrancheOpenOn(tranche, day) &&
        tranche.gate !== null &&
        (tranche.gate.reachedOn === null || tranche.gate.reachedOn > day),
    )
    .reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0);
}

/** The money of a laureate (or a group of laureates) as every breakdown shows it. */
export interface MoneyFigures {
  allocatedCents: Cents;
  /** Allocations committed on the day (AE consumed). */
  committedCents: Cents;
  /** Allocated but not committed: alloué − engagé. */
  uncommittedCents: Cents;
  paidCents: Cents;
  /** Restes à payer: committed − paid, on committed allocations only (`remainingToPay`). */
  remainingToPayCents: Cents;
  blockedByMilestoneCents: Cents;
}

/** One laureate's figures on a day, by the shared rules: what the SQL sums laureate by laureate. */
export function laureateMoneyFigures(
  laureate: {
    mode: FundingModeKey;
    facts: FundingFacts | null;
    allocatedCents: Cents;
    paidCents: Cents;
    tranches: readonly FigureTranche[];
  },
  day: string,
): MoneyFigures {
  const committed = isCommittedOn(laureate.mode, laureate.facts, day);
  return {
    allocatedCents: laureate.allocatedCents,
    committedCents: committed ? laureate.allocatedCents : 0,
    uncommittedCents: committed ? 0 : laureate.allocatedCents,
    paidCents: laureate.paidCents,
    remainingToPayCents:
      remainingToPay(committed, laureate.allocatedCents, laureate.paidCents).remainingCents ?? 0,
    blockedByMilestoneCents: blockedByMilestoneCents(laureate.tranches, day),
  };
}

/** A tranche past its planned date and not paid, as /finances lists it. */
export interface LateTrancheItem {
  trancheId: number;
  laureateSlug: string;
  laureateTitle: string;
  kind: TrancheKind;
  position: number;
  status: TrancheStatus;
  plannedOn: string;
  plannedAmountCents: Cents;
  /** `trancheDaysLate` on the day of the reading. */
  daysLate: number;
}

export interface LateTranches {
  asOf: string;
  tranches: LateTrancheItem[];
  /** The money the late tranches hold: Σ of their planned amounts. */
  totalCents: Cents;
}
