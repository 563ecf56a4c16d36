import type { Executor } from "@defis/db";
import { readTogether } from "@defis/db";
import { Refusal, type DashboardFigures, type ReviewSnapshot } from "@defis/domain";
import { impactPortfolioOn } from "../impact/impact-portfolio.js";
import { parisDay } from "../paris-day.js";
import { readPortfolioAsOf, readSheetExtras } from "./as-of-rows.js";
import { firstTrendPeriod, laureateSheets, summarizePortfolio } from "./portfolio-figures.js";

/** A figure "as it stood" on a day to come would be a forecast: refused. */
export function checkedAsOf(asOf: string | undefined, today = parisDay()): string {
  if (asOf === undefined) return today;
  if (asOf > today) {
    throw new Refusal("La date ne peut pas être postérieure à aujourd'hui.", "invalid");
  }
  return asOf;
}

/** The dashboard's figures as they stood at the end of `asOf` (Paris). */
export async function dashboardFiguresAsOf(db: Executor, asOf: string): Promise<DashboardFigures> {
  return summarizePortfolio(await readPortfolioAsOf(db, asOf, firstTrendPeriod(asOf)), asOf);
}

/** The figures, every laureate's sheet and impact on the day: what a review freezes. */
export async function reviewSnapshotAsOf(db: Executor, asOf: string): Promise<ReviewSnapshot> {
  const [rows, extras, impact] = await readTogether(db, [
    () => readPortfolioAsOf(db, asOf, firstTrendPeriod(asOf)),
    () => readSheetExtras(db, asOf),
    () => impactPortfolioOn(db, asOf),
  ]);
  return {
    figures: summarizePortfolio(rows, asOf),
    laureates: laureateSheets(rows, extras, asOf),
    impact,
  };
}
