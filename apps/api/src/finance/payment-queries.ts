import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  LATEST_PAYMENTS,
  PAYMENTS_PAGE_SIZE,
  type LaureatePaymentsInput,
  type PaymentItem,
  type PaymentPage,
  type PaymentTotals,
} from "@defis/domain";
import { count, desc, eq, sql } from "drizzle-orm";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { PAYMENT_COLUMNS, REVERSAL_JOIN } from "./money-projections.js";

const { payments } = schema;

/** Newest first: what a page of payments shows. */
function paymentRows(db: Executor, laureateId: number, limit: number, offset = 0): Promise<PaymentItem[]> {
  return db
    .select({ id: payments.id, trancheId: payments.trancheId, ...PAYMENT_COLUMNS })
    .from(payments)
    .leftJoin(...REVERSAL_JOIN)
    .where(eq(payments.laureateId, laureateId))
    .orderBy(desc(payments.paidOn), desc(payments.id))
    .limit(limit)
    .offset(offset);
}

/** Count and sum of every payment of a laureate, by the database. */
async function paymentTotals(db: Executor, laureateId: number): Promise<PaymentTotals> {
  const [totals] = await db
    .select({
      count: count(),
      totalCents: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number),
    })
    .from(payments)
    .where(eq(payments.laureateId, laureateId));
  return totals ?? { count: 0, totalCents: 0 };
}

/** The latest payments of a laureate and the totals of all, for its Finances tab. */
export function latestPayments(db: Executor, laureateId: number): Promise<[PaymentItem[], PaymentTotals]> {
  return readTogether(db, [
    () => paymentRows(db, laureateId, LATEST_PAYMENTS),
    () => paymentTotals(db, laureateId),
  ]);
}

/** One page of a laureate's payments ("voir tout"), with the totals of all. */
export async function laureatePaymentPage(db: Executor, input: LaureatePaymentsInput): Promise<PaymentPage> {
  const laureateId = await laureateIdOf(db, input.slug);
  const [rows, totals] = await readTogether(db, [
    () => paymentRows(db, laureateId, PAYMENTS_PAGE_SIZE, (input.page - 1) * PAYMENTS_PAGE_SIZE),
    () => paymentTotals(db, laureateId),
  ]);
  return { payments: rows, totals, page: input.page, pageSize: PAYMENTS_PAGE_SIZE };
}
