import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import type { MilestoneOutcome, RegionCode, WeatherLevel } from "@defis/domain";
import { addDays, addMonths, periodOf } from "@defis/domain";
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import { demonstrationRowsExist } from "../programme/demonstration.js";
import { loadStaleAfterDays } from "../progress/follow-up-facts.js";
import { notDeletedBy, onOrBefore, parisDayOf } from "./day-sql.js";
import { milestonesKnownOn, weatherKnownOn } from "./known-on.js";
import { readPaidByMonth, readPlannedByMonth } from "./schedule-as-of.js";
import { readLaureateMoney, readMoneyGroups } from "./money-as-of.js";
import { scheduleKnownOn } from "./schedule-known-on.js";

const { adoptions, comments, laureates, programmes, replicationScorecards } = schema;

/** The latest weather each laureate had declared on the day, for the day's period or an earlier one. */
export async function readLatestWeather(db: Executor, asOf: string) {
  const report = weatherKnownOn(db, asOf);
  return db
    .selectDistinctOn([report.laureateId], {
      laureateId: report.laureateId,
      period: report.period,
      level: sql<WeatherLevel>`${report.level}`,
      synthesis: report.synthesis,
    })
    .from(report)
    .where(lte(report.period, periodOf(asOf)))
    .orderBy(report.laureateId, desc(report.period));
}

/** The last day of `period` or, for the day's own period, the day itself. */
function periodEnd(period: string, asOf: string): string {
  return period === periodOf(asOf) ? asOf : addDays(`${addMonths(period, 1)}-01`, -1);
}

/**
 * The météo of each period of the trend, by the same definition as the day's
 * (readLatestWeather at the end of the period): a laureate who declared in
 * March and not in April still counts with its March météo in April.
 */
async function readWeatherByPeriod(db: Executor, asOf: string, firstPeriod: string) {
  const periods: string[] = [];
  for (let period = firstPeriod; period <= periodOf(asOf); period = addMonths(period, 1))
    periods.push(period);
  const latest = await readTogether(
    db,
    periods.map((period) => () => readLatestWeather(db, periodEnd(period, asOf))),
  );
  return periods.map((period, index) => ({
    period,
    day: periodEnd(period, asOf),
    reports: latest[index] ?? [],
  }));
}

/** The milestones as known at the end of the day, classified on it by their due and reached dates. */
async function readMilestones(db: Executor, asOf: string) {
  const milestone = milestonesKnownOn(db, asOf);
  return db
    .select({
      id: milestone.id,
      laureateId: milestone.laureateId,
      title: milestone.title,
      dueOn: milestone.dueOn,
      reachedOn: milestone.reachedOn,
      abandoned: sql<boolean>`${milestone.status} = 'abandonne'`,
    })
    .from(milestone)
    .orderBy(asc(milestone.laureateId), asc(milestone.position), asc(milestone.id));
}

/**
 * Milestones as known at the end of the day, by due month and by where they stood on it, counted by the
 * database: the SQL form of `milestoneOutcomeAsOf` (packages/domain), which
 * the sheets apply row by row; a test holds both to the same counts.
 */
async function readMilestoneCounts(db: Executor, asOf: string) {
  // Counted by (due day, reached day, status) first: the outcome and the month are then worked
  // out for a few thousand groups rather than for each of 100 000 milestones.
  const milestone = milestonesKnownOn(db, asOf);
  const byDay = db
    .select({
      dueOn: milestone.dueOn,
      reachedOn: milestone.reachedOn,
      status: milestone.status,
      count: sql<number>`count(*)`.as("milestones"),
    })
    .from(milestone)
    .groupBy(milestone.dueOn, milestone.reachedOn, milestone.status)
    .as("by_day");
  const outcome = sql<MilestoneOutcome>`case
    when ${byDay.reachedOn} <= ${asOf}::date then
      case when ${byDay.reachedOn} <= ${byDay.dueOn} then 'atteint_a_temps' else 'atteint_en_retard' end
    when ${byDay.status} = 'abandonne' then 'abandonne'
    when ${byDay.dueOn} < ${asOf}::date then 'en_retard'
    else 'a_venir' end`;
  // Grouped by position: the day is a parameter, so the outcome written again would not match.
  return db
    .select({
      month: sql<string>`to_char(${byDay.dueOn}, 'YYYY-MM')`,
      outcome,
      count: sql<number>`sum(${byDay.count})::int`,
    })
    .from(byDay)
    .groupBy(sql`1, 2`);
}

async function readAdoptions(db: Executor, asOf: string) {
  return db
    .select({
      id: adoptions.id,
      laureateId: adoptions.laureateId,
      organisation: adoptions.organisation,
      regionCode: sql<RegionCode>`${adoptions.regionCode}`,
      identifiedOn: adoptions.identifiedOn,
      contactedOn: adoptions.contactedOn,
      pilotOn: adoptions.pilotOn,
      deployedOn: adoptions.deployedOn,
      abandonedOn: adoptions.abandonedOn,
    })
    .from(adoptions)
    .where(lte(adoptions.identifiedOn, asOf))
    .orderBy(asc(adoptions.laureateId), asc(adoptions.id));
}

/** The replication index of the scorecard in force on the day, by laureate. */
async function readScorecards(db: Executor, asOf: string) {
  return db
    .selectDistinctOn([replicationScorecards.laureateId], {
      laureateId: replicationScorecards.laureateId,
      potentialIndex: replicationScorecards.potentialIndex,
    })
    .from(replicationScorecards)
    .where(onOrBefore(replicationScorecards.scoredAt, asOf))
    .orderBy(
      replicationScorecards.laureateId,
      desc(replicationScorecards.scoredAt),
      desc(replicationScorecards.id),
    );
}

/** "Risques et blocages" written on or before the day and not deleted by then. */
async function readRisks(db: Executor, asOf: string) {
  return db
    .select({
      id: comments.id,
      laureateId: comments.laureateId,
      body: comments.body,
      writtenOn: sql<string>`to_char(${parisDayOf(comments.createdAt)}, 'YYYY-MM-DD')`,
    })
    .from(comments)
    .where(
      and(
        eq(comments.kind, "risques_blocages"),
        onOrBefore(comments.createdAt, asOf),
        notDeletedBy(comments.deletedAt, asOf),
      ),
    )
    .orderBy(asc(comments.laureateId), asc(comments.createdAt), asc(comments.id));
}

async function readProgramme(db: Executor) {
  const [programme] = await db
    .select({
      envelopeCents: programmes.envelopeCents,
      demonstration: demonstrationRowsExist,
      endsOn: programmes.endsOn,
      consumptionDeadlineOn: programmes.consumptionDeadlineOn,
      calendarIsDemo: programmes.calendarIsDemo,
    })
    .from(programmes)
    .orderBy(asc(programmes.id))
    .limit(1);
  return (
    programme ?? {
      envelopeCents: 0,
      demonstration: false,
      endsOn: null,
      consumptionDeadlineOn: null,
      calendarIsDemo: false,
    }
  );
}

/** Names of the laureates, for the forecast and the synthesis to say who. */
export async function readLaureateNames(db: Executor) {
  return db
    .select({ id: laureates.id, slug: laureates.slug, title: laureates.title })
    .from(laureates)
    .orderBy(asc(laureates.position));
}

/**
 * The dated rows of the portfolio on a day, the money already summed; a fixed
 * number of statements whatever the number of laureates, read together (see
 * readTogether: side by side on the pool, in turn in a review's transaction).
 */
export async function readPortfolioAsOf(db: Executor, asOf: string, firstTrendPeriod: string) {
  const [
    programme,
    staleAfterDays,
    moneyGroups,
    weather,
    weatherByPeriod,
    milestoneCounts,
    adoptionRows,
    planned,
    paid,
    schedule,
    names,
  ] = await readTogether(db, [
    () => readProgramme(db),
    () => loadStaleAfterDays(db),
    () => readMoneyGroups(db, asOf),
    () => readLatestWeather(db, asOf),
    () => readWeatherByPeriod(db, asOf, firstTrendPeriod),
    () => readMilestoneCounts(db, asOf),
    () => readAdoptions(db, asOf),
    () => readPlannedByMonth(db, asOf),
    () => readPaidByMonth(db, asOf),
    () => scheduleKnownOn(db, asOf),
    () => readLaureateNames(db),
  ]);
  return {
    programme,
    staleAfterDays,
    moneyGroups,
    weather,
    weatherByPeriod,
    milestoneCounts,
    adoptions: adoptionRows,
    planned,
    paid,
    schedule,
    names,
  };
}

/**
 * What a laureate's sheet adds to the figures: its money and names, its
 * milestones and risks, and the scorecard in force.
 */
export async function readSheetExtras(db: Executor, asOf: string) {
  const [money, milestoneRows, risks, scorecards] = await readTogether(db, [
    () => readLaureateMoney(db, asOf),
    () => readMilestones(db, asOf),
    () => readRisks(db, asOf),
    () => readScorecards(db, asOf),
  ]);
  return { money, milestones: milestoneRows, risks, scorecards };
}

export type PortfolioRows = Awaited<ReturnType<typeof readPortfolioAsOf>>;
export type SheetExtras = Awaited<ReturnType<typeof readSheetExtras>>;
