import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { ControlItem } from "@defis/domain";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { PAYMENT_COLUMNS, REVERSAL_JOIN } from "../finance/money-projections.js";
import { dayText, LAUREATE_NAME, anomalyBase } from "./control-rows.js";

const { laureates, payments, tranches } = schema;

const TRANCHE = {
  kind: tranches.kind,
  position: tranches.position,
  status: tranches.status,
  plannedOn: tranches.plannedOn,
};

/** A payment that still counts: not a reversal, and not reversed. */
const standingPayment = and(isNull(payments.reversesPaymentId), isNull(PAYMENT_COLUMNS.reversedBy));

/**
 * Payments and tranches that disagree. A standing payment with no tranche and
 * no reason is neither on the schedule nor recorded "hors échéancier"; a
 * standing payment on a tranche that is not paid, or a paid tranche with no
 * standing payment, contradict each other.
 */
export async function ledgerControls(db: Executor): Promise<ControlItem[]> {
  const withoutTranche = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: payments.amountCents,
      since: payments.paidOn,
      reference: payments.reference,
    })
    .from(payments)
    .innerJoin(laureates, eq(laureates.id, payments.laureateId))
    .leftJoin(...REVERSAL_JOIN)
    .where(and(standingPayment, isNull(payments.trancheId), isNull(payments.reason)));
  const onUnpaidTranche = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: payments.amountCents,
      since: payments.paidOn,
      reference: payments.reference,
      tranche: TRANCHE,
    })
    .from(payments)
    .innerJoin(laureates, eq(laureates.id, payments.laureateId))
    .innerJoin(tranches, eq(tranches.id, payments.trancheId))
    .leftJoin(...REVERSAL_JOIN)
    .where(and(standingPayment, ne(tranches.status, "paye")));
  const paidWithoutPayment = await db
    .select({
      ...LAUREATE_NAME,
      amountCents: tranches.plannedAmountCents,
      since: dayText(sql`coalesce(${tranches.paidOn}, ${tranches.plannedOn})`),
      tranche: TRANCHE,
    })
    .from(tranches)
    .innerJoin(laureates, eq(laureates.id, tranches.laureateId))
    .where(
      and(
        eq(tranches.status, "paye"),
        sql`not exists (
          select 1 from ${payments} as paid
          where paid.tranche_id = ${tranches.id} and paid.reverses_payment_id is null
            and not exists (select 1 from ${payments} as undo where undo.reverses_payment_id = paid.id)
        )`,
      ),
    );
  return [
    ...withoutTranche.map(({ reference, ...row }) => ({
      ...anomalyBase(row),
      kind: "versement_sans_tranche" as const,
      paymentReference: reference,
    })),
    ...paidWithoutPayment.map(({ tranche, ...row }) => ({
      ...anomalyBase(row),
      kind: "tranche_payee_sans_versement" as const,
      tranche,
    })),
    ...onUnpaidTranche.map(({ reference, tranche, ...row }) => ({
      ...anomalyBase(row),
      kind: "versement_sur_tranche_non_payee" as const,
      tranche,
      paymentReference: reference,
    })),
  ];
}
