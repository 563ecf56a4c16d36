import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import type { MilestoneOutcome, RegionCode, WeatherLevel } from "@defis/domain";
import { periodOf } from "@defis/domain";
import { and, asc, desc, eq, gte, lte, lt, ne, or, sql } from "drizzle-orm";
import { demonstrationRowsExist } from "../programme/demonstration.js";
import { cents, onOrBefore, parisDayOf } from "./day-sql.js";
import { readLaureateMoney, readMoneyGroups } from "./money-as-of.js";

const {
  adoptions,
  comments,
  milestones,
  paymentMonths,
  payments,
  programmes,
  replicationScorecards,
  tranches,
  weatherReports,
} = schema;

/** The latest weather each laureate had declared on the day, for the day's period or an earlier one. */
async function readLatestWeather(db: Executor, asOf: string) {
  return db
    .selectDistinctOn([weatherReports.laureateId], {
      laureateId: weatherReports.laureateId,
      period: weatherReports.period,
      level: sql<WeatherLevel>`${weatherReports.level}`,
      synthesis: weatherReports.synthesis,
    })
    .from(weatherReports)
    .where(and(lte(weatherReports.period, periodOf(asOf)), onOrBefore(weatherReports.createdAt, asOf)))
    .orderBy(weatherReports.laureateId, desc(weatherReports.period));
}

/** How many laureates declared each level, period by period, from `firstPeriod` to the day's. */
async function readWeatherByPeriod(db: Executor, asOf: string, firstPeriod: string) {
  return db
    .select({
      period: weatherReports.period,
      level: sql<WeatherLevel>`${weatherReports.level}`,
      count: sql<number>`count(*)::int`,
    })
    .from(weatherReports)
    .where(
      and(
        gte(weatherReports.period, firstPeriod),
        lte(weatherReports.period, periodOf(asOf)),
        onOrBefore(weatherReports.createdAt, asOf),
      ),
    )
    .groupBy(weatherReports.period, weatherReports.level);
}

/**
 * The milestones of the plan as it stands, classified on the day by their due
 * and reached dates (like the tranches, a plan keeps no dated history).
 */
async function readMilestones(db: Executor) {
  return db
    .select({
      id: milestones.id,
      laureateId: milestones.laureateId,
      title: milestones.title,
      dueOn: milestones.dueOn,
      reachedOn: milestones.reachedOn,
      abandoned: sql<boolean>`${milestones.status} = 'abandonne'`,
    })
    .from(milestones)
    .orderBy(asc(milestones.laureateId), asc(milestones.position), asc(milestones.id));
}

/**
 * Milestones by due month and by where they stood on the day, counted by the
 * database: the SQL form of `milestoneOutcomeAsOf` (packages/domain), which
 * the sheets apply row by row; a test holds both to the same counts.
 */
async function readMilestoneCounts(db: Executor, asOf: string) {
  const outcome = sql<MilestoneOutcome>`case
    when ${milestones.reachedOn} <= ${asOf}::date then
      case when ${milestones.reachedOn} <= ${milestones.dueOn} then 'atteint_a_temps' else 'atteint_en_retard' end
    when ${milestones.status} = 'abandonne' then 'abandonne'
    when ${milestones.dueOn} < ${asOf}::date then 'en_retard'
    else 'a_venir' end`.as("outcome");
  // By due day first, then by month: to_char on each of 100 000 milestones was most of the cost.
  const byDay = db
    .select({ dueOn: milestones.dueOn, outcome, count: sql<number>`count(*)`.as("milestones") })
    .from(milestones)
    // By position: the day is a parameter, so the expression written again would not match.
    .groupBy(sql`1, 2`)
    .as("by_day");
  return db
    .select({
      month: sql<string>`to_char(${byDay.dueOn}, 'YYYY-MM')`,
      outcome: byDay.outcome,
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

/** "Risques et blocages" written on or before the day. */
async function readRisks(db: Executor, asOf: string) {
  return db
    .select({
      id: comments.id,
      laureateId: comments.laureateId,
      body: comments.body,
      writtenOn: sql<string>`to_char(${parisDayOf(comments.createdAt)}, 'YYYY-MM-DD')`,
    })
    .from(comments)
    .where(and(eq(comments.kind, "risques_blocages"), onOrBefore(comments.createdAt, asOf)))
    .orderBy(asc(comments.laureateId), asc(comments.createdAt), asc(comments.id));
}

/**
 * What the schedules planned by month: tranches not cancelled on the day. The
 * plan is the schedule as it stands (a replanned schedule keeps no history).
 */
async function readPlannedByMonth(db: Executor, asOf: string) {
  const month = sql<string>`to_char(${tranches.plannedOn}, 'YYYY-MM')`;
  return db
    .select({ month, cents: cents(sql`sum(${tranches.plannedAmountCents})`) })
    .from(tranches)
    .where(or(ne(tranches.status, "annule"), sql`${tranches.cancelledOn} > ${asOf}::date`))
    .groupBy(month);
}

/**
 * Paid by month up to the day: whole months from `payment_month` (kept by the
 * database), the day's own month summed from its payments up to the day.
 */
async function readPaidByMonth(db: Executor, asOf: string) {
  const firstOfMonth = `${periodOf(asOf)}-01`;
  const whole = await db
    .select({
      month: sql<string>`to_char(${paymentMonths.month}, 'YYYY-MM')`,
      cents: paymentMonths.paidCents,
    })
    .from(paymentMonths)
    .where(lt(paymentMonths.month, firstOfMonth));
  const [current] = await db
    .select({ cents: cents(sql`sum(${payments.amountCents})`) })
    .from(payments)
    .where(and(gte(payments.paidOn, firstOfMonth), lte(payments.paidOn, asOf)));
  return [...whole, { month: periodOf(asOf), cents: current?.cents ?? 0 }];
}

async function readProgramme(db: Executor) {
  const [programme] = await db
    .select({
      envelopeCents: programmes.envelopeCents,
      demonstration: demonstrationRowsExist,
    })
    .from(programmes)
    .orderBy(asc(programmes.id))
    .limit(1);
  return programme ?? { envelopeCents: 0, demonstration: false };
}

/**
 * The dated rows of the portfolio on a day, the money already summed; a fixed
 * number of statements whatever the number of laureates. They are
 * independent and sent together: on the pool they run side by side, so the
 * dashboard waits for the slowest rather than for their sum; in a review's
 * transaction, they queue on its one connection.
 */
export async function readPortfolioAsOf(db: Executor, asOf: string, firstTrendPeriod: string) {
  const [programme, moneyGroups, weather, weatherByPeriod, milestoneCounts, adoptionRows, planned, paid] =
    await Promise.all([
      readProgramme(db),
      readMoneyGroups(db, asOf),
      readLatestWeather(db, asOf),
      readWeatherByPeriod(db, asOf, firstTrendPeriod),
      readMilestoneCounts(db, asOf),
      readAdoptions(db, asOf),
      readPlannedByMonth(db, asOf),
      readPaidByMonth(db, asOf),
    ]);
  return {
    programme,
    moneyGroups,
    weather,
    weatherByPeriod,
    milestoneCounts,
    adoptions: adoptionRows,
    planned,
    paid,
  };
}

/**
 * What a laureate's sheet adds to the figures: its money and names, its
 * milestones and risks, and the scorecard in force.
 */
export async function readSheetExtras(db: Executor, asOf: string) {
  const [money, milestoneRows, risks, scorecards] = await Promise.all([
    readLaureateMoney(db, asOf),
    readMilestones(db),
    readRisks(db, asOf),
    readScorecards(db, asOf),
  ]);
  return { money, milestones: milestoneRows, risks, scorecards };
}

export type PortfolioRows = Awaited<ReturnType<typeof readPortfolioAsOf>>;
export type SheetExtras = Awaited<ReturnType<typeof readSheetExtras>>;
