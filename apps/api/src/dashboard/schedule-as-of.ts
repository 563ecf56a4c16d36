import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { periodOf } from "@defis/domain";
import { and, gte, lt, lte, ne, or, sql } from "drizzle-orm";
import { cents, endOfParisDay, onOrBefore } from "./day-sql.js";
import { tranchesKnownOn } from "./known-on.js";

const { paymentMonths, payments } = schema;

/**
 * What the schedules planned by month: the tranches as known at the end of
 * the day, not cancelled on it. A tranche created or re-planned later does
 * not move the curve of that day.
 */
export async function readPlannedByMonth(db: Executor, asOf: string) {
  // By day first, then by month, as the milestones: a few dozen days rather than every tranche.
  const tranche = tranchesKnownOn(db, asOf);
  const byDay = db
    .select({
      plannedOn: tranche.plannedOn,
      cents: sql<number>`sum(${tranche.plannedAmountCents})`.as("planned_cents"),
    })
    .from(tranche)
    .where(or(ne(tranche.status, "annule"), sql`${tranche.cancelledOn} > ${asOf}::date`))
    .groupBy(tranche.plannedOn)
    .as("by_day");
  const month = sql<string>`to_char(${byDay.plannedOn}, 'YYYY-MM')`;
  return db
    .select({ month, cents: cents(sql`sum(${byDay.cents})`) })
    .from(byDay)
    .groupBy(month);
}

/**
 * Paid by month up to the day, as known at its end: whole months from
 * `payment_month` (kept by the database) less the payments recorded after
 * the day (few), the day's own month summed from its payments up to the day.
 */
export async function readPaidByMonth(db: Executor, asOf: string) {
  const firstOfMonth = `${periodOf(asOf)}-01`;
  const whole = await db
    .select({
      month: sql<string>`to_char(${paymentMonths.month}, 'YYYY-MM')`,
      cents: paymentMonths.paidCents,
    })
    .from(paymentMonths)
    .where(lt(paymentMonths.month, firstOfMonth));
  const recordedLaterMonth = sql<string>`to_char(${payments.paidOn}, 'YYYY-MM')`;
  const recordedLater = await db
    .select({ month: recordedLaterMonth, cents: cents(sql`-sum(${payments.amountCents})`) })
    .from(payments)
    .where(and(lt(payments.paidOn, firstOfMonth), sql`${payments.createdAt} >= ${endOfParisDay(asOf)}`))
    .groupBy(recordedLaterMonth);
  const [current] = await db
    .select({ cents: cents(sql`sum(${payments.amountCents})`) })
    .from(payments)
    .where(
      and(
        gte(payments.paidOn, firstOfMonth),
        lte(payments.paidOn, asOf),
        onOrBefore(payments.createdAt, asOf),
      ),
    );
  return [...whole, ...recordedLater, { month: periodOf(asOf), cents: current?.cents ?? 0 }];
}
