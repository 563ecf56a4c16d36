import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  computeHealth,
  DEFAULT_STALE_AFTER_DAYS,
  FRESHNESS_PARTS,
  weatherDiverges,
  type FreshnessPart,
  type HealthFacts,
  type HealthSummary,
  type LateIndicator,
  type MilestoneStatus,
  type PersonRef,
  type WeatherLevel,
} from "@defis/domain";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { GATE_COLUMNS, GATE_JOIN, withGatingMilestone } from "../finance/money-projections.js";
import { loadIndicatorsOn } from "../impact/indicator-queries.js";
import { parisDay } from "../paris-day.js";

const { followUpSettings, freshness, milestones, tranches, users, weatherReports } = schema;

export function personOf(id: number | null, displayName: string | null): PersonRef | null {
  return id === null || displayName === null ? null : { id, displayName };
}

export async function loadStaleAfterDays(db: Executor): Promise<number> {
  const [settings] = await db.select({ days: followUpSettings.staleAfterDays }).from(followUpSettings);
  return settings?.days ?? DEFAULT_STALE_AFTER_DAYS;
}

/** What the follow-up knows of one laureate: the inputs of its health and its freshness. */
export interface FollowUpFacts {
  health: Omit<HealthFacts, "milestones" | "tranches" | "lateIndicators"> & {
    milestones: { id: number; title: string; status: MilestoneStatus; dueOn: string }[];
    tranches: HealthFacts["tranches"][number][];
    lateIndicators: LateIndicator[];
  };
  freshness: Record<FreshnessPart, { updatedAt: Date; updatedBy: PersonRef | null } | null>;
  latestWeather: { level: WeatherLevel; period: string } | null;
}

const freshnessAuthor = alias(users, "freshness_author");

/**
 * Loads the facts of several laureates on `today` in a fixed number of
 * queries, whatever their number: the portfolio, the sponsor home and
 * "À relancer" share it.
 */
export async function loadFollowUpFacts(
  db: Executor,
  laureateIds: readonly number[],
  today: string,
): Promise<Map<number, FollowUpFacts>> {
  const facts = new Map<number, FollowUpFacts>(
    laureateIds.map((id) => [
      id,
      {
        health: {
          milestones: [],
          tranches: [],
          updatedOn: { finances: null, jalons: null, meteo: null },
          lateIndicators: [],
        },
        freshness: { finances: null, jalons: null, meteo: null },
        latestWeather: null,
      },
    ]),
  );
  if (laureateIds.length === 0) return facts;
  const ids = [...laureateIds];
  // One after the other: inside a transaction the queries share one connection.
  const milestoneRows = await db
    .select({
      id: milestones.id,
      laureateId: milestones.laureateId,
      title: milestones.title,
      status: milestones.status,
      dueOn: milestones.dueOn,
    })
    .from(milestones)
    .where(inArray(milestones.laureateId, ids))
    .orderBy(asc(milestones.position));
  const trancheRows = await db
    .select({
      laureateId: tranches.laureateId,
      status: tranches.status,
      plannedOn: tranches.plannedOn,
      ...GATE_COLUMNS,
    })
    .from(tranches)
    .leftJoin(...GATE_JOIN)
    .where(inArray(tranches.laureateId, ids));
  const freshnessRows = await db
    .select({
      laureateId: freshness.laureateId,
      part: freshness.part,
      updatedAt: freshness.updatedAt,
      userId: freshnessAuthor.id,
      userName: freshnessAuthor.displayName,
    })
    .from(freshness)
    .leftJoin(freshnessAuthor, eq(freshnessAuthor.id, freshness.updatedBy))
    .where(inArray(freshness.laureateId, ids));
  const weatherRows = await db
    .selectDistinctOn([weatherReports.laureateId], {
      laureateId: weatherReports.laureateId,
      level: weatherReports.level,
      period: weatherReports.period,
    })
    .from(weatherReports)
    .where(inArray(weatherReports.laureateId, ids))
    .orderBy(weatherReports.laureateId, desc(weatherReports.period));
  const indicatorRows = await loadIndicatorsOn(db, today, { laureateIds: ids });
  for (const row of milestoneRows) facts.get(row.laureateId)?.health.milestones.push(row);
  for (const indicator of indicatorRows) {
    if (indicator.freshness !== "a_mettre_a_jour") continue;
    facts.get(indicator.laureateId)?.health.lateIndicators.push({
      id: indicator.id,
      name: indicator.name,
      dueOn: indicator.nextDueOn,
    });
  }
  for (const { laureateId, ...tranche } of trancheRows) {
    facts.get(laureateId)?.health.tranches.push(withGatingMilestone(tranche));
  }
  for (const row of freshnessRows) {
    const entry = facts.get(row.laureateId);
    if (!entry) continue;
    entry.freshness[row.part] = { updatedAt: row.updatedAt, updatedBy: personOf(row.userId, row.userName) };
    entry.health.updatedOn[row.part] = parisDay(row.updatedAt);
  }
  for (const row of weatherRows) {
    const entry = facts.get(row.laureateId);
    if (entry) entry.latestWeather = { level: row.level, period: row.period };
  }
  return facts;
}

export function healthSummaryOf(facts: FollowUpFacts, today: string, staleAfterDays: number): HealthSummary {
  const computed = computeHealth(facts.health, today, staleAfterDays);
  const declared = facts.latestWeather?.level ?? null;
  return {
    declared,
    declaredPeriod: facts.latestWeather?.period ?? null,
    computed,
    diverges: weatherDiverges(declared, computed.level),
  };
}

export const FRESHNESS_PART_KEYS = Object.keys(FRESHNESS_PARTS) as FreshnessPart[];
