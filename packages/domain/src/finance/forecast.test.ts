import { describe, expect, it } from "vitest";
import { forecastConsumption, quantile, slippageOf, type ForecastTranche } from "./forecast.js";

const tranche = (
  trancheId: number,
  laureateId: number,
  category: ForecastTranche["category"],
  plannedOn: string,
  plannedAmountCents: number,
  paidOn: string | null = null,
): ForecastTranche => ({ trancheId, laureateId, category, plannedOn, plannedAmountCents, paidOn });

/**
 * A portfolio worked out by hand (docs/pilotage.md, « Atterrissage »).
 * Paid delays: organisations 10, 20, 30, 40, 50 days; numérique −5 and 0.
 * Overall, sorted: −5, 0, 10, 20, 30, 40, 50 → Q1 = 0 + 0.5 × 10 = 5, median 20, Q3 = 30 + 0.5 × 10 = 35.
 * Organisations (5 paid, enough): 20, 30, 40. Numérique (2) and parcours usagers (0) borrow the overall.
 */
const PORTFOLIO: ForecastTranche[] = [
  tranche(1, 1, "organisations", "2025-01-01", 500_000, "2025-01-11"),
  tranche(2, 1, "organisations", "2025-01-01", 500_000, "2025-01-21"),
  tranche(3, 2, "organisations", "2025-02-01", 500_000, "2025-03-03"),
  tranche(4, 2, "organisations", "2025-03-01", 500_000, "2025-04-10"),
  tranche(5, 2, "organisations", "2025-03-01", 500_000, "2025-04-20"),
  tranche(6, 3, "numerique", "2025-01-01", 500_000, "2024-12-27"),
  tranche(7, 3, "numerique", "2025-02-01", 500_000, "2025-02-01"),
  // Paid after the forecast's day: open on that day, and its delay is not known yet.
  tranche(8, 3, "numerique", "2025-06-01", 1_000_000, "2025-07-01"),
  tranche(9, 2, "organisations", "2025-09-01", 2_000_000),
  tranche(10, 4, "parcours-usagers", "2025-11-20", 3_000_000),
  tranche(11, 4, "parcours-usagers", "2026-01-10", 500_000),
  // Already overdue: lands the day after the forecast's day in every scenario.
  tranche(12, 3, "numerique", "2025-03-01", 700_000),
  tranche(13, 1, "organisations", "2025-12-01", 900_000),
];

describe("forecastConsumption", () => {
  const forecast = forecastConsumption({
    asOf: "2025-06-15",
    tranches: PORTFOLIO,
    // The seven paid tranches and 5 000 € paid outside the schedule.
    paidCents: 4_000_000,
    envelopeCents: 13_000_000,
    endsOn: "2025-12-31",
    consumptionDeadlineOn: "2025-12-15",
  });

  it("reads the slippage of the tranches paid on the day, overall and by category", () => {
    expect(forecast.overall).toEqual({ paidTranches: 7, earlyDays: 5, medianDays: 20, lateDays: 35 });
    expect(forecast.byCategory).toEqual([
      {
        category: "numerique",
        usesOverall: true,
        ownPaidTranches: 2,
        paidTranches: 7,
        earlyDays: 5,
        medianDays: 20,
        lateDays: 35,
      },
      {
        category: "organisations",
        usesOverall: false,
        ownPaidTranches: 5,
        paidTranches: 5,
        earlyDays: 20,
        medianDays: 30,
        lateDays: 40,
      },
      {
        category: "parcours-usagers",
        usesOverall: true,
        ownPaidTranches: 0,
        paidTranches: 7,
        earlyDays: 5,
        medianDays: 20,
        lateDays: 35,
      },
    ]);
  });

  it("projects the cumulative paid month by month, central and band", () => {
    // Central landings: t8 06-21, t12 06-16, t9 10-01, t10 12-10, t13 12-31, t11 2026-01-30.
    // Early: t8 and t12 06-16 (never before the next day), t9 09-21, t10 11-25, t13 12-21, t11 2026-01-15.
    // Late: t12 06-16, t8 07-06, t9 10-11, t10 12-25, t13 2026-01-10, t11 2026-02-14.
    expect(forecast.months).toEqual([
      { month: "2025-06", centralCents: 5_700_000, highCents: 5_700_000, lowCents: 4_700_000 },
      { month: "2025-07", centralCents: 5_700_000, highCents: 5_700_000, lowCents: 5_700_000 },
      { month: "2025-08", centralCents: 5_700_000, highCents: 5_700_000, lowCents: 5_700_000 },
      { month: "2025-09", centralCents: 5_700_000, highCents: 7_700_000, lowCents: 5_700_000 },
      { month: "2025-10", centralCents: 7_700_000, highCents: 7_700_000, lowCents: 7_700_000 },
      { month: "2025-11", centralCents: 7_700_000, highCents: 10_700_000, lowCents: 7_700_000 },
      { month: "2025-12", centralCents: 11_600_000, highCents: 11_600_000, lowCents: 10_700_000 },
      { month: "2026-01", centralCents: 12_100_000, highCents: 12_100_000, lowCents: 11_600_000 },
      { month: "2026-02", centralCents: 12_100_000, highCents: 12_100_000, lowCents: 12_100_000 },
    ]);
    expect(forecast.openCents).toBe(8_100_000);
    expect(forecast.unscheduledCents).toBe(900_000);
  });

  it("says how much lands after the deadline and who carries it, largest first", () => {
    expect(forecast.afterDeadline).toEqual({
      centralCents: 1_400_000,
      earlyCents: 1_400_000,
      lateCents: 4_400_000,
    });
    expect(forecast.laureatesAfterDeadline).toEqual([
      { laureateId: 1, amountCents: 900_000, tranches: 1 },
      { laureateId: 4, amountCents: 500_000, tranches: 1 },
    ]);
  });

  it("without a paid tranche nor a deadline: no slippage, nothing said about the deadline", () => {
    const bare = forecastConsumption({
      asOf: "2025-06-15",
      tranches: [tranche(1, 1, "numerique", "2025-08-10", 100)],
      paidCents: 0,
      envelopeCents: 100,
      endsOn: null,
      consumptionDeadlineOn: null,
    });
    expect(bare.overall).toEqual({ paidTranches: 0, earlyDays: 0, medianDays: 0, lateDays: 0 });
    expect(bare.months.map((month) => [month.month, month.centralCents])).toEqual([
      ["2025-06", 0],
      ["2025-07", 0],
      ["2025-08", 100],
    ]);
    expect(bare.afterDeadline).toBeNull();
    expect(bare.laureatesAfterDeadline).toEqual([]);
  });
});

describe("slippage statistics", () => {
  it("interpolates between ranks and rounds to the nearest day", () => {
    expect(quantile([1, 2], 0.5)).toBe(1.5);
    expect(slippageOf([2, 1])).toEqual({ paidTranches: 2, earlyDays: 1, medianDays: 2, lateDays: 2 });
    expect(slippageOf([])).toEqual({ paidTranches: 0, earlyDays: 0, medianDays: 0, lateDays: 0 });
  });
});
