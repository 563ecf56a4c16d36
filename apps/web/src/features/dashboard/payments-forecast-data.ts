import type { DashboardFigures } from "@defis/domain";

/** One month of the money chart: the plan, what was paid, and the forecast from the day's month on. */
export interface MoneyChartMonth {
  month: string;
  cumulativePlannedCents: number;
  plannedCents: number;
  /** Null after the day's month: nothing is paid in the future. */
  paidCents: number | null;
  cumulativePaidCents: number | null;
  /** Null before the day's month. */
  forecastCentralCents: number | null;
  forecastLowCents: number | null;
  forecastHighCents: number | null;
}

/**
 * The payment curve and the forecast on one axis of months: the plan's
 * cumulative total carries on after its last month, the paid curve stops at
 * the day's month, where the forecast starts.
 */
export function moneyChartMonths(figures: DashboardFigures): MoneyChartMonth[] {
  const asOfMonth = figures.asOf.slice(0, 7);
  const forecast = new Map((figures.forecast?.months ?? []).map((month) => [month.month, month]));
  const months = [...new Set([...figures.payments.map((month) => month.month), ...forecast.keys()])].sort();
  const payments = new Map(figures.payments.map((month) => [month.month, month]));
  let cumulativePlannedCents = 0;
  return months.map((month) => {
    const payment = payments.get(month);
    cumulativePlannedCents = payment?.cumulativePlannedCents ?? cumulativePlannedCents;
    const paid = month <= asOfMonth;
    const predicted = forecast.get(month);
    return {
      month,
      plannedCents: payment?.plannedCents ?? 0,
      cumulativePlannedCents,
      paidCents: paid ? (payment?.paidCents ?? 0) : null,
      cumulativePaidCents: paid ? (payment?.cumulativePaidCents ?? figures.paidCents) : null,
      forecastCentralCents: predicted?.centralCents ?? null,
      forecastLowCents: predicted?.lowCents ?? null,
      forecastHighCents: predicted?.highCents ?? null,
    };
  });
}
