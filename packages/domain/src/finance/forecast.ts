import { addDays, addMonths, daysBetween, periodOf } from "../dates.js";
import type { CategoryKey } from "../laureate.js";
import type { Cents } from "../money.js";

/**
 * The landing forecast ("atterrissage"): when the money still to pay will be
 * paid, read from the schedule and the slippage observed so far. Pure, so that
 * docs/pilotage.md can state it and a test can check it against a portfolio
 * computed by hand.
 *
 * - The slippage of a paid tranche is `paid day − planned day`, in days
 *   (negative when paid early).
 * - Its statistics, overall and by category: the median (central scenario),
 *   the first quartile (early scenario, top of the band) and the third
 *   quartile (late scenario, bottom of the band); quantiles interpolated
 *   linearly between the sorted delays, then rounded to the nearest day.
 * - A category with fewer than `MIN_PAID_TRANCHES_PER_CATEGORY` paid tranches
 *   borrows the overall statistics; with no paid tranche at all, the
 *   slippage is zero.
 * - Each tranche open on the day lands on `planned + delay`, never before the
 *   day after `asOf`; the cumulative paid curve adds those landings month by
 *   month to what was paid on the day.
 */

/** Below this many paid tranches, a category's own slippage says too little: the overall one is used. */
export const MIN_PAID_TRANCHES_PER_CATEGORY = 5;

/** One tranche of the schedule as it was known on the day. */
export interface ForecastTranche {
  laureateId: number;
  trancheId: number;
  category: CategoryKey;
  plannedOn: string;
  plannedAmountCents: Cents;
  /** The day it was paid, if paid on or before the forecast's day. */
  paidOn: string | null;
}

export interface ForecastInput {
  /** The day the forecast is made on: only what was known that day counts. */
  asOf: string;
  tranches: readonly ForecastTranche[];
  /** What was paid on the day (payments outside the schedule and reversals included). */
  paidCents: Cents;
  envelopeCents: Cents;
  /** The programme's end and the day its envelope must be consumed; null while not set. */
  endsOn: string | null;
  consumptionDeadlineOn: string | null;
}

export interface SlippageStatistics {
  /** Paid tranches the statistics come from. */
  paidTranches: number;
  earlyDays: number;
  medianDays: number;
  lateDays: number;
}

export interface CategorySlippage extends SlippageStatistics {
  category: CategoryKey;
  /** True when the category had too few paid tranches and the overall figures were used. */
  usesOverall: boolean;
  /** Its own paid tranches, whether or not they sufficed. */
  ownPaidTranches: number;
}

/** One month of the forecast: cumulative paid at its end, in the three scenarios. */
export interface ForecastMonth {
  /** "YYYY-MM". */
  month: string;
  centralCents: Cents;
  /** Early scenario: the top of the band. */
  highCents: Cents;
  /** Late scenario: the bottom of the band. */
  lowCents: Cents;
}

export interface LaureateAfterDeadline {
  laureateId: number;
  /** Central scenario: open money landing after the deadline. */
  amountCents: Cents;
  tranches: number;
}

export interface ConsumptionForecast {
  asOf: string;
  endsOn: string | null;
  consumptionDeadlineOn: string | null;
  overall: SlippageStatistics;
  byCategory: CategorySlippage[];
  /** From the month of `asOf` to the later of the end month and the last landing. */
  months: ForecastMonth[];
  /** Money of the tranches open on the day. */
  openCents: Cents;
  /** Envelope − paid − open: money no schedule plans to pay. */
  unscheduledCents: Cents;
  /** Open money landing after the deadline, in each scenario; null without a deadline. */
  afterDeadline: { centralCents: Cents; earlyCents: Cents; lateCents: Cents } | null;
  /** The laureates carrying the central amount after the deadline, largest first. */
  laureatesAfterDeadline: LaureateAfterDeadline[];
}

/** Linear interpolation between the closest ranks of sorted values (`p` in [0, 1]). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (position - lower) * (high - low);
}

export function slippageOf(delays: readonly number[]): SlippageStatistics {
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    paidTranches: sorted.length,
    earlyDays: Math.round(quantile(sorted, 0.25)),
    medianDays: Math.round(quantile(sorted, 0.5)),
    lateDays: Math.round(quantile(sorted, 0.75)),
  };
}

type Scenario = "earlyDays" | "medianDays" | "lateDays";

const isPaidOn = (tranche: ForecastTranche, asOf: string) =>
  tranche.paidOn !== null && tranche.paidOn <= asOf;

function landingOn(tranche: ForecastTranche, delayDays: number, asOf: string): string {
  const landing = addDays(tranche.plannedOn, delayDays);
  const tomorrow = addDays(asOf, 1);
  return landing < tomorrow ? tomorrow : landing;
}

export function forecastConsumption(input: ForecastInput): ConsumptionForecast {
  const { asOf } = input;
  const paid = input.tranches.filter((tranche) => isPaidOn(tranche, asOf));
  const open = input.tranches.filter((tranche) => !isPaidOn(tranche, asOf));
  const delayOf = (tranche: ForecastTranche) => daysBetween(tranche.plannedOn, tranche.paidOn ?? asOf);
  const overall = slippageOf(paid.map(delayOf));

  const categories = [...new Set(input.tranches.map((tranche) => tranche.category))].sort();
  const byCategory: CategorySlippage[] = categories.map((category) => {
    const own = slippageOf(paid.filter((tranche) => tranche.category === category).map(delayOf));
    const usesOverall = own.paidTranches < MIN_PAID_TRANCHES_PER_CATEGORY;
    return { ...(usesOverall ? overall : own), category, usesOverall, ownPaidTranches: own.paidTranches };
  });
  const slippageByCategory = new Map(byCategory.map((entry) => [entry.category, entry]));
  const landings = open.map((tranche) => {
    const slippage = slippageByCategory.get(tranche.category) ?? overall;
    const on = (scenario: Scenario) => landingOn(tranche, slippage[scenario], asOf);
    return { tranche, central: on("medianDays"), early: on("earlyDays"), late: on("lateDays") };
  });

  const openCents = open.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0);
  const firstMonth = periodOf(asOf);
  const lastMonth = [input.endsOn, ...landings.map((landing) => landing.late)]
    .filter((day): day is string => day !== null)
    .map(periodOf)
    .reduce((latest, month) => (month > latest ? month : latest), firstMonth);
  const paidBy = (month: string, scenario: "central" | "early" | "late") =>
    input.paidCents +
    landings
      .filter((landing) => periodOf(landing[scenario]) <= month)
      .reduce((sum, landing) => sum + landing.tranche.plannedAmountCents, 0);
  const months: ForecastMonth[] = [];
  for (let month = firstMonth; month <= lastMonth; month = addMonths(month, 1)) {
    months.push({
      month,
      centralCents: paidBy(month, "central"),
      highCents: paidBy(month, "early"),
      lowCents: paidBy(month, "late"),
    });
  }

  const deadline = input.consumptionDeadlineOn;
  const after = (scenario: "central" | "early" | "late") =>
    deadline === null ? [] : landings.filter((landing) => landing[scenario] > deadline);
  const sumOf = (list: typeof landings) =>
    list.reduce((sum, landing) => sum + landing.tranche.plannedAmountCents, 0);
  const carriers = new Map<number, LaureateAfterDeadline>();
  for (const { tranche } of after("central")) {
    const entry = carriers.get(tranche.laureateId) ?? {
      laureateId: tranche.laureateId,
      amountCents: 0,
      tranches: 0,
    };
    entry.amountCents += tranche.plannedAmountCents;
    entry.tranches += 1;
    carriers.set(tranche.laureateId, entry);
  }

  return {
    asOf,
    endsOn: input.endsOn,
    consumptionDeadlineOn: deadline,
    overall,
    byCategory,
    months,
    openCents,
    unscheduledCents: Math.max(0, input.envelopeCents - input.paidCents - openCents),
    afterDeadline:
      deadline === null
        ? null
        : {
            centralCents: sumOf(after("central")),
            earlyCents: sumOf(after("early")),
            lateCents: sumOf(after("late")),
          },
    laureatesAfterDeadline: [...carriers.values()].sort(
      (left, right) => right.amountCents - left.amountCents || left.laureateId - right.laureateId,
    ),
  };
}
