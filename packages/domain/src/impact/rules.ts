import { daysBetween } from "../dates.js";
import {
  PERIODICITY_MONTHS,
  type CommonAggregation,
  type IndicatorDirection,
  type IndicatorFreshness,
  type IndicatorPeriodicity,
} from "./vocabulary.js";

/**
 * The pure rules of impact: progress rate, when a measure is due, and how a
 * common indicator adds up. The server, the pages, the exports and the
 * review call these and nothing else.
 */

export const PROGRESS_RATE_FORMULA =
  "Taux d'avancement = (valeur actuelle − valeur initiale) ÷ (cible − valeur initiale), borné entre 0 % et 100 %.";

/**
 * How far an indicator has gone from its baseline to its target, between 0
 * and 1. The direction is carried by the signs: for a "baisse" indicator
 * (45 → 20 days) a current value of 30 gives (30 − 45) / (20 − 45) = 60 %.
 * A move the wrong way counts 0, going past the target counts 1. Null when
 * nothing was measured, or when the target equals the baseline, or points the
 * other way than the desired direction (the indicator is then to be fixed).
 */
export function progressRate(indicator: {
  baselineValue: number;
  targetValue: number;
  direction: IndicatorDirection;
  currentValue: number | null;
}): number | null {
  const { baselineValue, targetValue, direction, currentValue } = indicator;
  if (currentValue === null) return null;
  const span = targetValue - baselineValue;
  if (span === 0 || (direction === "hausse") !== span > 0) return null;
  const rate = (currentValue - baselineValue) / span;
  return Math.min(1, Math.max(0, rate));
}

/** Whether the current value reached the target, in the desired direction. */
export function targetReached(indicator: {
  targetValue: number;
  direction: IndicatorDirection;
  currentValue: number | null;
}): boolean {
  const { targetValue, direction, currentValue } = indicator;
  if (currentValue === null) return false;
  return direction === "hausse" ? currentValue >= targetValue : currentValue <= targetValue;
}

/** A day plus whole months, held to the last day of a shorter month (31 January + 1 month = 28 or 29 February). */
export function addMonthsToDay(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${String(targetYear)}-${pad(targetMonth)}-${pad(Math.min(date, lastDay))}`;
}

/**
 * When the next measure is due: one period after the latest measure, or
 * after the baseline when nothing was measured since.
 */
export function nextMeasureDueOn(
  indicator: { baselineOn: string; periodicity: IndicatorPeriodicity },
  latestMeasuredOn: string | null,
): string {
  return addMonthsToDay(latestMeasuredOn ?? indicator.baselineOn, PERIODICITY_MONTHS[indicator.periodicity]);
}

/** "À mettre à jour" once the day is past the next measure's due date. */
export function indicatorFreshnessOn(
  indicator: { baselineOn: string; periodicity: IndicatorPeriodicity },
  latestMeasuredOn: string | null,
  day: string,
): IndicatorFreshness {
  return daysBetween(nextMeasureDueOn(indicator, latestMeasuredOn), day) > 0 ? "a_mettre_a_jour" : "a_jour";
}

/** The intermediate target of a year, when one was set; the final target otherwise. */
export function targetForYear(
  indicator: { targetValue: number; yearlyTargets: readonly { year: number; value: number }[] },
  year: number,
): number {
  return indicator.yearlyTargets.find((target) => target.year === year)?.value ?? indicator.targetValue;
}

/** One laureate's contribution to a common indicator. */
export interface CommonContribution {
  baselineValue: number;
  currentValue: number | null;
  targetValue: number;
  /** Weight in a weighted mean (its number of files, of agents…); 1 when none is declared. */
  weight: number;
}

export interface CommonTotals {
  baseline: number;
  /** Null when no contributing laureate has measured yet. */
  current: number | null;
  target: number;
  /** Laureates that report to it, and those with at least one measure. */
  reporting: number;
  measured: number;
}

/**
 * A common indicator across the laureates that report it. A sum adds the
 * values; a weighted mean averages them, each weighted by its `weight`. A
 * laureate not measured yet counts at its baseline in "actuel", so that
 * baseline, current and target add up over the same laureates.
 */
export function aggregateCommon(
  aggregation: CommonAggregation,
  contributions: readonly CommonContribution[],
): CommonTotals {
  const measured = contributions.filter((item) => item.currentValue !== null).length;
  const currentOf = (item: CommonContribution) => item.currentValue ?? item.baselineValue;
  const combine = (value: (item: CommonContribution) => number): number => {
    if (aggregation === "somme") return roundValue(contributions.reduce((sum, item) => sum + value(item), 0));
    const totalWeight = contributions.reduce((sum, item) => sum + item.weight, 0);
    if (totalWeight === 0) return 0;
    return roundValue(contributions.reduce((sum, item) => sum + value(item) * item.weight, 0) / totalWeight);
  };
  return {
    baseline: combine((item) => item.baselineValue),
    current: measured === 0 ? null : combine(currentOf),
    target: combine((item) => item.targetValue),
    reporting: contributions.length,
    measured,
  };
}

/** Indicator values keep two decimals, as stored. */
export function roundValue(value: number): number {
  return Math.round(value * 100) / 100;
}
