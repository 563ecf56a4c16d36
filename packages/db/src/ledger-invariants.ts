import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "./database.js";
import { payments, tranches } from "./schema/index.js";

/**
 * What must hold between the schedule and the ledger, checked by the tests,
 * the model test and the benchmark's race check (never by the application,
 * which keeps it by writing through `payTranches` and
 * `recordPaymentsOutsideSchedule` only):
 *   for each laureate, Σ payments = Σ amounts paid on its tranches
 *                                  + Σ payments outside the schedule,
 *   a tranche reads "payé" exactly when one unreversed payment pays it,
 * Returns the breaches, each said in one line; empty when all hold.
 */
export async function scheduleLedgerBreaches(db: Executor): Promise<string[]> {
  const reversal = alias(payments, "reversal");
  const unreversed = and(isNull(payments.reversesPaymentId), isNull(reversal.id));
  const byLaureate = await db
    .select({
      laureateId: payments.laureateId,
      total: sql<number>`sum(${payments.amountCents})`.mapWith(Number),
      onPaidTranches: sql<number>`coalesce(sum(${payments.amountCents}) filter (where ${and(
        unreversed,
        eq(tranches.status, "paye"),
      )}), 0)`.mapWith(Number),
      outsideSchedule: sql<number>`coalesce(sum(${payments.amountCents}) filter (where ${and(
        unreversed,
        isNull(payments.trancheId),
        isNotNull(payments.reason),
      )}), 0)`.mapWith(Number),
    })
    .from(payments)
    .leftJoin(reversal, eq(reversal.reversesPaymentId, payments.id))
    .leftJoin(tranches, eq(tranches.id, payments.trancheId))
    .groupBy(payments.laureateId);
  const byTranche = await db
    .select({
      trancheId: tranches.id,
      status: tranches.status,
      paying: sql<number>`count(${payments.id}) filter (where ${unreversed})`.mapWith(Number),
    })
    .from(tranches)
    .leftJoin(payments, eq(payments.trancheId, tranches.id))
    .leftJoin(reversal, eq(reversal.reversesPaymentId, payments.id))
    .groupBy(tranches.id, tranches.status)
    .having(
      sql`(${tranches.status} = 'paye') <> (count(${payments.id}) filter (where ${unreversed}) = 1)
        or count(${payments.id}) filter (where ${unreversed}) > 1`,
    );
  const breaches: string[] = [];
  for (const row of byLaureate) {
    if (row.total !== row.onPaidTranches + row.outsideSchedule)
      breaches.push(
        `laureate ${row.laureateId}: Σ payments ${row.total} ≠ ${row.onPaidTranches} on paid tranches + ${row.outsideSchedule} outside the schedule`,
      );
  }
  for (const row of byTranche)
    breaches.push(`tranche ${row.trancheId}: "${row.status}" with ${row.paying} unreversed payment(s)`);
  return breaches;
}
