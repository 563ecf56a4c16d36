import { schema } from "@defis/db";
import type { MilestoneStatus, TrancheItem } from "@defis/domain";
import { eq, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { endOfParisDay } from "../dashboard/day-sql.js";

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

/**
 * A payment as known at the end of `day`: valued on or before it and
 * recorded before it ended in Paris. `table` is the payments or an alias.
 */
export function paymentKnownOn(table: { paidOn: AnyPgColumn; createdAt: AnyPgColumn }, day: string): SQL {
  return sql`${table.paidOn} <= ${day}::date and ${table.createdAt} < ${endOfParisDay(day)}`;
}

/** REVERSAL_JOIN on a day: a reversal recorded after it had not happened yet. */
export function reversalJoinKnownOn(day: string) {
  return [
    reversals,
    sql`${eq(reversals.reversesPaymentId, payments.id)} and ${paymentKnownOn(reversals, day)}`,
  ] as const;
}
