import { z } from "zod";
import type { Cents } from "../money.js";
import { laureateSlug } from "../identifiers.js";
import { idempotencyKeySchema, reasonSchema, type TrancheKind, type TrancheStatus } from "./schemas.js";

/** What the gap rules read of a tranche. */
export interface ScheduledTranche {
  kind: TrancheKind;
  position: number;
  plannedAmountCents: Cents;
  plannedOn: string;
  status: TrancheStatus;
  gatingMilestoneId: number | null;
}

/** Σ planned of the tranches not cancelled: what the schedule means to pay. */
export function plannedTotalCents(
  tranches: readonly Pick<ScheduledTranche, "status" | "plannedAmountCents">[],
) {
  return tranches
    .filter((tranche) => tranche.status !== "annule")
    .reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0);
}

/**
 * Écart échéancier / montant alloué: allocated − planned. Positive when part
 * of the allocation is in no tranche, negative when the schedule plans more
 * than is allocated.
 */
export function scheduleGapCents(
  tranches: readonly Pick<ScheduledTranche, "status" | "plannedAmountCents">[],
  allocationCents: Cents,
): Cents {
  return allocationCents - plannedTotalCents(tranches);
}

/** A tranche as `finance.planSchedule` takes it: the still-planned part of a schedule. */
export interface PlannedTrancheDraft {
  kind: TrancheKind;
  plannedAmountCents: Cents;
  plannedOn: string;
  gatingMilestoneId: number | null;
}

/** Why a gap cannot be absorbed by the tranches still planned. */
export const REBALANCE_BLOCKERS = {
  aucune_tranche_prevue:
    "Aucune tranche n'est encore « prévue » : ajoutez une tranche à l'échéancier, ou gardez l'écart avec son motif.",
  tranches_engagees:
    "Les tranches déjà engagées dans le circuit (service fait, demande de paiement, payées) dépassent à elles seules le montant alloué : annulez-en une ou revoyez l'allocation.",
} as const;
export type RebalanceBlocker = keyof typeof REBALANCE_BLOCKERS;

export interface ScheduleRebalance {
  gapCents: Cents;
  /** True when the proposal brings the planned total to the allocation exactly. */
  absorbable: boolean;
  blocker: RebalanceBlocker | null;
  /** The still-planned tranches after rebalancing, in order: what `planSchedule` receives. */
  planned: PlannedTrancheDraft[];
  /** The planned tranches whose amount changes; `toCents` 0 means the tranche is withdrawn. */
  changes: { position: number; kind: TrancheKind; fromCents: Cents; toCents: Cents }[];
}

/**
 * The schedule brought back to the allocation by changing only tranches still
 * "prévu" (those under way or paid are commitments already made to the
 * beneficiary). The latest planned tranche absorbs the gap: it is normally the
 * solde, paid on the final report, the one a revised amount changes. A rise
 * goes to it; a cut is taken from it, then from the planned tranches before
 * it, latest first, a tranche brought to 0 being withdrawn. The tranches
 * nearest in time, usually already announced, keep their amounts.
 */
export function rebalanceSchedule(
  tranches: readonly ScheduledTranche[],
  allocationCents: Cents,
): ScheduleRebalance {
  const gapCents = scheduleGapCents(tranches, allocationCents);
  const planned = tranches
    .filter((tranche) => tranche.status === "prevu")
    .sort((left, right) => left.position - right.position);
  const unchanged = planned.map(({ kind, plannedAmountCents, plannedOn, gatingMilestoneId }) => ({
    kind,
    plannedAmountCents,
    plannedOn,
    gatingMilestoneId,
  }));
  const refused = (blocker: RebalanceBlocker): ScheduleRebalance => ({
    gapCents,
    absorbable: false,
    blocker,
    planned: unchanged,
    changes: [],
  });
  if (gapCents === 0) return { gapCents, absorbable: true, blocker: null, planned: unchanged, changes: [] };
  if (planned.length === 0) return refused(gapCents > 0 ? "aucune_tranche_prevue" : "tranches_engagees");
  const amounts = planned.map((tranche) => tranche.plannedAmountCents);
  if (gapCents > 0) {
    amounts[amounts.length - 1] = (amounts.at(-1) ?? 0) + gapCents;
  } else {
    let excess = -gapCents;
    if (excess > amounts.reduce((sum, amount) => sum + amount, 0)) return refused("tranches_engagees");
    for (let index = amounts.length - 1; index >= 0 && excess > 0; index -= 1) {
      const taken = Math.min(excess, amounts[index] ?? 0);
      amounts[index] = (amounts[index] ?? 0) - taken;
      excess -= taken;
    }
  }
  return {
    gapCents,
    absorbable: true,
    blocker: null,
    planned: unchanged
      .map((tranche, index) => ({ ...tranche, plannedAmountCents: amounts[index] ?? 0 }))
      .filter((tranche) => tranche.plannedAmountCents > 0),
    changes: planned.flatMap((tranche, index) =>
      amounts[index] === tranche.plannedAmountCents
        ? []
        : [
            {
              position: tranche.position,
              kind: tranche.kind,
              fromCents: tranche.plannedAmountCents,
              toCents: amounts[index] ?? 0,
            },
          ],
    ),
  };
}

/**
 * The officer keeps a gap between the schedule and the allocation, with the
 * reason; the gap read on the page is sent back so that a gap that has moved
 * since is not accepted unseen.
 */
export const acceptScheduleGapSchema = z.object({
  laureateSlug,
  gapCents: z
    .number()
    .int()
    .refine((value) => value !== 0, { error: "L'échéancier suit déjà l'allocation." }),
  reason: reasonSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type AcceptScheduleGapInput = z.infer<typeof acceptScheduleGapSchema>;

/** A laureate's schedule against its allocation, and the gap the officer kept, if any. */
export interface ScheduleGap {
  allocatedCents: Cents;
  plannedCents: Cents;
  gapCents: Cents;
  /** The gap kept with its reason; it applies only while the gap is still that amount. */
  accepted: { gapCents: Cents; reason: string; acceptedAt: Date; actorName: string | null } | null;
}

/** Whether the gap on the page is the one the officer kept (a gap that moved is asked about again). */
export function isGapAccepted(gap: Pick<ScheduleGap, "gapCents" | "accepted">): boolean {
  return gap.gapCents !== 0 && gap.accepted?.gapCents === gap.gapCents;
}
