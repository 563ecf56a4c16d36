import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { CategoryKey, FundingModeKey, MinistryKey, RegionCode } from "@defis/domain";
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { groupingSets } from "../grouping-sets.js";
import { territoryKeySql } from "../laureates/territory-sql.js";
import { cents, endOfParisDay } from "./day-sql.js";
import { fundingKnownOn } from "./known-on.js";
import { blockedByMilestoneSubquery, committedOnSql, moneyFigureSums } from "../finance/money-figures-sql.js";

const { allocations, allocationMovements, laureates, payments } = schema;

/**
 * Each laureate with its money on the day, as a subquery: what the ledger
 * holds now, less what came after the day (movements written after it,
 * payments valued or recorded after it), and "engagé" from the funding
 * facts as known at the end of the day. The ledger keeps `allocation` equal to the sum
 * of its rows, and the rows after a recent day are few, so a million payment
 * lines are not summed.
 */
export function moneyAsOf(db: Executor, asOf: string) {
  const allocatedLater = db
    .select({
      laureateId: allocationMovements.laureateId,
      cents: sql<number>`sum(${allocationMovements.deltaCents})`.as("allocated_later_cents"),
    })
    .from(allocationMovements)
    .where(sql`${allocationMovements.occurredAt} >= ${endOfParisDay(asOf)}`)
    .groupBy(allocationMovements.laureateId)
    .as("allocated_later");
  const paidLater = db
    .select({
      laureateId: payments.laureateId,
      cents: sql<number>`sum(${payments.amountCents})`.as("paid_later_cents"),
    })
    .from(payments)
    // Valued after the day, or recorded after it (a payment entered late, dated back).
    .where(sql`${payments.paidOn} > ${asOf}::date or ${payments.createdAt} >= ${endOfParisDay(asOf)}`)
    .groupBy(payments.laureateId)
    .as("paid_later");
  const blocked = blockedByMilestoneSubquery(db, asOf);
  const funding = fundingKnownOn(db, asOf);
  return db
    .select({
      id: laureates.id,
      position: laureates.position,
      slug: laureates.slug,
      title: laureates.title,
      porteur: laureates.porteur,
      category: sql<CategoryKey>`${laureates.category}`.as("category"),
      ministry: sql<MinistryKey>`${laureates.ministry}`.as("ministry"),
      territoryKey: sql<string>`${territoryKeySql}`.as("territory_key"),
      regionCode: sql<RegionCode | null>`${laureates.regionCode}`.as("region_code"),
      fundingMode: sql<FundingModeKey>`${laureates.fundingMode}`.as("funding_mode"),
      allocatedCents:
        sql<number>`coalesce(${allocations.amountCents}, 0) - coalesce(${allocatedLater.cents}, 0)`.as(
          "allocated_cents",
        ),
      paidCents: sql<number>`coalesce(${allocations.paidCents}, 0) - coalesce(${paidLater.cents}, 0)`.as(
        "paid_cents",
      ),
      // The mode's rule, the decision dated on or before the day: when the AE were consumed.
      committed: sql<boolean>`${committedOnSql(asOf, funding)}`.as("committed"),
      blockedCents: sql<number>`coalesce(${blocked.cents}, 0)`.as("blocked_cents"),
      isDemo: sql<boolean>`coalesce(${allocations.isDemo}, false)`.as("is_demo"),
      hasAllocation: sql<boolean>`${allocations.laureateId} is not null`.as("has_allocation"),
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(allocatedLater, eq(allocatedLater.laureateId, laureates.id))
    .leftJoin(paidLater, eq(paidLater.laureateId, laureates.id))
    .leftJoin(funding, eq(funding.laureateId, laureates.id))
    .leftJoin(blocked, eq(blocked.laureateId, laureates.id))
    .as("money");
}

/** Each laureate's money on the day, with its names, in the portfolio's order: a review's sheets. */
export function readLaureateMoney(db: Executor, asOf: string) {
  const money = moneyAsOf(db, asOf);
  return db
    .select({
      id: money.id,
      slug: money.slug,
      title: money.title,
      porteur: money.porteur,
      category: money.category,
      ministry: money.ministry,
      territoryKey: money.territoryKey,
      fundingMode: money.fundingMode,
      allocatedCents: cents(sql`${money.allocatedCents}`),
      paidCents: cents(sql`${money.paidCents}`),
      committed: money.committed,
      blockedByMilestoneCents: cents(sql`${money.blockedCents}`),
    })
    .from(money)
    .orderBy(asc(money.position), asc(money.id));
}

export type MoneyDimension = "category" | "ministry" | "territory" | "region";

/**
 * The money on the day in total and by category, ministry, territory and
 * région, summed by the database in one pass (GROUPING SETS) rather than
 * sent laureate by laureate: 10 000 rows cost more to receive than to sum.
 * Groups come in the order of their first laureate in the portfolio.
 */
export function readMoneyGroups(db: Executor, asOf: string) {
  const money = moneyAsOf(db, asOf);
  const columns: [MoneyDimension, SQL.Aliased<string | null>][] = [
    ["category", money.category],
    ["ministry", money.ministry],
    ["territory", money.territoryKey],
    ["region", money.regionCode],
  ];
  const { dimension, key, groupBy } = groupingSets(columns);
  return db
    .select({
      dimension,
      key,
      laureates: sql<number>`count(*)::int`,
      ...moneyFigureSums({
        allocated: sql`${money.allocatedCents}`,
        paid: sql`${money.paidCents}`,
        committed: sql`${money.committed}`,
        blocked: sql`${money.blockedCents}`,
      }),
    })
    .from(money)
    .groupBy(groupBy)
    .orderBy(sql`min(array[${money.position}, ${money.id}])`);
}
