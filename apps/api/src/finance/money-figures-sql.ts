import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { OPEN_TRANCHE_STATUSES } from "@defis/domain";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { milestonesKnownOn, tranchesKnownOn } from "../dashboard/known-on.js";

const { fundingRecords, laureates } = schema;

/**
 * The SQL form of `isCommittedOn` (packages/domain/src/finance/money-figures.ts):
 * the mode's rule (a subvention needs its convention date and its EJ, a
 * transfer its dated decision, an unset mode is never committed), the
 * decision dated on or before the day. Over `laureate` left-joined to
 * `funding_record`. Every breakdown, the dashboard and the exports read
 * this one expression; money-figures.test.ts holds it to the domain rule.
 * A past day passes the facts as known then (`fundingKnownOn`).
 */
export function committedOnSql(
  day: string,
  funding: { conventionDate: SQL | AnyPgColumn; ejNumber: SQL | AnyPgColumn } = fundingRecords,
): SQL<boolean> {
  return sql<boolean>`coalesce(${funding.conventionDate} <= ${day}::date and case ${laureates.fundingMode}
    when 'subvention' then ${funding.ejNumber} is not null
    when 'transfert' then true
    else false end, false)`;
}

type KnownTranches = ReturnType<typeof tranchesKnownOn>;

/** The SQL form of `isTrancheOpenOn`, over the tranches as known on the day. */
function trancheOpenOnSql(tranche: KnownTranches, day: string): SQL {
  return sql`(${or(
    inArray(tranche.status, [...OPEN_TRANCHE_STATUSES]),
    and(eq(tranche.status, "paye"), sql`${tranche.paidOn} > ${day}::date`),
    and(eq(tranche.status, "annule"), sql`${tranche.cancelledOn} > ${day}::date`),
  )})`;
}

/**
 * Bloqué par un jalon, laureate by laureate, as a subquery to left-join on
 * `laureateId`: Σ planned of the tranches open on the day whose gating
 * milestone was not reached by then (`blockedByMilestoneCents`), both as
 * known at the end of the day: a gate or a tranche added later holds nothing
 * back on it.
 */
export function blockedByMilestoneSubquery(db: Executor, day: string) {
  const tranche = tranchesKnownOn(db, day);
  const milestone = milestonesKnownOn(db, day);
  return db
    .select({
      laureateId: tranche.laureateId,
      cents: sql<number>`sum(${tranche.plannedAmountCents})`.as("blocked_cents"),
    })
    .from(tranche)
    .innerJoin(milestone, eq(milestone.id, tranche.gatingMilestoneId))
    .where(
      and(
        trancheOpenOnSql(tranche, day),
        sql`(${milestone.reachedOn} is null or ${milestone.reachedOn} > ${day}::date)`,
      ),
    )
    .groupBy(tranche.laureateId)
    .as("blocked");
}

/** A sum of cents as a number: bigint arrives as a string, and a sum of nothing as null. */
const summed = (expression: SQL) => sql<number>`coalesce(${expression}, 0)::bigint`.mapWith(Number);

/**
 * The money of a set of laureates summed by the database, from each one's
 * allocated and paid amounts, whether it is committed, and what a milestone
 * holds back: the SQL form of `laureateMoneyFigures`, summed.
 */
export function moneyFigureSums(laureate: { allocated: SQL; paid: SQL; committed: SQL; blocked: SQL }) {
  const allocated = sql`coalesce(${laureate.allocated}, 0)`;
  const paid = sql`coalesce(${laureate.paid}, 0)`;
  return {
    allocatedCents: summed(sql`sum(${allocated})`),
    committedCents: summed(sql`sum(${allocated}) filter (where ${laureate.committed})`),
    uncommittedCents: summed(sql`sum(${allocated}) filter (where not ${laureate.committed})`),
    paidCents: summed(sql`sum(${paid})`),
    remainingToPayCents: summed(sql`sum(${allocated} - ${paid}) filter (where ${laureate.committed})`),
    blockedByMilestoneCents: summed(sql`sum(coalesce(${laureate.blocked}, 0))`),
  };
}
