import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  indicatorFreshnessOn,
  nextMeasureDueOn,
  progressRate,
  targetReached,
  type IndicatorItem,
  type IndicatorStatus,
  type LaureateImpact,
  type MeasureItem,
} from "@defis/domain";
import { and, asc, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { endOfParisDay } from "../dashboard/day-sql.js";
import { measuresKnownOn } from "../dashboard/known-on.js";

const { commonIndicators, indicatorMeasureVersions, indicatorYearlyTargets, indicators, users } = schema;

const proposer = alias(users, "proposer");

/**
 * Which indicators a read covers: the followed ones (every figure, chart,
 * export and review counts these alone, as followed by the end of the day),
 * and on the laureate's own tab today, the proposals and refusals too.
 */
export interface IndicatorFilter {
  laureateIds?: readonly number[];
  withProposals?: boolean;
}

function followedBy(day: string): SQL | undefined {
  return and(eq(indicators.status, "suivi"), lt(indicators.decidedAt, endOfParisDay(day)));
}

/**
 * The indicators and where they stand at the end of `day`: the latest
 * measure dated on or before it, as known then, its progress rate and
 * whether it is due. One read for the Impact tab, /pilotage, the review and
 * the exports, today and on a past day alike.
 */
export async function loadIndicatorsOn(db: Executor, day: string, filter: IndicatorFilter = {}) {
  const scope = filter.laureateIds ? inArray(indicators.laureateId, [...filter.laureateIds]) : undefined;
  const statuses: IndicatorStatus[] = ["propose", "refuse"];
  const shown = filter.withProposals
    ? or(followedBy(day), inArray(indicators.status, statuses))
    : followedBy(day);
  const known = measuresKnownOn(db, day);
  const [rows, latest, yearly] = await readTogether(db, [
    () =>
      db
        .select({
          indicator: indicators,
          commonName: commonIndicators.name,
          proposedBy: proposer.displayName,
        })
        .from(indicators)
        .leftJoin(commonIndicators, eq(commonIndicators.id, indicators.commonIndicatorId))
        .leftJoin(proposer, eq(proposer.id, indicators.proposedBy))
        .where(and(scope, shown))
        .orderBy(asc(indicators.laureateId), asc(indicators.id)),
    () =>
      db
        .selectDistinctOn([known.indicatorId], {
          indicatorId: known.indicatorId,
          value: known.value,
          measuredOn: known.measuredOn,
        })
        .from(known)
        .where(filter.laureateIds ? inArray(known.laureateId, [...filter.laureateIds]) : undefined)
        .orderBy(known.indicatorId, desc(known.measuredOn)),
    () =>
      db
        .select({
          indicatorId: indicatorYearlyTargets.indicatorId,
          year: indicatorYearlyTargets.year,
          value: indicatorYearlyTargets.value,
        })
        .from(indicatorYearlyTargets)
        .innerJoin(indicators, eq(indicators.id, indicatorYearlyTargets.indicatorId))
        .where(scope)
        .orderBy(asc(indicatorYearlyTargets.year)),
  ] as const);
  const latestOf = new Map(latest.map((measure) => [measure.indicatorId, measure]));
  return rows.map(({ indicator, commonName, proposedBy }): IndicatorItem => {
    const measure = latestOf.get(indicator.id);
    const current = measure ? { value: measure.value, measuredOn: measure.measuredOn } : null;
    const facts = { ...indicator, currentValue: current?.value ?? null };
    return {
      id: indicator.id,
      laureateId: indicator.laureateId,
      name: indicator.name,
      unit: indicator.unit,
      unitLabel: indicator.unitLabel,
      subject: indicator.subject,
      direction: indicator.direction,
      baselineValue: indicator.baselineValue,
      baselineOn: indicator.baselineOn,
      targetValue: indicator.targetValue,
      targetOn: indicator.targetOn,
      yearlyTargets: yearly
        .filter((target) => target.indicatorId === indicator.id)
        .map(({ year, value }) => ({ year, value })),
      periodicity: indicator.periodicity,
      source: indicator.source,
      method: indicator.method,
      commonIndicatorId: indicator.commonIndicatorId,
      commonIndicatorName: commonName,
      weight: indicator.weight,
      status: indicator.status,
      proposedBy,
      refusalReason: indicator.refusalReason,
      version: indicator.version,
      isDemo: indicator.isDemo,
      latest: current,
      progressRate: progressRate(facts),
      targetReached: targetReached(facts),
      freshness: indicatorFreshnessOn(indicator, current?.measuredOn ?? null, day),
      nextDueOn: nextMeasureDueOn(indicator, current?.measuredOn ?? null),
    };
  });
}

const writer = alias(users, "writer");

/**
 * The measures of some indicators dated on or before `day`, as worded at its
 * end, each with the values it had before its corrections (those known by then).
 */
export async function loadMeasuresOn(
  db: Executor,
  day: string,
  indicatorIds: readonly number[],
): Promise<MeasureItem[]> {
  if (indicatorIds.length === 0) return [];
  const version = indicatorMeasureVersions;
  const end = endOfParisDay(day);
  const [current, earlier, flags] = await readTogether(db, [
    () => {
      const known = measuresKnownOn(db, day);
      return db
        .select({
          id: known.id,
          indicatorId: known.indicatorId,
          measuredOn: known.measuredOn,
          value: known.value,
          source: known.source,
          comment: known.comment,
          validFrom: known.validFrom,
          writer: writer.displayName,
        })
        .from(known)
        .leftJoin(writer, eq(writer.id, known.writtenBy))
        .where(inArray(known.indicatorId, [...indicatorIds]))
        .orderBy(asc(known.indicatorId), asc(known.measuredOn));
    },
    () =>
      db
        .select({
          measureId: version.measureId,
          value: version.value,
          source: version.source,
          comment: version.comment,
          writer: writer.displayName,
          validFrom: version.validFrom,
        })
        .from(version)
        .leftJoin(writer, eq(writer.id, version.writtenBy))
        .where(and(inArray(version.indicatorId, [...indicatorIds]), lt(version.validTo, end)))
        .orderBy(desc(version.validFrom)),
    () =>
      db
        .select({
          id: schema.indicatorMeasures.id,
          version: schema.indicatorMeasures.version,
          isDemo: schema.indicatorMeasures.isDemo,
        })
        .from(schema.indicatorMeasures)
        .where(inArray(schema.indicatorMeasures.indicatorId, [...indicatorIds])),
  ] as const);
  const flagsOf = new Map(flags.map((row) => [row.id, row]));
  return current.map(({ writer: writtenBy, ...measure }) => ({
    id: measure.id,
    indicatorId: measure.indicatorId,
    measuredOn: measure.measuredOn,
    value: measure.value,
    source: measure.source,
    comment: measure.comment,
    version: flagsOf.get(measure.id)?.version ?? 1,
    isDemo: flagsOf.get(measure.id)?.isDemo ?? false,
    writtenBy,
    writtenAt: measure.validFrom.toISOString(),
    corrections: earlier
      .filter((row) => row.measureId === measure.id)
      .map((row) => ({
        value: row.value,
        source: row.source,
        comment: row.comment,
        writtenBy: row.writer,
        writtenAt: row.validFrom.toISOString(),
      })),
  }));
}

/** A laureate's Impact tab on a day; proposals and refusals show on today's tab only. */
export async function loadLaureateImpact(
  db: Executor,
  laureateId: number,
  day: string,
  today: string,
): Promise<LaureateImpact> {
  const list = await loadIndicatorsOn(db, day, { laureateIds: [laureateId], withProposals: day === today });
  const measures = await loadMeasuresOn(
    db,
    day,
    list.map((indicator) => indicator.id),
  );
  return { asOf: day, indicators: list, measures };
}
