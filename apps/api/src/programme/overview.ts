import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  CATEGORIES,
  FUNDING_MODES,
  labelFrom,
  MINISTRIES,
  territoryKeyLabel,
  type PortfolioGroup,
  type ProgrammeOverview,
} from "@defis/domain";
import { asc, sql, type SQL } from "drizzle-orm";
import { groupingSets } from "../grouping-sets.js";
import { moneyFigureSums } from "../finance/money-figures-sql.js";
import { moneyAsOf } from "../dashboard/money-as-of.js";

const { programmes } = schema;

const LABELS = {
  category: (key: string) => labelFrom(CATEGORIES, key),
  ministry: (key: string) => labelFrom(MINISTRIES, key),
  territory: territoryKeyLabel,
  fundingMode: (key: string) => labelFrom(FUNDING_MODES, key),
  // A laureate's row is labelled with its title, read beside it.
  laureate: (key: string) => key,
};

type Dimension = keyof typeof LABELS;

/**
 * The whole portfolio, its four groupings and each laureate in one statement (GROUPING
 * SETS): one pass over the laureates instead of five queries, sent at the
 * same time as the programme's row. The money is the dashboard's as of the
 * day (`moneyAsOf`): today, the ledger as it stands; a past day, as known
 * at its end.
 */
async function portfolioFigures(db: Executor, day: string) {
  const money = moneyAsOf(db, day);
  const dimensions: [Dimension, SQL<string>][] = [
    ["category", sql<string>`${money.category}`],
    ["ministry", sql<string>`${money.ministry}`],
    ["territory", sql<string>`${money.territoryKey}`],
    ["fundingMode", sql<string>`${money.fundingMode}`],
    ["laureate", sql<string>`${money.slug}`],
  ];
  const { dimension, key, groupBy } = groupingSets(dimensions);
  const rows = await db
    .select({
      dimension,
      key,
      // The title of the one laureate of a laureate's row.
      title: sql<string>`min(${money.title})`,
      laureates: sql<number>`count(*)::int`,
      ...moneyFigureSums({
        allocated: sql`${money.allocatedCents}`,
        paid: sql`${money.paidCents}`,
        committed: sql`${money.committed}`,
        blocked: sql`${money.blockedCents}`,
      }),
      demonstration: sql<boolean>`coalesce(bool_or(${money.isDemo}), false)`,
    })
    .from(money)
    .groupBy(groupBy)
    .orderBy(sql`min(array[${money.position}, ${money.id}])`);
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
 * The envelope and the portfolio at a glance at the end of `day` (Paris):
 * today, or a past day as known then; every figure is computed by the
 * database, by the same rules as the dashboard's.
 */
export async function getProgrammeOverview(db: Executor, day: string): Promise<ProgrammeOverview | null> {
  const [[programme], { totals, byCategory, byMinistry, byTerritory, byFundingMode, byLaureate }] =
    await readTogether(db, [
      () => db.select().from(programmes).orderBy(asc(programmes.id)).limit(1),
      () => portfolioFigures(db, day),
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
    // envelope − Σ allocations on the day; today, what the ledger keeps in `allocated_cents`.
    reserveCents: programme.envelopeCents - (totals?.allocatedCents ?? 0),
    demonstration: totals?.demonstration ?? false,
    byCategory,
    byMinistry,
    byTerritory,
    byFundingMode,
    byLaureate,
  };
}
