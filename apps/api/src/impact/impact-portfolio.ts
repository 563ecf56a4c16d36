import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  aggregateCommon,
  aggregationRule,
  CATEGORIES,
  keysOf,
  type CategoryKey,
  type CommonContributor,
  type ImpactChanges,
  type ImpactPortfolio,
  type IndicatorItem,
} from "@defis/domain";
import { asc, inArray } from "drizzle-orm";
import { measuresKnownOn } from "../dashboard/known-on.js";
import { loadIndicatorsOn } from "./indicator-queries.js";

const { commonIndicators, laureates } = schema;

interface LaureateRef {
  slug: string;
  title: string;
  category: CategoryKey;
}

async function laureateRefs(db: Executor): Promise<Map<number, LaureateRef>> {
  const rows = await db
    .select({ id: laureates.id, slug: laureates.slug, title: laureates.title, category: laureates.category })
    .from(laureates)
    .orderBy(asc(laureates.id));
  return new Map(rows.map(({ id, category, ...ref }) => [id, { ...ref, category: category as CategoryKey }]));
}

function refOf(refs: Map<number, LaureateRef>, laureateId: number): LaureateRef {
  const ref = refs.get(laureateId);
  if (!ref) throw new Error(`Lauréat ${String(laureateId)} introuvable`);
  return ref;
}

/**
 * Impact across the portfolio at the end of `day`: every common indicator
 * added up over the followed indicators linked to it (overall and by
 * category), the portfolio's counts, and the laureates' own indicators.
 * /pilotage reads it, and a review freezes it in its snapshot.
 */
export async function impactPortfolioOn(db: Executor, day: string): Promise<ImpactPortfolio> {
  const [followed, catalogue, refs] = await readTogether(db, [
    () => loadIndicatorsOn(db, day),
    () => db.select().from(commonIndicators).orderBy(asc(commonIndicators.name)),
    () => laureateRefs(db),
  ] as const);
  const common = catalogue.map((entry) => {
    const contributors: CommonContributor[] = followed
      .filter((indicator) => indicator.commonIndicatorId === entry.id)
      .map((indicator) => ({
        ...refOf(refs, indicator.laureateId),
        indicatorId: indicator.id,
        indicatorName: indicator.name,
        baselineValue: indicator.baselineValue,
        currentValue: indicator.latest?.value ?? null,
        targetValue: indicator.targetValue,
        weight: indicator.weight,
      }));
    const byCategory = keysOf(CATEGORIES)
      .map((category) => ({
        category,
        contributions: contributors.filter((contributor) => contributor.category === category),
      }))
      .filter(({ contributions }) => contributions.length > 0)
      .map(({ category, contributions }) => ({
        category,
        totals: aggregateCommon(entry.aggregation, contributions),
      }));
    return {
      id: entry.id,
      name: entry.name,
      unit: entry.unit,
      unitLabel: entry.unitLabel,
      aggregation: entry.aggregation,
      description: entry.description,
      rule: aggregationRule(entry.aggregation),
      overall: aggregateCommon(entry.aggregation, contributors),
      byCategory,
      contributors,
    };
  });
  const own = new Map<number, ImpactPortfolio["own"][number]>();
  for (const indicator of followed.filter((item) => item.commonIndicatorId === null)) {
    const group = own.get(indicator.laureateId) ?? { ...refOf(refs, indicator.laureateId), indicators: [] };
    group.indicators.push({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      unitLabel: indicator.unitLabel,
      direction: indicator.direction,
      baselineValue: indicator.baselineValue,
      currentValue: indicator.latest?.value ?? null,
      measuredOn: indicator.latest?.measuredOn ?? null,
      targetValue: indicator.targetValue,
      targetOn: indicator.targetOn,
      progressRate: indicator.progressRate,
      targetReached: indicator.targetReached,
      freshness: indicator.freshness,
    });
    own.set(indicator.laureateId, group);
  }
  return {
    asOf: day,
    counts: {
      followed: followed.length,
      measured: followed.filter((indicator) => indicator.latest !== null).length,
      targetReached: followed.filter((indicator) => indicator.targetReached).length,
      toUpdate: followed.filter((indicator) => indicator.freshness === "a_mettre_a_jour").length,
    },
    common,
    own: [...own.values()],
  };
}

async function measureIdsKnownOn(db: Executor, day: string, indicatorIds: readonly number[]) {
  if (indicatorIds.length === 0) return [];
  const known = measuresKnownOn(db, day);
  return db
    .select({
      id: known.id,
      indicatorId: known.indicatorId,
      value: known.value,
      measuredOn: known.measuredOn,
    })
    .from(known)
    .where(inArray(known.indicatorId, [...indicatorIds]))
    .orderBy(asc(known.laureateId), asc(known.measuredOn), asc(known.id));
}

/**
 * What changed in impact from the end of `previousDay` to the end of `day`,
 * from the measures as known on each: the measures entered since, the
 * targets reached since, and the indicators "à mettre à jour" on `day`.
 */
export async function impactChangesBetween(
  db: Executor,
  previousDay: string,
  day: string,
): Promise<ImpactChanges> {
  const [now, before, refs] = await readTogether(db, [
    () => loadIndicatorsOn(db, day),
    () => loadIndicatorsOn(db, previousDay),
    () => laureateRefs(db),
  ] as const);
  const ids = now.map((indicator) => indicator.id);
  const [measuresNow, measuresBefore] = await readTogether(db, [
    () => measureIdsKnownOn(db, day, ids),
    () => measureIdsKnownOn(db, previousDay, ids),
  ] as const);
  const indicatorOf = new Map(now.map((indicator) => [indicator.id, indicator]));
  const knownBefore = new Set(measuresBefore.map((measure) => measure.id));
  const reachedBefore = new Set(before.filter((item) => item.targetReached).map((item) => item.id));
  const about = (indicator: IndicatorItem) => ({
    ...refOf(refs, indicator.laureateId),
    indicatorId: indicator.id,
    indicator: indicator.name,
  });
  return {
    previousAsOf: previousDay,
    newMeasures: measuresNow
      .filter((measure) => !knownBefore.has(measure.id))
      .flatMap((measure) => {
        const indicator = indicatorOf.get(measure.indicatorId);
        if (!indicator) return [];
        return [
          {
            ...about(indicator),
            unit: indicator.unit,
            unitLabel: indicator.unitLabel,
            value: measure.value,
            measuredOn: measure.measuredOn,
          },
        ];
      }),
    targetsReached: now
      .filter((indicator) => indicator.targetReached && !reachedBefore.has(indicator.id))
      .map(about),
    toUpdate: now
      .filter((indicator) => indicator.freshness === "a_mettre_a_jour")
      .map((indicator) => ({ ...about(indicator), nextDueOn: indicator.nextDueOn })),
  };
}
