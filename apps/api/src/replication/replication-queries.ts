import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  PROGRESS_STAGES,
  suggestAdopters,
  type AdoptionItem,
  type AssetKind,
  type CategoryKey,
  type LaureateReplication,
  type MatrixPoint,
  type RegionCode,
  type ReplicationFilters,
  type ReplicationOverview,
  type ScorecardItem,
} from "@defis/domain";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { adoptions, laureateClosures, laureates, replicationScorecards, reusableAssets, users } = schema;

const adoptionColumns = {
  id: adoptions.id,
  laureateSlug: laureates.slug,
  laureateTitle: laureates.title,
  organisation: adoptions.organisation,
  regionCode: sql<RegionCode>`${adoptions.regionCode}`,
  departementCode: adoptions.departementCode,
  stage: adoptions.stage,
  identifiedOn: adoptions.identifiedOn,
  contactedOn: adoptions.contactedOn,
  pilotOn: adoptions.pilotOn,
  deployedOn: adoptions.deployedOn,
  abandonedOn: adoptions.abandonedOn,
  abandonReason: adoptions.abandonReason,
  contact: adoptions.contact,
  notes: adoptions.notes,
  version: adoptions.version,
  isDemo: adoptions.isDemo,
};

/** Scorecards, assets, closure, adoptions and suggestions of one laureate. */
export async function laureateReplication(db: Executor, slug: string): Promise<LaureateReplication> {
  const laureateId = await laureateIdOf(db, slug);
  const [scorecardRows, assets, [closure], adoptionRows, portfolio] = await readTogether(db, [
    () =>
      db
        .select({ card: replicationScorecards, scoredBy: users.displayName })
        .from(replicationScorecards)
        .leftJoin(users, eq(users.id, replicationScorecards.scoredBy))
        .where(eq(replicationScorecards.laureateId, laureateId))
        .orderBy(desc(replicationScorecards.scoredAt), desc(replicationScorecards.id)),
    () =>
      db
        .select({
          id: reusableAssets.id,
          kind: sql<AssetKind>`${reusableAssets.kind}`,
          label: reusableAssets.label,
          url: reusableAssets.url,
          contactEmail: reusableAssets.contactEmail,
          version: reusableAssets.version,
          isDemo: reusableAssets.isDemo,
        })
        .from(reusableAssets)
        .where(eq(reusableAssets.laureateId, laureateId))
        .orderBy(asc(reusableAssets.kind), asc(reusableAssets.id)),
    () =>
      db
        .select({
          closedOn: laureateClosures.closedOn,
          lessonsLearned: laureateClosures.lessonsLearned,
          closedBy: users.displayName,
          isDemo: laureateClosures.isDemo,
        })
        .from(laureateClosures)
        .leftJoin(users, eq(users.id, laureateClosures.closedBy))
        .where(eq(laureateClosures.laureateId, laureateId)),
    () =>
      db
        .select(adoptionColumns)
        .from(adoptions)
        .innerJoin(laureates, eq(laureates.id, adoptions.laureateId))
        .where(eq(adoptions.laureateId, laureateId))
        .orderBy(asc(adoptions.identifiedOn), asc(adoptions.id)),
    () =>
      db
        .select({
          slug: laureates.slug,
          title: laureates.title,
          category: sql<CategoryKey>`${laureates.category}`,
          regionCode: sql<RegionCode | null>`${laureates.regionCode}`,
          benefitsForAgents: laureates.benefitsForAgents,
          benefitsForUsagers: laureates.benefitsForUsagers,
        })
        .from(laureates)
        .orderBy(asc(laureates.position)),
  ]);
  const candidates = portfolio.map((row) => ({
    slug: row.slug,
    title: row.title,
    category: row.category,
    regionCode: row.regionCode,
    benefits: [...row.benefitsForAgents, ...row.benefitsForUsagers],
  }));
  const self = candidates.find((candidate) => candidate.slug === slug);
  const regionsWithAdoption = new Set(
    adoptionRows.filter((adoption) => adoption.stage !== "abandonnee").map((adoption) => adoption.regionCode),
  );
  return {
    laureateSlug: slug,
    scorecards: scorecardRows.map(({ card, scoredBy }) => scorecardItem(card, scoredBy)),
    assets,
    closure: closure ?? null,
    adoptions: adoptionRows,
    suggestions: self
      ? suggestAdopters(self, candidates, regionsWithAdoption)
      : { laureates: [], territories: [] },
  };
}

function scorecardItem(
  card: typeof replicationScorecards.$inferSelect,
  scoredBy: string | null,
): ScorecardItem {
  return {
    id: card.id,
    criteria: {
      maturity: { score: card.maturityScore, justification: card.maturityJustification },
      evidence: { score: card.evidenceScore, justification: card.evidenceJustification },
      transferability: { score: card.transferabilityScore, justification: card.transferabilityJustification },
      cost: { score: card.costScore, justification: card.costJustification },
      prerequisites: { score: card.prerequisitesScore, justification: card.prerequisitesJustification },
      openness: { score: card.opennessScore, justification: card.opennessJustification },
    },
    index: card.potentialIndex,
    sponsorName: card.sponsorName,
    scoredBy,
    scoredAt: card.scoredAt,
    isDemo: card.isDemo,
  };
}

function adoptionConditions(filters: ReplicationFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.category) conditions.push(eq(laureates.category, filters.category));
  if (filters.stage) conditions.push(eq(adoptions.stage, filters.stage));
  if (filters.region) conditions.push(eq(adoptions.regionCode, filters.region));
  return conditions;
}

/** How far an adoption went: 0 abandoned, 1 identified … 4 deployed. */
const progressSql = sql<number>`case ${adoptions.stage}
  when 'deployee' then 4 when 'pilote' then 3 when 'contactee' then 2 when 'identifiee' then 1 else 0 end`;

/**
 * The portfolio's replication picture, every figure summed by the database:
 * the stage funnel, the index-versus-progress matrix, adoptions by région and
 * the adoption registry, under the same filters.
 */
export async function replicationOverview(
  db: Executor,
  filters: ReplicationFilters,
): Promise<ReplicationOverview> {
  const where = and(...adoptionConditions(filters));
  const latestScorecards = db
    .selectDistinctOn([replicationScorecards.laureateId], {
      laureateId: replicationScorecards.laureateId,
      potentialIndex: replicationScorecards.potentialIndex,
    })
    .from(replicationScorecards)
    .orderBy(
      replicationScorecards.laureateId,
      desc(replicationScorecards.scoredAt),
      desc(replicationScorecards.id),
    )
    .as("latest_scorecard");
  const adoptionTotals = db
    .select({
      laureateId: adoptions.laureateId,
      progress: sql<number>`max(${progressSql})`.as("progress"),
      total: sql<number>`count(*)`.as("total"),
    })
    .from(adoptions)
    .innerJoin(laureates, eq(laureates.id, adoptions.laureateId))
    .where(where)
    .groupBy(adoptions.laureateId)
    .as("adoption_totals");

  const [[funnel], matrix, regions, registry, [freshness]] = await readTogether(db, [
    () =>
      db
        .select({
          identifiee: sql<number>`count(*)::int`,
          contactee: sql<number>`count(${adoptions.contactedOn})::int`,
          pilote: sql<number>`count(${adoptions.pilotOn})::int`,
          deployee: sql<number>`count(${adoptions.deployedOn})::int`,
          atIdentifiee: sql<number>`count(*) filter (where ${adoptions.stage} = 'identifiee')::int`,
          atContactee: sql<number>`count(*) filter (where ${adoptions.stage} = 'contactee')::int`,
          atPilote: sql<number>`count(*) filter (where ${adoptions.stage} = 'pilote')::int`,
          atDeployee: sql<number>`count(*) filter (where ${adoptions.stage} = 'deployee')::int`,
          abandoned: sql<number>`count(*) filter (where ${adoptions.stage} = 'abandonnee')::int`,
        })
        .from(adoptions)
        .innerJoin(laureates, eq(laureates.id, adoptions.laureateId))
        .where(where),
    () =>
      db
        .select({
          slug: laureates.slug,
          title: laureates.title,
          category: sql<CategoryKey>`${laureates.category}`,
          index: sql<number>`${latestScorecards.potentialIndex}::int`,
          progress: sql<number>`coalesce(${adoptionTotals.progress}, 0)::int`,
          adoptions: sql<number>`coalesce(${adoptionTotals.total}, 0)::int`,
        })
        .from(latestScorecards)
        .innerJoin(laureates, eq(laureates.id, latestScorecards.laureateId))
        .leftJoin(adoptionTotals, eq(adoptionTotals.laureateId, laureates.id))
        .where(filters.category ? eq(laureates.category, filters.category) : undefined)
        .orderBy(asc(laureates.position)),
    () =>
      db
        .select({
          regionCode: sql<RegionCode>`${adoptions.regionCode}`,
          total: sql<number>`count(*) filter (where ${adoptions.stage} <> 'abandonnee')::int`,
          deployed: sql<number>`count(*) filter (where ${adoptions.stage} = 'deployee')::int`,
        })
        .from(adoptions)
        .innerJoin(laureates, eq(laureates.id, adoptions.laureateId))
        .where(where)
        .groupBy(adoptions.regionCode)
        .orderBy(asc(adoptions.regionCode)),
    () =>
      db
        .select(adoptionColumns)
        .from(adoptions)
        .innerJoin(laureates, eq(laureates.id, adoptions.laureateId))
        .where(where)
        .orderBy(asc(laureates.position), asc(adoptions.identifiedOn), asc(adoptions.id)),
    () =>
      db
        .select({
          dataDate: sql<Date | null>`greatest(
          (select max(${adoptions.updatedAt}) from ${adoptions}),
          (select max(${replicationScorecards.scoredAt}) from ${replicationScorecards}))`.mapWith(
            (value: string | Date | null) => (value === null ? null : new Date(value)),
          ),
          hasDemo: sql<boolean>`exists (select 1 from ${adoptions} where ${adoptions.isDemo})
          or exists (select 1 from ${replicationScorecards} where ${replicationScorecards.isDemo})`,
        })
        .from(sql`(select 1) as one`),
  ]);
  const reached: Record<(typeof PROGRESS_STAGES)[number], number> = {
    identifiee: funnel?.identifiee ?? 0,
    contactee: funnel?.contactee ?? 0,
    pilote: funnel?.pilote ?? 0,
    deployee: funnel?.deployee ?? 0,
  };
  const current: Record<(typeof PROGRESS_STAGES)[number], number> = {
    identifiee: funnel?.atIdentifiee ?? 0,
    contactee: funnel?.atContactee ?? 0,
    pilote: funnel?.atPilote ?? 0,
    deployee: funnel?.atDeployee ?? 0,
  };
  return {
    funnel: PROGRESS_STAGES.map((stage) => ({ stage, reached: reached[stage], current: current[stage] })),
    abandoned: funnel?.abandoned ?? 0,
    matrix: matrix satisfies MatrixPoint[],
    regions: regions.filter((region) => region.total > 0),
    adoptions: registry satisfies AdoptionItem[],
    dataDate: freshness?.dataDate ?? null,
    hasDemo: freshness?.hasDemo ?? false,
  };
}
