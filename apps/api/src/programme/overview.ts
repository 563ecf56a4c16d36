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

const { allocations, laureates, programmes } = schema;

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
    .select({
      key,
      laureates: sql<number>`count(*)::int`,
      allocatedCents: sql<number>`coalesce(sum(${allocations.amountCents}), 0)::bigint`.mapWith(Number),
      firstPosition: sql<number>`min(${laureates.position})`,
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .where(eq(laureates.programmeId, programmeId))
    .groupBy(key)
    .orderBy(sql`min(${laureates.position})`);
  return rows.map((row) => ({
    key: row.key,
    label: label(row.key),
    laureates: row.laureates,
    allocatedCents: row.allocatedCents,
  }));
}

/** The envelope and the portfolio at a glance; every figure is computed by the database. */
export async function getProgrammeOverview(db: Executor): Promise<ProgrammeOverview | null> {
  const [programme] = await db.select().from(programmes).orderBy(asc(programmes.id)).limit(1);
  if (!programme) return null;
  const [totals] = await db
    .select({
      laureates: sql<number>`count(*)::int`,
      allocatedCents: sql<number>`coalesce(sum(${allocations.amountCents}), 0)::bigint`.mapWith(Number),
      demonstration: sql<boolean>`coalesce(bool_or(${allocations.isDemo}), false)`,
    })
    .from(laureates)
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
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
    reserveCents: programme.envelopeCents - allocatedCents,
    demonstration: totals?.demonstration ?? false,
    byCategory,
    byMinistry,
    byTerritory,
    byFundingMode,
  };
}
