import { indicatorFreshnessOn, targetReached } from "@defis/domain";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commonIndicators,
  indicatorMeasures,
  indicatorMeasureVersions,
  indicators,
  indicatorYearlyTargets,
} from "../schema/index.js";
import { createTestDatabase, type TestDatabaseHandle } from "../testing.js";
import { DEMO_INDICATORS } from "./demo-impact-catalogue.js";
import { demoYearlyTargets, planDemoMeasures, seedDemoImpact } from "./demo-impact.js";
import { DEMO_SEED } from "./demo.js";
import { seededRandom } from "./random.js";

function parisToday(): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());
}

describe("the demonstration indicators", () => {
  let database: TestDatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(async () => {
    await database.close();
  });

  const tally = async () => ({
    commons: (await database.db.select({ n: count() }).from(commonIndicators))[0]?.n,
    indicators: (await database.db.select({ n: count() }).from(indicators))[0]?.n,
    yearly: (await database.db.select({ n: count() }).from(indicatorYearlyTargets))[0]?.n,
    measures: (await database.db.select({ n: count() }).from(indicatorMeasures))[0]?.n,
  });

  it("seeds a catalogue, two or three indicators for most laureates, and their measures, all flagged demo", async () => {
    const expected = Object.values(DEMO_INDICATORS).flat().length;
    const { db } = database;
    const counts = await tally();
    expect(counts.commons).toBe(5);
    expect(counts.indicators).toBe(expected + 2);
    expect(counts.yearly).toBeGreaterThan(0);
    expect(counts.measures).toBeGreaterThan(expected * 4);
    const laureatesWith = await db
      .selectDistinct({ laureateId: indicators.laureateId })
      .from(indicators)
      .where(eq(indicators.status, "suivi"));
    expect(laureatesWith.length).toBeGreaterThanOrEqual(25);
    for (const table of [commonIndicators, indicators, indicatorMeasures]) {
      const [notDemo] = await db.select({ n: count() }).from(table).where(eq(table.isDemo, false));
      expect(notDemo?.n).toBe(0);
    }
    const proposals = await db.select().from(indicators).where(eq(indicators.status, "propose"));
    expect(proposals).toHaveLength(2);
    expect(proposals.every((row) => row.proposedBy !== null && row.decidedAt === null)).toBe(true);
  });

  it("gives followed indicators a past decision, targets in their direction, and some late or reached today", async () => {
    const { db } = database;
    const today = parisToday();
    const followed = await db.select().from(indicators).where(eq(indicators.status, "suivi"));
    const latest = await db
      .selectDistinctOn([indicatorMeasures.indicatorId], {
        indicatorId: indicatorMeasures.indicatorId,
        measuredOn: indicatorMeasures.measuredOn,
        value: indicatorMeasures.value,
      })
      .from(indicatorMeasures)
      .orderBy(indicatorMeasures.indicatorId, desc(indicatorMeasures.measuredOn));
    let late = 0;
    let reached = 0;
    for (const indicator of followed) {
      expect(indicator.decidedAt?.getTime()).toBeLessThan(Date.now());
      expect(indicator.baselineOn.slice(0, 4)).toMatch(/^202[12]$/);
      expect(indicator.targetOn.slice(0, 4)).toMatch(/^202[456]$/);
      expect(
        indicator.direction === "hausse"
          ? indicator.targetValue > indicator.baselineValue
          : indicator.targetValue < indicator.baselineValue,
      ).toBe(true);
      const measure = latest.find((row) => row.indicatorId === indicator.id);
      if (indicatorFreshnessOn(indicator, measure?.measuredOn ?? null, today) === "a_mettre_a_jour")
        late += 1;
      if (targetReached({ ...indicator, currentValue: measure?.value ?? null })) reached += 1;
    }
    expect(late).toBeGreaterThanOrEqual(3);
    expect(late).toBeLessThan(followed.length / 4);
    expect(reached).toBeGreaterThanOrEqual(3);
    const periodicities = new Set(followed.map((indicator) => indicator.periodicity));
    expect(periodicities.size).toBe(3);
    const yearly = await db
      .select({ value: indicatorYearlyTargets.value, indicator: indicators })
      .from(indicatorYearlyTargets)
      .innerJoin(indicators, eq(indicators.id, indicatorYearlyTargets.indicatorId));
    for (const { value, indicator } of yearly) {
      const low = Math.min(indicator.baselineValue, indicator.targetValue);
      const high = Math.max(indicator.baselineValue, indicator.targetValue);
      expect(value).toBeGreaterThanOrEqual(low);
      expect(value).toBeLessThanOrEqual(high);
    }
  });

  it("dates each measure's version from its recording, a few days after it was measured", async () => {
    const rows = await database.db
      .select({
        measuredOn: indicatorMeasureVersions.measuredOn,
        validFrom: indicatorMeasureVersions.validFrom,
      })
      .from(indicatorMeasureVersions)
      .orderBy(asc(indicatorMeasureVersions.measuredOn))
      .limit(50);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const day = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(row.validFrom);
      expect(day > row.measuredOn).toBe(true);
      expect(row.validFrom.getTime()).toBeLessThan(Date.now() - 86_400_000 * 30);
    }
    const [open] = await database.db
      .select({ n: count() })
      .from(indicatorMeasureVersions)
      .where(sql`${indicatorMeasureVersions.validTo} is not null`);
    expect(open?.n).toBe(0);
  });

  it("adds nothing when run again", async () => {
    const before = await tally();
    await seedDemoImpact(database.db, DEMO_SEED, parisToday());
    expect(await tally()).toEqual(before);
  });
});

describe("the demonstration measures' plan", () => {
  const spec = DEMO_INDICATORS["apilos-conventions-apl"]?.[0];
  if (!spec) throw new Error("Indicateur de démonstration introuvable.");

  it("is the same for the same seed and day", () => {
    const first = planDemoMeasures(spec, "2021-12-31", "2026-12-06", seededRandom(7));
    expect(planDemoMeasures(spec, "2021-12-31", "2026-12-06", seededRandom(7))).toEqual(first);
    expect(first.at(-1)?.measuredOn).toBe("2026-11-30");
    // A count never goes down.
    expect(
      first.every((measure, index) => index === 0 || measure.value >= (first[index - 1]?.value ?? 0)),
    ).toBe(true);
  });

  it("leaves a late indicator without its last measures, and keeps yearly targets between baseline and target", () => {
    const late = { ...spec, late: true as const };
    const plan = planDemoMeasures(late, "2021-12-31", "2026-12-06", seededRandom(7));
    expect(plan.at(-1)?.measuredOn).toBe("2026-09-30");
    expect(demoYearlyTargets(spec, "2021-12-31")).toEqual([
      { year: 2022, value: 1_000 },
      { year: 2023, value: 2_000 },
      { year: 2024, value: 3_000 },
    ]);
  });
});
