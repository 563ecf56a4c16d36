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
import { and, count, desc, eq, sql } from "drizzle-orm";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { PAYMENT_COLUMNS, paymentKnownOn, reversalJoinKnownOn } from "./money-projections.js";

const { payments } = schema;

/** A laureate's payments as known at the end of `day`: today, every one. */
function knownOf(laureateId: number, day: string) {
  return and(eq(payments.laureateId, laureateId), paymentKnownOn(payments, day));
}

/** Newest first: what a page of payments shows, a reversal recorded after the day not yet linked. */
function paymentRows(
  db: Executor,
  laureateId: number,
  day: string,
  page: { limit: number; offset: number },
): Promise<PaymentItem[]> {
  return db
    .select({ id: payments.id, trancheId: payments.trancheId, ...PAYMENT_COLUMNS })
    .from(payments)
    .leftJoin(...reversalJoinKnownOn(day))
    .where(knownOf(laureateId, day))
    .orderBy(desc(payments.paidOn), desc(payments.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** Count and sum of every payment of a laureate known on the day, by the database. */
async function paymentTotals(db: Executor, laureateId: number, day: string): Promise<PaymentTotals> {
  const [totals] = await db
    .select({
      count: count(),
      totalCents: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number),
    })
    .from(payments)
    .where(knownOf(laureateId, day));
  return totals ?? { count: 0, totalCents: 0 };
}

/** The latest payments of a laureate and the totals of all, known on the day, for its Finances tab. */
export function latestPayments(
  db: Executor,
  laureateId: number,
  day: string,
): Promise<[PaymentItem[], PaymentTotals]> {
  return readTogether(db, [
    () => paymentRows(db, laureateId, day, { limit: LATEST_PAYMENTS, offset: 0 }),
    () => paymentTotals(db, laureateId, day),
  ]);
}

/** One page of a laureate's payments known on the day ("voir tout"), with the totals of all. */
export async function laureatePaymentPage(
  db: Executor,
  input: LaureatePaymentsInput,
  day: string,
): Promise<PaymentPage> {
  const laureateId = await laureateIdOf(db, input.slug);
  const [rows, totals] = await readTogether(db, [
    () =>
      paymentRows(db, laureateId, day, {
        limit: PAYMENTS_PAGE_SIZE,
        offset: (input.page - 1) * PAYMENTS_PAGE_SIZE,
      }),
    () => paymentTotals(db, laureateId, day),
  ]);
  return { payments: rows, totals, page: input.page, pageSize: PAYMENTS_PAGE_SIZE };
}
