import {
  ADOPTION_STAGES,
  addMonths,
  adoptionStageAsOf,
  CATEGORIES,
  labelFrom,
  MILESTONE_OUTCOME_KEYS,
  milestoneOutcomeAsOf,
  MINISTRIES,
  periodOf,
  PROGRESS_STAGES,
  territoryKeyLabel,
  type AdoptionStage,
  type DashboardFigures,
  type DashboardGroup,
  type LaureateSheet,
  type MilestoneCounts,
  type PaymentMonth,
  type RegionCode,
  type RegionFigures,
  type WeatherLevel,
  WEATHER_STATE_KEYS,
  weatherStateOn,
  type WeatherCounts,
} from "@defis/domain";
import type { PortfolioRows, SheetExtras } from "./as-of-rows.js";
import { dashboardForecast } from "./forecast-figures.js";

/** The weather trend covers the year up to the day. */
export const TREND_PERIODS = 12;

export function firstTrendPeriod(asOf: string): string {
  return addMonths(periodOf(asOf), -(TREND_PERIODS - 1));
}

/** Laureates by their météo on `day` (`weatherStateOn`); those that never declared are "sans météo". */
function weatherCounts(
  reports: readonly { period: string; level: WeatherLevel }[],
  laureates: number,
  day: string,
  staleAfterDays: number,
): WeatherCounts {
  const counts = Object.fromEntries(WEATHER_STATE_KEYS.map((key) => [key, 0])) as WeatherCounts;
  for (const report of reports) counts[weatherStateOn(report, day, staleAfterDays)] += 1;
  counts.sans_meteo = laureates - reports.length;
  return counts;
}

function emptyMilestoneCounts(): MilestoneCounts {
  return Object.fromEntries(MILESTONE_OUTCOME_KEYS.map((key) => [key, 0])) as MilestoneCounts;
}

type MoneyGroup = PortfolioRows["moneyGroups"][number];

function groupsOf(
  rows: readonly MoneyGroup[],
  dimension: MoneyGroup["dimension"],
  label: (key: string) => string,
): DashboardGroup[] {
  return rows
    .filter((row) => row.dimension === dimension)
    .map(({ key, laureates, allocatedCents, paidCents }) => ({
      key: key ?? "",
      label: label(key ?? ""),
      laureates,
      allocatedCents,
      paidCents,
    }));
}

/** The laureates without a région (national ones) are in no région's figures. */
function regionFigures(rows: readonly MoneyGroup[]): RegionFigures[] {
  return rows
    .filter((row) => row.dimension === "region" && row.key !== null)
    .map(({ key, laureates, allocatedCents, paidCents }) => ({
      regionCode: key as RegionCode,
      laureates,
      allocatedCents,
      paidCents,
    }))
    .sort((left, right) => left.regionCode.localeCompare(right.regionCode));
}

/** Planned and paid month by month, from the first month either has to the later of the plan's end and the day. */
function paymentCurve(
  planned: PortfolioRows["planned"],
  paid: PortfolioRows["paid"],
  asOf: string,
): PaymentMonth[] {
  const plannedBy = new Map(planned.map((row) => [row.month, row.cents]));
  const paidBy = new Map<string, number>();
  for (const row of paid) paidBy.set(row.month, (paidBy.get(row.month) ?? 0) + row.cents);
  const months = [
    ...plannedBy.keys(),
    ...[...paidBy].filter(([, cents]) => cents !== 0).map(([month]) => month),
  ];
  if (months.length === 0) return [];
  const first = months.reduce((left, right) => (right < left ? right : left));
  const last = [...months, periodOf(asOf)].reduce((left, right) => (right > left ? right : left));
  const curve: PaymentMonth[] = [];
  let cumulativePlannedCents = 0;
  let cumulativePaidCents = 0;
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const plannedCents = plannedBy.get(month) ?? 0;
    // No payment has a value date after the day: the curve of paid stops there.
    const paidCents = month <= periodOf(asOf) ? (paidBy.get(month) ?? 0) : 0;
    cumulativePlannedCents += plannedCents;
    cumulativePaidCents += paidCents;
    curve.push({ month, plannedCents, paidCents, cumulativePlannedCents, cumulativePaidCents });
  }
  return curve;
}

function stageCounts(rows: PortfolioRows["adoptions"], asOf: string) {
  const counts = Object.fromEntries(Object.keys(ADOPTION_STAGES).map((stage) => [stage, 0])) as Record<
    AdoptionStage,
    number
  >;
  const reachedOn = {
    identifiee: (row: PortfolioRows["adoptions"][number]) => row.identifiedOn,
    contactee: (row: PortfolioRows["adoptions"][number]) => row.contactedOn,
    pilote: (row: PortfolioRows["adoptions"][number]) => row.pilotOn,
    deployee: (row: PortfolioRows["adoptions"][number]) => row.deployedOn,
  };
  const reached = { identifiee: 0, contactee: 0, pilote: 0, deployee: 0 };
  for (const row of rows) {
    const stage = adoptionStageAsOf(row, asOf);
    if (stage === null) continue;
    counts[stage] += 1;
    for (const progress of PROGRESS_STAGES) {
      const day = reachedOn[progress](row);
      if (day !== null && day <= asOf) reached[progress] += 1;
    }
  }
  const funnel = PROGRESS_STAGES.map((stage) => ({ stage, reached: reached[stage], current: counts[stage] }));
  return { counts, funnel };
}

/** Every figure of the dashboard on the day, from the dated rows. */
export function summarizePortfolio(rows: PortfolioRows, asOf: string): DashboardFigures {
  const total = rows.moneyGroups.find((row) => row.dimension === "total");
  const laureates = total?.laureates ?? 0;
  const allocatedCents = total?.allocatedCents ?? 0;

  const weather = weatherCounts(rows.weather, laureates, asOf, rows.staleAfterDays);
  // Each period by the same definition as the day, at its end: the trend's last point is the bars.
  const weatherTrend = rows.weatherByPeriod.map(({ period, day, reports }) => ({
    period,
    counts: weatherCounts(reports, laureates, day, rows.staleAfterDays),
  }));

  const milestones = emptyMilestoneCounts();
  const timeline = new Map<string, MilestoneCounts>();
  for (const { month, outcome, count } of rows.milestoneCounts) {
    milestones[outcome] += count;
    const counts = timeline.get(month) ?? emptyMilestoneCounts();
    counts[outcome] += count;
    timeline.set(month, counts);
  }
  const { counts: adoptionCounts, funnel } = stageCounts(rows.adoptions, asOf);
  const paidCents = total?.paidCents ?? 0;

  return {
    asOf,
    envelopeCents: rows.programme.envelopeCents,
    allocatedCents,
    committedCents: total?.committedCents ?? 0,
    uncommittedCents: total?.uncommittedCents ?? 0,
    paidCents,
    remainingToPayCents: total?.remainingToPayCents ?? 0,
    blockedByMilestoneCents: total?.blockedByMilestoneCents ?? 0,
    reserveCents: rows.programme.envelopeCents - allocatedCents,
    laureates,
    weather,
    weatherTrend,
    milestones,
    milestoneTimeline: [...timeline]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([month, counts]) => ({ month, counts })),
    adoptions: adoptionCounts,
    funnel,
    payments: paymentCurve(rows.planned, rows.paid, asOf),
    byCategory: groupsOf(rows.moneyGroups, "category", (key) => labelFrom(CATEGORIES, key)),
    byMinistry: groupsOf(rows.moneyGroups, "ministry", (key) => labelFrom(MINISTRIES, key)),
    byTerritory: groupsOf(rows.moneyGroups, "territory", territoryKeyLabel),
    regions: regionFigures(rows.moneyGroups),
    demonstration: rows.programme.demonstration,
    forecast: dashboardForecast(rows, asOf, paidCents),
  };
}

function byLaureate<Row extends { laureateId: number }>(rows: readonly Row[]): Map<number, Row[]> {
  const grouped = new Map<number, Row[]>();
  for (const row of rows) grouped.set(row.laureateId, [...(grouped.get(row.laureateId) ?? []), row]);
  return grouped;
}

/** Each laureate's one-page sheet on the day, in the portfolio's order. */
export function laureateSheets(rows: PortfolioRows, extras: SheetExtras, asOf: string): LaureateSheet[] {
  const weather = new Map(rows.weather.map((report) => [report.laureateId, report]));
  const milestones = byLaureate(extras.milestones);
  const adoptions = byLaureate(rows.adoptions);
  const risks = byLaureate(extras.risks);
  const scorecards = new Map(extras.scorecards.map((card) => [card.laureateId, card.potentialIndex]));
  return extras.money.map((row) => {
    const report = weather.get(row.id);
    return {
      slug: row.slug,
      title: row.title,
      porteur: row.porteur,
      category: row.category,
      ministry: row.ministry,
      territoryKey: row.territoryKey,
      fundingMode: row.fundingMode,
      allocatedCents: row.allocatedCents,
      committedCents: row.committed ? row.allocatedCents : 0,
      paidCents: row.paidCents,
      weather: report ? { period: report.period, level: report.level, synthesis: report.synthesis } : null,
      milestones: (milestones.get(row.id) ?? []).map((milestone) => ({
        id: milestone.id,
        title: milestone.title,
        dueOn: milestone.dueOn,
        reachedOn: milestone.reachedOn !== null && milestone.reachedOn <= asOf ? milestone.reachedOn : null,
        outcome: milestoneOutcomeAsOf(milestone, asOf),
      })),
      risks: (risks.get(row.id) ?? []).map(({ id, body, writtenOn }) => ({ id, body, writtenOn })),
      adoptions: (adoptions.get(row.id) ?? []).flatMap((adoption) => {
        const stage = adoptionStageAsOf(adoption, asOf);
        return stage === null
          ? []
          : [
              {
                id: adoption.id,
                organisation: adoption.organisation,
                regionCode: adoption.regionCode,
                stage,
              },
            ];
      }),
      potentialIndex: scorecards.get(row.id) ?? null,
    };
  });
}
