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
import { territoryKeySql } from "../laureates/laureate-queries.js";

const { allocations, fundingRecords, laureates, programmes } = schema;

/** The money figures of a set of laureates, summed by the database. */
const moneyColumns = {
  allocatedCents: sql<number>`coalesce(sum(${allocations.amountCents}), 0)::bigint`.mapWith(Number),
  committedCents:
    sql<number>`coalesce(sum(${allocations.amountCents}) filter (where ${fundingRecords.ejNumber} is not null), 0)::bigint`.mapWith(
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

async function groupLaureates(
  db: Executor,
  programmeId: number,
  key: SQL<string>,
  label: (key: string) => string,
): Promise<PortfolioGroup[]> {
  const rows = await db
    .select({ key, laureates: sql<number>`count(*)::int`, ...moneyColumns })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(eq(laureates.programmeId, programmeId))
    .groupBy(key)
    .orderBy(sql`min(${laureates.position})`);
  return rows.map((row) => ({ ...row, label: label(row.key) }));
}

/** The envelope and the portfolio at a glance; every figure is computed by the database. */
export async function getProgrammeOverview(db: Executor): Promise<ProgrammeOverview | null> {
  const [programme] = await db.select().from(programmes).orderBy(asc(programmes.id)).limit(1);
  if (!programme) return null;
  const [totals] = await db
    .select({
      laureates: sql<number>`count(*)::int`,
      ...moneyColumns,
      demonstration: sql<boolean>`coalesce(bool_or(${allocations.isDemo}), false)`,
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .leftJoin(fundingRecords, eq(fundingRecords.laureateId, laureates.id))
    .where(eq(laureates.programmeId, programme.id));
  const groupBy = (key: SQL<string>, label: (key: string) => string) =>
    groupLaureates(db, programme.id, key, label);
  const [byCategory, byMinistry, byTerritory, byFundingMode] = await Promise.all([
    groupBy(sql<string>`${laureates.category}`, LABELS.category),
    groupBy(sql<string>`${laureates.ministry}`, LABELS.ministry),
    groupBy(territoryKeySql, LABELS.territory),
    groupBy(sql<string>`${laureates.fundingMode}`, LABELS.fundingMode),
  ]);
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
