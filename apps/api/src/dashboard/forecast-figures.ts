import { forecastConsumption, type DashboardForecast } from "@defis/domain";
import type { PortfolioRows } from "./as-of-rows.js";

/**
 * The forecast of consumption on the day (packages/domain/src/finance/forecast.ts),
 * from the schedule as it was known then and what was paid on the day: the same
 * paid figure as the tiles, so that the curve starts where the paid curve ends.
 */
export function dashboardForecast(rows: PortfolioRows, asOf: string, paidCents: number): DashboardForecast {
  const { programme } = rows;
  const forecast = forecastConsumption({
    asOf,
    tranches: rows.schedule,
    paidCents,
    envelopeCents: programme.envelopeCents,
    endsOn: programme.endsOn,
    consumptionDeadlineOn: programme.consumptionDeadlineOn,
  });
  const names = new Map(rows.names.map((laureate) => [laureate.id, laureate]));
  return {
    ...forecast,
    calendarIsDemo: programme.calendarIsDemo,
    laureatesAfterDeadline: forecast.laureatesAfterDeadline.map((carrier) => ({
      ...carrier,
      slug: names.get(carrier.laureateId)?.slug ?? "",
      title: names.get(carrier.laureateId)?.title ?? "",
    })),
  };
}
