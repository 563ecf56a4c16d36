import { addDays, addMonthsToDay, daysBetween, PERIODICITY_MONTHS, roundValue } from "@defis/domain";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  commonIndicators,
  indicatorMeasures,
  indicators,
  indicatorYearlyTargets,
  laureates,
} from "../schema/index.js";
import {
  DEMO_COMMON_INDICATORS,
  DEMO_INDICATORS,
  DEMO_PROPOSALS,
  type DemoCommonKey,
  type DemoIndicatorSpec,
} from "./demo-impact-catalogue.js";
import { parisInstant } from "./demo-history.js";
import { demoUserIds } from "./demo-progress.js";
import { randomInt, seededRandom } from "./random.js";

/** The scenario's measures stop at the end of the programme's horizon. */
const LAST_MEASURE_ON = "2026-12-31";
const BASELINE_DAYS = ["2021-12-31", "2022-03-31", "2022-06-30"] as const;
const DEMO_SOURCE = "Démonstration : valeur inventée";
const DEMO_METHOD = "Indicateur de démonstration : ses valeurs sont inventées, pas celles du lauréat.";

interface PlannedMeasure {
  measuredOn: string;
  value: number;
  /** Days between the measure and its recording. */
  lag: number;
}

/**
 * The measures of one indicator: one per period from its baseline up to
 * `today`, moving from the baseline towards the target (past it when
 * `reached`), with some noise; counts never go down. A `late` indicator
 * misses its last measures, so it is "à mettre à jour" on `today`.
 */
export function planDemoMeasures(
  spec: DemoIndicatorSpec,
  baselineOn: string,
  today: string,
  random: () => number,
): PlannedMeasure[] {
  const targetOn = `${String(spec.targetYear)}-12-31`;
  const months = PERIODICITY_MONTHS[spec.periodicity];
  const achievement = spec.reached ? 1.12 : 0.6 + 0.35 * random();
  const span = spec.target - spec.baseline;
  const horizon = daysBetween(baselineOn, targetOn);
  const last = today < LAST_MEASURE_ON ? today : LAST_MEASURE_ON;
  const planned: PlannedMeasure[] = [];
  let previous = spec.baseline;
  for (let step = 1; ; step += 1) {
    const measuredOn = addMonthsToDay(baselineOn, step * months);
    if (measuredOn > last) break;
    const elapsed = Math.min(1, daysBetween(baselineOn, measuredOn) / horizon);
    const progress = Math.min(1.2, Math.max(-0.05, elapsed * achievement + (random() - 0.5) * 0.06));
    let value = spec.baseline + span * progress;
    if (spec.unit === "nombre") {
      value = Math.round(value);
      if (span > 0) value = Math.max(previous, value);
    } else {
      value = Math.round(value * 10) / 10;
    }
    if (spec.unit === "pourcentage") value = Math.min(100, Math.max(0, value));
    previous = value;
    planned.push({ measuredOn, value, lag: randomInt(random, 1, 12) });
  }
  const missing = spec.late ? (spec.periodicity === "annuelle" ? 1 : 2) : 0;
  return planned.slice(0, planned.length - missing);
}

/** Intermediate targets on the straight line from the baseline to the target, for the years between. */
export function demoYearlyTargets(
  spec: DemoIndicatorSpec,
  baselineOn: string,
): { year: number; value: number }[] {
  const first = Number(baselineOn.slice(0, 4)) + 1;
  const years = spec.targetYear - first;
  return Array.from({ length: Math.max(0, years) }, (_, index) => {
    const year = first + index;
    const share = (index + 1) / (years + 1);
    const value = spec.baseline + (spec.target - spec.baseline) * share;
    return { year, value: spec.unit === "nombre" ? Math.round(value) : roundValue(value) };
  });
}

/**
 * The common catalogue, two or three followed indicators for most laureates
 * with their measures over 2022–2026, and two proposals a sponsor waits for.
 * Only for laureates that have no indicator yet. Measures are dated as if
 * recorded a few days after they were measured, so that a past day ("état
 * au") reads them as known then.
 */
export async function seedDemoImpact(db: Executor, seed: number, today: string): Promise<void> {
  const random = seededRandom(seed + 5);
  await db
    .insert(commonIndicators)
    .values(
      Object.values(DEMO_COMMON_INDICATORS).map((common) => ({ ...common, unitLabel: "", isDemo: true })),
    )
    .onConflictDoNothing({ target: commonIndicators.name });
  const commons = await db
    .select({ id: commonIndicators.id, name: commonIndicators.name })
    .from(commonIndicators)
    .where(
      inArray(
        commonIndicators.name,
        Object.values(DEMO_COMMON_INDICATORS).map((common) => common.name),
      ),
    );
  const commonId = (key: DemoCommonKey | undefined) =>
    key === undefined
      ? null
      : (commons.find((common) => common.name === DEMO_COMMON_INDICATORS[key].name)?.id ?? null);

  const slugs = [...new Set([...Object.keys(DEMO_INDICATORS), ...Object.keys(DEMO_PROPOSALS)])];
  const rows = await db
    .select({ id: laureates.id, slug: laureates.slug, ministry: laureates.ministry })
    .from(laureates)
    .where(
      sql`${inArray(laureates.slug, slugs)} and not exists (select 1 from indicator i where i.laureate_id = ${laureates.id})`,
    )
    .orderBy(laureates.position);
  if (rows.length === 0) return;
  const people = await demoUserIds(db);

  type Planned = { laureateId: number; sponsor: number | null; spec: DemoIndicatorSpec; baselineOn: string };
  const followed: Planned[] = [];
  const proposed: Planned[] = [];
  for (const laureate of rows) {
    const sponsor = people.bySponsorScope.get(laureate.ministry) ?? null;
    for (const spec of DEMO_INDICATORS[laureate.slug] ?? []) {
      const baselineOn =
        spec.periodicity === "annuelle"
          ? "2021-12-31"
          : (BASELINE_DAYS[randomInt(random, 0, BASELINE_DAYS.length - 1)] ?? "2021-12-31");
      followed.push({ laureateId: laureate.id, sponsor: sponsor ?? people.officer, spec, baselineOn });
    }
    const proposal = DEMO_PROPOSALS[laureate.slug];
    if (proposal && sponsor !== null) {
      proposed.push({ laureateId: laureate.id, sponsor, spec: proposal, baselineOn: "2022-12-31" });
    }
  }

  const indicatorRow = ({ laureateId, spec, baselineOn }: Planned) => ({
    laureateId,
    name: spec.name,
    unit: spec.unit,
    unitLabel: spec.unitLabel ?? "",
    subject: spec.subject,
    direction: spec.target > spec.baseline ? ("hausse" as const) : ("baisse" as const),
    baselineValue: spec.baseline,
    baselineOn,
    targetValue: spec.target,
    targetOn: `${String(spec.targetYear)}-12-31`,
    periodicity: spec.periodicity,
    source: DEMO_SOURCE,
    method: DEMO_METHOD,
    commonIndicatorId: commonId(spec.common),
    weight: spec.weight ?? 1,
    isDemo: true,
  });
  const inserted = await db
    .insert(indicators)
    .values([
      ...followed.map((planned) => {
        // Decided a few weeks after its baseline, before its first measure was recorded.
        const decidedAt = parisInstant(addDays(planned.baselineOn, randomInt(random, 20, 28)), 11);
        return {
          ...indicatorRow(planned),
          status: "suivi" as const,
          decidedBy: people.officer,
          decidedAt,
          updatedBy: people.officer,
          createdAt: decidedAt,
          updatedAt: decidedAt,
        };
      }),
      ...proposed.map((planned) => {
        const proposedAt = sql`now() - make_interval(days => ${randomInt(random, 3, 9)})`;
        return {
          ...indicatorRow(planned),
          status: "propose" as const,
          proposedBy: planned.sponsor,
          updatedBy: planned.sponsor,
          createdAt: proposedAt,
          updatedAt: proposedAt,
        };
      }),
    ])
    .returning({ id: indicators.id, laureateId: indicators.laureateId, name: indicators.name });
  const idOf = (planned: Planned) =>
    inserted.find((row) => row.laureateId === planned.laureateId && row.name === planned.spec.name)?.id;

  const yearly = followed.flatMap((planned) => {
    const id = idOf(planned);
    if (id === undefined || !planned.spec.yearly) return [];
    return demoYearlyTargets(planned.spec, planned.baselineOn).map((target) => ({
      indicatorId: id,
      ...target,
    }));
  });
  if (yearly.length > 0) await db.insert(indicatorYearlyTargets).values(yearly);

  const measures = followed.flatMap((planned) => {
    const id = idOf(planned);
    if (id === undefined) return [];
    return planDemoMeasures(planned.spec, planned.baselineOn, today, random).map((measure) => {
      const recordedAt = parisInstant(addDays(measure.measuredOn, measure.lag), 10);
      return {
        indicatorId: id,
        laureateId: planned.laureateId,
        measuredOn: measure.measuredOn,
        value: measure.value,
        source: DEMO_SOURCE,
        createdBy: planned.sponsor,
        isDemo: true,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      };
    });
  });
  // In slices: one statement per thousand measures stays under the parameters' limit.
  for (let start = 0; start < measures.length; start += 1_000) {
    await db.insert(indicatorMeasures).values(measures.slice(start, start + 1_000));
  }
}
