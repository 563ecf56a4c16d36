import type { CategoryKey } from "../laureate.js";
import type { CommonTotals } from "./rules.js";
import {
  COMMON_AGGREGATIONS,
  type CommonAggregation,
  type IndicatorDirection,
  type IndicatorFreshness,
  type IndicatorUnit,
} from "./vocabulary.js";

/**
 * What the direction sees of impact: the common indicators added up across
 * the laureates, the portfolio's counts, and the laureates' own indicators.
 * The same figures show on /pilotage and freeze in a review's snapshot.
 */

interface LaureateRef {
  slug: string;
  title: string;
  category: CategoryKey;
}

/** One laureate's followed indicator linked to a common indicator, on the day. */
export interface CommonContributor extends LaureateRef {
  indicatorId: number;
  indicatorName: string;
  baselineValue: number;
  currentValue: number | null;
  targetValue: number;
  weight: number;
}

export interface CommonIndicatorAggregate {
  id: number;
  name: string;
  unit: IndicatorUnit;
  unitLabel: string;
  aggregation: CommonAggregation;
  description: string;
  /** How the figures add up, in words (the weight explained for a weighted mean). */
  rule: string;
  overall: CommonTotals;
  /** Only the categories with at least one contributing laureate, in the dictionary's order. */
  byCategory: { category: CategoryKey; totals: CommonTotals }[];
  contributors: CommonContributor[];
}

/** The portfolio's followed indicators, counted on the day. */
export interface ImpactCounts {
  followed: number;
  /** With at least one measure known on the day. */
  measured: number;
  targetReached: number;
  /** Past the periodicity since their latest measure (or their baseline). */
  toUpdate: number;
}

/** A laureate's own indicator (linked to no common one), where it stands on the day. */
export interface OwnIndicator {
  id: number;
  name: string;
  unit: IndicatorUnit;
  unitLabel: string;
  direction: IndicatorDirection;
  baselineValue: number;
  currentValue: number | null;
  measuredOn: string | null;
  targetValue: number;
  targetOn: string;
  progressRate: number | null;
  targetReached: boolean;
  freshness: IndicatorFreshness;
}

export interface ImpactPortfolio {
  asOf: string;
  counts: ImpactCounts;
  common: CommonIndicatorAggregate[];
  own: (LaureateRef & { indicators: OwnIndicator[] })[];
}

/** What changed in impact between two reviews, from the measures as known on each day. */
export interface ImpactChanges {
  previousAsOf: string;
  newMeasures: (LaureateRef & {
    indicatorId: number;
    indicator: string;
    unit: IndicatorUnit;
    unitLabel: string;
    value: number;
    measuredOn: string;
  })[];
  targetsReached: (LaureateRef & { indicatorId: number; indicator: string })[];
  toUpdate: (LaureateRef & { indicatorId: number; indicator: string; nextDueOn: string })[];
}

/** The aggregation rule of a common indicator, as the pages and the review state it. */
export function aggregationRule(aggregation: CommonAggregation): string {
  return aggregation === "somme"
    ? `${COMMON_AGGREGATIONS.somme} : les valeurs des lauréats s'additionnent ; un lauréat sans mesure compte pour sa valeur initiale.`
    : `${COMMON_AGGREGATIONS.moyenne_ponderee} : chaque lauréat pèse le poids que déclare son indicateur (son nombre de dossiers, d'agents…, 1 par défaut) ; un lauréat sans mesure compte pour sa valeur initiale.`;
}
