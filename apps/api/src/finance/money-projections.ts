import { schema } from "@defis/db";
import type { MilestoneStatus, TrancheItem } from "@defis/domain";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { milestones, payments, tranches } = schema;

/** A tranche's own facts, as the laureate's finances and the exports show them. */
export const TRANCHE_COLUMNS = {
  kind: tranches.kind,
  position: tranches.position,
  plannedAmountCents: tranches.plannedAmountCents,
  plannedOn: tranches.plannedOn,
  status: tranches.status,
  serviceFaitOn: tranches.serviceFaitOn,
  paymentRequestedOn: tranches.paymentRequestedOn,
  paymentRequestReference: tranches.paymentRequestReference,
  paidOn: tranches.paidOn,
  cancelledOn: tranches.cancelledOn,
  cancellationReason: tranches.cancellationReason,
};
export type TrancheFacts = Pick<TrancheItem, keyof typeof TRANCHE_COLUMNS>;

/** The milestone a tranche waits for: select these over the tranches left-joined to `GATE_JOIN`. */
export const GATE_COLUMNS = { gateTitle: milestones.title, gateStatus: milestones.status };
export const GATE_JOIN = [milestones, eq(milestones.id, tranches.gatingMilestoneId)] as const;

/** A row read with `GATE_COLUMNS`, its gate as the web shows it: the title, and whether it is reached. */
export function withGatingMilestone<
  Row extends { gateTitle: string | null; gateStatus: MilestoneStatus | null },
>({
  gateTitle,
  gateStatus,
  ...tranche
}: Row): Omit<Row, "gateTitle" | "gateStatus"> & Pick<TrancheItem, "gatingMilestone"> {
  return {
    ...tranche,
    gatingMilestone: gateTitle === null ? null : { title: gateTitle, reached: gateStatus === "atteint" },
  };
}

/** The reversal of a payment, when it has one (a payment is reversed once at most). */
const reversals = alias(payments, "reversal");

/**
 * A payment as the laureate's finances and the exports show it, with the id
 * of its reversal: select these over the payments left-joined to `REVERSAL_JOIN`.
 */
export const PAYMENT_COLUMNS = {
  paidOn: payments.paidOn,
  amountCents: payments.amountCents,
  reference: payments.reference,
  reversesPaymentId: payments.reversesPaymentId,
  reversedBy: reversals.id,
  reason: payments.reason,
  source: payments.source,
};
export const REVERSAL_JOIN = [reversals, eq(reversals.reversesPaymentId, payments.id)] as const;
