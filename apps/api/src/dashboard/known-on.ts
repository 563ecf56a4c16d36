import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { and, isNull, lt, lte, or, gte, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { endOfParisDay } from "./day-sql.js";

const {
  fundingRecordVersions,
  indicatorMeasureVersions,
  milestoneVersions,
  trancheVersions,
  weatherReportVersions,
} = schema;

/**
 * "As known at the end of day D" (Europe/Paris), one definition for every
 * figure of a past day: the version written before the day ended and not
 * replaced by then (packages/db/src/schema/history.ts, kept by triggers).
 * A row created, re-planned or corrected after the day is read as it was.
 */
export function knownAtEndOf(validFrom: AnyPgColumn, validTo: AnyPgColumn, day: string): SQL | undefined {
  const end = endOfParisDay(day);
  return and(lt(validFrom, end), or(isNull(validTo), gte(validTo, end)));
}

/**
 * The tranches as known at the end of `day`, as a subquery (join or select
 * from it): the schedule (kind, planned day and amount, gate) and the steps
 * as recorded then. A tranche created after the day is absent; one re-planned
 * after it has its former day and amount. `status` and `paidOn` are those
 * recorded by the end of the day. Read by the dashboard's planned curve, the
 * money figures (bloqué par un jalon), /finances and the reviews.
 */
export function tranchesKnownOn(db: Executor, day: string) {
  const version = trancheVersions;
  return db
    .select({
      laureateId: version.laureateId,
      id: version.trancheId,
      kind: version.kind,
      position: version.position,
      plannedOn: version.plannedOn,
      plannedAmountCents: version.plannedAmountCents,
      gatingMilestoneId: version.gatingMilestoneId,
      status: version.status,
      serviceFaitOn: version.serviceFaitOn,
      paymentRequestedOn: version.paymentRequestedOn,
      paidOn: version.paidOn,
      cancelledOn: version.cancelledOn,
    })
    .from(version)
    .where(knownAtEndOf(version.validFrom, version.validTo, day))
    .as("tranche_known");
}

/** The milestones as known at the end of `day`: their plan, status and reaching day as recorded then. */
export function milestonesKnownOn(db: Executor, day: string) {
  const version = milestoneVersions;
  return db
    .select({
      id: version.milestoneId,
      laureateId: version.laureateId,
      title: version.title,
      dueOn: version.dueOn,
      status: version.status,
      reachedOn: version.reachedOn,
      position: version.position,
      validFrom: version.validFrom,
    })
    .from(version)
    .where(knownAtEndOf(version.validFrom, version.validTo, day))
    .as("milestone_known");
}

/** The funding facts "engagé" reads (convention date, EJ), as known at the end of `day`. */
export function fundingKnownOn(db: Executor, day: string) {
  const version = fundingRecordVersions;
  return db
    .select({
      laureateId: version.laureateId,
      conventionDate: version.conventionDate,
      ejNumber: version.ejNumber,
    })
    .from(version)
    .where(knownAtEndOf(version.validFrom, version.validTo, day))
    .as("funding_known");
}

/** Every météo declaration as worded at the end of `day` (a later correction does not count). */
export function weatherKnownOn(db: Executor, day: string) {
  const version = weatherReportVersions;
  return db
    .select({
      id: version.weatherReportId,
      laureateId: version.laureateId,
      period: version.period,
      level: version.level,
      synthesis: version.synthesis,
      validFrom: version.validFrom,
    })
    .from(version)
    .where(knownAtEndOf(version.validFrom, version.validTo, day))
    .as("weather_known");
}

/**
 * The measures of impact indicators dated on or before `day`, as worded at
 * its end: a measure entered later, or corrected later, reads as it was.
 */
export function measuresKnownOn(db: Executor, day: string) {
  const version = indicatorMeasureVersions;
  return db
    .select({
      id: version.measureId,
      indicatorId: version.indicatorId,
      laureateId: version.laureateId,
      measuredOn: version.measuredOn,
      value: version.value,
      source: version.source,
      comment: version.comment,
      writtenBy: version.writtenBy,
      validFrom: version.validFrom,
    })
    .from(version)
    .where(and(knownAtEndOf(version.validFrom, version.validTo, day), lte(version.measuredOn, day)))
    .as("measure_known");
}
