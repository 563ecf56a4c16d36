import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  CATEGORIES,
  FUNDING_MODES,
  labelFrom,
  MINISTRIES,
  territoryKeyLabel,
  type PortfolioGroup,
  type ProgrammeOverview,
} from "@defis/domain";
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { groupingSets } from "../grouping-sets.js";
import { territoryKeySql } from "../laureates/laureate-queries.js";
import { blockedByMilestoneSubquery, committedOnSql, moneyFigureSums } from "../finance/money-figures-sql.js";

const { allocations, fundingRecords, laureates, programmes } = schema;

const LABELS = {
  category: (key: string) => labelFrom(CATEGORIES, key),
  ministry: (key: string) => labelFrom(MINISTRIES, key),
  territory: territoryKeyLabel,
  fundingMode: (key: string) => labelFrom(FUNDING_MODES, key),
  // A laureate's row is labelled with its title, read beside it.
  laureate: (key: string) => key,
};

type Dimension = keyof typeof LABELS;

const DIMENSIONS: Record<Dimension, SQL<string>> = {
  category: sql<string>`${laureates.category}`,
  ministry: sql<string>`${laureates.ministry}`,
  territory: territoryKeySql,
  fundingMode: sql<string>`${laureates.fundingMode}`,
  laureate: sql<string>`${laureates.slug}`,
};

/** The first programme: the portfolio has one. */
const programmeId = sql`(select ${programmes.id} from ${programmes} order by ${programmes.id} limit 1)`;

/**
 * The whole portfolio, its four groupings and each laureate in one statement (GROUPING
 * SETS): one pass over the laureates instead of five queries, sent at the
 * same time as the programme's row.
 */
async function portfolioFigures(db: Executor, today: string) {
  const { dimension, key, groupBy } = groupingSets(Object.entries(DIMENSIONS) as [Dimension, SQL<string>][]);
  const blocked = blockedByMilestoneSubquery(db, today);
  const rows = await db
    .select({
      dimension,
      key,
      // The title of the one laureate of a laureate's row.
      title: sql<string>`min(${laureates.title})`,
      laureates: sql<number>`count(*)::int`,
      ...moneyFigureSums({
        allocated: sql`${allocations.amountCents}`,
        paid: sql`${allocations.paidCents}`,
        committed: committedOnSql(today),
        blocked: sql`${blocked.cents}`,
      }),
      demonstration: sql<boolean>`coalesce(bool_or(${allocations.isDemo}), false)`,
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .leftJoin(blocked, eq(blocked.laureateId, laureates.id))
    .where(eq(laureates.programmeId, programmeId))
    .groupBy(groupBy)
    .orderBy(sql`min(${laureates.position})`);
  const groups = (name: Dimension): PortfolioGroup[] =>
    rows
      .filter((row) => row.dimension === name)
      .map(({ dimension: _dimension, key, title, demonstration: _demo, ...figures }) => ({
        ...figures,
        key: key ?? "",
        label: name === "laureate" ? title : LABELS[name](key ?? ""),
      }));
  return {
    totals: rows.find((row) => row.dimension === "total"),
    byCategory: groups("category"),
    byMinistry: groups("ministry"),
    byTerritory: groups("territory"),
    byFundingMode: groups("fundingMode"),
    byLaureate: groups("laureate"),
  };
}

/**
 * The envelope and the portfolio at a glance on `today` (Paris); every figure
 * is computed by the database, by the same rules as the dashboard's.
 */
export async function getProgrammeOverview(db: Executor, today: string): Promise<ProgrammeOverview | null> {
  const [[programme], { totals, byCategory, byMinistry, byTerritory, byFundingMode, byLaureate }] =
    await Promise.all([
      db.select().from(programmes).orderBy(asc(programmes.id)).limit(1),
      portfolioFigures(db, today),
    ]);
  if (!programme) return null;
  return {
    programme: {
      slug: programme.slug,
      name: programme.name,
      steeredBy: programme.steeredBy,
      fundedBy: programme.fundedBy,
      envelopeCents: programme.envelopeCents,
      applicationsOpenOn: programme.applicationsOpenOn,
      applicationsCloseOn: programme.applicationsCloseOn,
      laureatesAnnouncedOn: programme.laureatesAnnouncedOn,
      status: programme.status,
      sourceTitle: programme.sourceTitle,
      sourcePublishedOn: programme.sourcePublishedOn,
      sourcePublisher: programme.sourcePublisher,
    },
    laureates: totals?.laureates ?? 0,
    allocatedCents: totals?.allocatedCents ?? 0,
    committedCents: totals?.committedCents ?? 0,
    uncommittedCents: totals?.uncommittedCents ?? 0,
    paidCents: totals?.paidCents ?? 0,
    remainingToPayCents: totals?.remainingToPayCents ?? 0,
    blockedByMilestoneCents: totals?.blockedByMilestoneCents ?? 0,
    // Kept by the ledger with every allocation change; equal to envelope − Σ allocations.
    reserveCents: programme.envelopeCents - programme.allocatedCents,
    demonstration: totals?.demonstration ?? false,
    byCategory,
    byMinistry,
    byTerritory,
    byFundingMode,
    byLaureate,
  };
}
