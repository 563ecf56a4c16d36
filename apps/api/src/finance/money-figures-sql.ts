import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { OPEN_TRANCHE_STATUSES } from "@defis/domain";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";

const { fundingRecords, laureates, milestones, tranches } = schema;

/**
 * The SQL form of `isCommittedOn` (packages/domain/src/finance/money-figures.ts):
 * the mode's rule (a subvention needs its convention date and its EJ, a
 * transfer its dated decision, an unset mode is never committed), the
 * decision dated on or before the day. Over `laureate` left-joined to
 * `funding_record`. Every breakdown, the dashboard and the exports read
 * this one expression; money-figures.test.ts holds it to the domain rule.
 */
export function committedOnSql(day: string): SQL<boolean> {
  return sql<boolean>`coalesce(${fundingRecords.conventionDate} <= ${day}::date and case ${laureates.fundingMode}
    when 'subvention' then ${fundingRecords.ejNumber} is not null
    when 'transfert' then true
    else false end, false)`;
}

/** The SQL form of `isTrancheOpenOn`: open now, or paid or cancelled only after the day. */
function trancheOpenOnSql(day: string): SQL {
  return sql`(${or(
    inArray(tranches.status, [...OPEN_TRANCHE_STATUSES]),
    and(eq(tranches.status, "paye"), sql`${tranches.paidOn} > ${day}::date`),
    and(eq(tranches.status, "annule"), sql`${tranches.cancelledOn} > ${day}::date`),
  )})`;
}

/**
 * Bloqué par un jalon, laureate by laureate, as a subquery to left-join on
 * `laureateId`: Σ planned of the tranches open on the day whose gating
 * milestone was not reached by then (`blockedByMilestoneCents`).
 */
export function blockedByMilestoneSubquery(db: Executor, day: string) {
  return db
    .select({
      laureateId: tranches.laureateId,
      cents: sql<number>`sum(${tranches.plannedAmountCents})`.as("blocked_cents"),
    })
    .from(tranches)
    .innerJoin(milestones, eq(milestones.id, tranches.gatingMilestoneId))
    .where(
      and(
        trancheOpenOnSql(day),
        sql`(${milestones.reachedOn} is null or ${milestones.reachedOn} > ${day}::date)`,
      ),
    )
    .groupBy(tranches.laureateId)
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
