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
import { committedSql } from "../finance/commitment-sql.js";

const { allocations, fundingRecords, laureates, programmes } = schema;

/** The money figures of a set of laureates, summed by the database. */
const moneyColumns = {
  allocatedCents: sql<number>`coalesce(sum(${allocations.amountCents}), 0)::bigint`.mapWith(Number),
  committedCents:
    sql<number>`coalesce(sum(${allocations.amountCents}) filter (where ${committedSql()}), 0)::bigint`.mapWith(
      Number,
    ),
  paidCents: sql<number>`coalesce(sum(${allocations.paidCents}), 0)::bigint`.mapWith(Number),
};

const LABELS = {
  category: (key: string) => labelFrom(CATEGORIES, key),
  ministry: (key: string) => labelFrom(MINISTRIES, key),
  territory: territoryKeyLabel,
  fundingMode: (key: string) => labelFrom(FUNDING_MODES, key),
};

type Dimension = keyof typeof LABELS;

const DIMENSIONS: Record<Dimension, SQL<string>> = {
  category: sql<string>`${laureates.category}`,
  ministry: sql<string>`${laureates.ministry}`,
  territory: territoryKeySql,
  fundingMode: sql<string>`${laureates.fundingMode}`,
};

/** The first programme: the portfolio has one. */
const programmeId = sql`(select ${programmes.id} from ${programmes} order by ${programmes.id} limit 1)`;

/**
 * The whole portfolio and its four groupings in one statement (GROUPING
 * SETS): one pass over the laureates instead of five queries, sent at the
 * same time as the programme's row.
 */
async function portfolioFigures(db: Executor) {
  const { dimension, key, groupBy } = groupingSets(Object.entries(DIMENSIONS) as [Dimension, SQL<string>][]);
  const rows = await db
    .select({
      dimension,
      key,
      laureates: sql<number>`count(*)::int`,
      ...moneyColumns,
      demonstration: sql<boolean>`coalesce(bool_or(${allocations.isDemo}), false)`,
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(eq(laureates.programmeId, programmeId))
    .groupBy(groupBy)
    .orderBy(sql`min(${laureates.position})`);
  const groups = (name: Dimension): PortfolioGroup[] =>
    rows
      .filter((row) => row.dimension === name)
      .map(({ key, laureates, allocatedCents, committedCents, paidCents }) => ({
        key: key ?? "",
        label: LABELS[name](key ?? ""),
        laureates,
        allocatedCents,
        committedCents,
        paidCents,
      }));
  return {
    totals: rows.find((row) => row.dimension === "total"),
    byCategory: groups("category"),
    byMinistry: groups("ministry"),
    byTerritory: groups("territory"),
    byFundingMode: groups("fundingMode"),
  };
}

/** The envelope and the portfolio at a glance; every figure is computed by the database. */
export async function getProgrammeOverview(db: Executor): Promise<ProgrammeOverview | null> {
  const [[programme], { totals, byCategory, byMinistry, byTerritory, byFundingMode }] = await Promise.all([
    db.select().from(programmes).orderBy(asc(programmes.id)).limit(1),
    portfolioFigures(db),
  ]);
  if (!programme) return null;
  const allocatedCents = totals?.allocatedCents ?? 0;
  const committedCents = totals?.committedCents ?? 0;
  const paidCents = totals?.paidCents ?? 0;
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
    allocatedCents,
    committedCents,
    paidCents,
    remainingToPayCents: committedCents - paidCents,
    // Kept by the ledger with every allocation change; equal to envelope − Σ allocations.
    reserveCents: programme.envelopeCents - programme.allocatedCents,
    demonstration: totals?.demonstration ?? false,
    byCategory,
    byMinistry,
    byTerritory,
    byFundingMode,
  };
}
