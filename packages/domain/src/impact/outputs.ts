import type {
  CommonAggregation,
  IndicatorDirection,
  IndicatorFreshness,
  IndicatorPeriodicity,
  IndicatorStatus,
  IndicatorSubject,
  IndicatorUnit,
} from "./vocabulary.js";

/** A measure as the Impact tab, the exports and the review read it. */
export interface MeasureItem {
  id: number;
  indicatorId: number;
  measuredOn: string;
  value: number;
  source: string;
  comment: string;
  version: number;
  isDemo: boolean;
  /** Who wrote the value in force, and when (a correction's author once corrected). */
  writtenBy: string | null;
  writtenAt: string;
  /** The values it had before a correction, latest first. */
  corrections: {
    value: number;
    source: string;
    comment: string;
    writtenBy: string | null;
    writtenAt: string;
  }[];
}

/** An indicator with where it stands on a day, as known at the end of that day. */
export interface IndicatorItem {
  id: number;
  laureateId: number;
  name: string;
  unit: IndicatorUnit;
  unitLabel: string;
  subject: IndicatorSubject;
  direction: IndicatorDirection;
  baselineValue: number;
  baselineOn: string;
  targetValue: number;
  targetOn: string;
  yearlyTargets: { year: number; value: number }[];
  periodicity: IndicatorPeriodicity;
  source: string;
  method: string;
  commonIndicatorId: number | null;
  commonIndicatorName: string | null;
  weight: number;
  status: IndicatorStatus;
  proposedBy: string | null;
  refusalReason: string | null;
  version: number;
  isDemo: boolean;
  /** The latest measure on or before the day, as known then. */
  latest: { value: number; measuredOn: string } | null;
  progressRate: number | null;
  targetReached: boolean;
  freshness: IndicatorFreshness;
  nextDueOn: string;
}

/** A laureate's Impact tab: its indicators and their measures, on a day. */
export interface LaureateImpact {
  asOf: string;
  indicators: IndicatorItem[];
  measures: MeasureItem[];
}

export interface CommonIndicatorItem {
  id: number;
  name: string;
  unit: IndicatorUnit;
  unitLabel: string;
  aggregation: CommonAggregation;
  description: string;
  version: number;
  isDemo: boolean;
  /** How many followed indicators are linked to it. */
  linkedIndicators: number;
}
