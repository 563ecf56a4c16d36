import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import type { MilestoneOutcome, RegionCode, WeatherLevel } from "@defis/domain";
import { periodOf } from "@defis/domain";
import { and, asc, desc, eq, gte, lte, lt, ne, or, sql } from "drizzle-orm";
import { demonstrationRowsExist } from "../programme/demonstration.js";
import { cents, onOrBefore, parisDayOf } from "./day-sql.js";
import { readLaureateMoney, readMoneyGroups } from "./money-as-of.js";
import { scheduleKnownOn } from "./schedule-known-on.js";

const {
  adoptions,
  comments,
  laureates,
  milestones,
  paymentMonths,
  payments,
  programmes,
  replicationScorecards,
  tranches,
  weatherReports,
} = schema;

/** The latest weather each laureate had declared on the day, for the day's period or an earlier one. */
export async function readLatestWeather(db: Executor, asOf: string) {
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
  // Counted by the columns of `milestone_due_idx` first, which the database reads from the index
  // alone and in its order; the outcome and the month are then worked out for a few thousand
  // groups rather than for each of 100 000 milestones.
  const byDay = db
    .select({
      dueOn: milestones.dueOn,
      reachedOn: milestones.reachedOn,
      status: milestones.status,
      count: sql<number>`count(*)`.as("milestones"),
    })
    .from(milestones)
    .groupBy(milestones.dueOn, milestones.reachedOn, milestones.status)
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
  // By day first, then by month, as the milestones: a few dozen days rather than every tranche.
  const byDay = db
    .select({
      plannedOn: tranches.plannedOn,
      cents: sql<number>`sum(${tranches.plannedAmountCents})`.as("planned_cents"),
    })
    .from(tranches)
    .where(or(ne(tranches.status, "annule"), sql`${tranches.cancelledOn} > ${asOf}::date`))
    .groupBy(tranches.plannedOn)
    .as("by_day");
  const month = sql<string>`to_char(${byDay.plannedOn}, 'YYYY-MM')`;
  return db
    .select({ month, cents: cents(sql`sum(${byDay.cents})`) })
    .from(byDay)
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
    () => readMilestones(db),
    () => readRisks(db, asOf),
    () => readScorecards(db, asOf),
  ]);
  return { money, milestones: milestoneRows, risks, scorecards };
}

export type PortfolioRows = Awaited<ReturnType<typeof readPortfolioAsOf>>;
export type SheetExtras = Awaited<ReturnType<typeof readSheetExtras>>;
