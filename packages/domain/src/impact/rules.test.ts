import { describe, expect, it } from "vitest";
import {
  addMonthsToDay,
  aggregateCommon,
  indicatorFreshnessOn,
  nextMeasureDueOn,
  progressRate,
  targetForYear,
  targetReached,
} from "./rules.js";
import { defineIndicatorSchema } from "./schemas.js";

describe("progressRate", () => {
  it("goes from the baseline to the target, upwards", () => {
    expect(
      progressRate({ baselineValue: 0, targetValue: 1200, direction: "hausse", currentValue: 300 }),
    ).toBe(0.25);
  });
  it("goes from the baseline to the target, downwards (45 → 20 days)", () => {
    expect(progressRate({ baselineValue: 45, targetValue: 20, direction: "baisse", currentValue: 30 })).toBe(
      0.6,
    );
  });
  it("is bounded: a move the wrong way counts 0, past the target 1", () => {
    expect(progressRate({ baselineValue: 45, targetValue: 20, direction: "baisse", currentValue: 50 })).toBe(
      0,
    );
    expect(progressRate({ baselineValue: 45, targetValue: 20, direction: "baisse", currentValue: 10 })).toBe(
      1,
    );
  });
  it("is unknown without a measure or with a target against the direction", () => {
    expect(
      progressRate({ baselineValue: 1, targetValue: 5, direction: "hausse", currentValue: null }),
    ).toBeNull();
    expect(
      progressRate({ baselineValue: 5, targetValue: 1, direction: "hausse", currentValue: 3 }),
    ).toBeNull();
  });
});

describe("targetReached", () => {
  it("reads the direction", () => {
    expect(targetReached({ targetValue: 20, direction: "baisse", currentValue: 20 })).toBe(true);
    expect(targetReached({ targetValue: 20, direction: "baisse", currentValue: 21 })).toBe(false);
    expect(targetReached({ targetValue: 80, direction: "hausse", currentValue: 81 })).toBe(true);
    expect(targetReached({ targetValue: 80, direction: "hausse", currentValue: null })).toBe(false);
  });
});

describe("when a measure is due", () => {
  it("adds whole months, held to the end of a short month", () => {
    expect(addMonthsToDay("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsToDay("2023-11-30", 3)).toBe("2024-02-29");
    expect(addMonthsToDay("2025-12-15", 12)).toBe("2026-12-15");
  });
  it("is one period after the latest measure, or after the baseline", () => {
    const indicator = { baselineOn: "2022-01-01", periodicity: "trimestrielle" as const };
    expect(nextMeasureDueOn(indicator, null)).toBe("2022-04-01");
    expect(nextMeasureDueOn(indicator, "2026-09-30")).toBe("2026-12-30");
    expect(indicatorFreshnessOn(indicator, "2026-09-30", "2026-12-30")).toBe("a_jour");
    expect(indicatorFreshnessOn(indicator, "2026-09-30", "2026-12-31")).toBe("a_mettre_a_jour");
  });
});

describe("targetForYear", () => {
  it("takes the year's intermediate target, else the final one", () => {
    const indicator = { targetValue: 100, yearlyTargets: [{ year: 2024, value: 40 }] };
    expect(targetForYear(indicator, 2024)).toBe(40);
    expect(targetForYear(indicator, 2025)).toBe(100);
  });
});

describe("aggregateCommon", () => {
  const contributions = [
    { baselineValue: 40, currentValue: 30, targetValue: 20, weight: 300 },
    { baselineValue: 10, currentValue: null, targetValue: 5, weight: 100 },
  ];
  it("sums counts, an unmeasured laureate counting at its baseline", () => {
    expect(aggregateCommon("somme", contributions)).toEqual({
      baseline: 50,
      current: 40,
      target: 25,
      reporting: 2,
      measured: 1,
    });
  });
  it("averages means, weighted", () => {
    // (40×300 + 10×100) / 400 = 32.5; (30×300 + 10×100) / 400 = 25; (20×300 + 5×100) / 400 = 16.25
    expect(aggregateCommon("moyenne_ponderee", contributions)).toMatchObject({
      baseline: 32.5,
      current: 25,
      target: 16.25,
    });
  });
  it("has no current value before any measure", () => {
    expect(aggregateCommon("somme", contributions.slice(1)).current).toBeNull();
  });
});

describe("defineIndicatorSchema", () => {
  const valid = {
    laureateSlug: "exemple",
    name: "Délai moyen de traitement",
    unit: "jours",
    unitLabel: "",
    subject: "usagers",
    direction: "baisse",
    baselineValue: 45,
    baselineOn: "2022-01-01",
    targetValue: 20,
    targetOn: "2024-12-31",
    yearlyTargets: [{ year: 2023, value: 30 }],
    periodicity: "trimestrielle",
    source: "",
    method: "",
    commonIndicatorId: null,
    weight: 1,
  };
  it("accepts a coherent indicator", () => {
    expect(defineIndicatorSchema.safeParse(valid).success).toBe(true);
  });
  it("refuses a target against the direction, with the field's message", () => {
    const result = defineIndicatorSchema.safeParse({ ...valid, targetValue: 60 });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["targetValue"],
        message: "Pour un indicateur à la baisse, la cible est inférieure à la valeur initiale.",
      }),
    ]);
  });
  it("refuses a yearly target outside the baseline–target years and more than two decimals", () => {
    expect(
      defineIndicatorSchema.safeParse({ ...valid, yearlyTargets: [{ year: 2026, value: 1 }] }).success,
    ).toBe(false);
    expect(defineIndicatorSchema.safeParse({ ...valid, baselineValue: 45.123 }).success).toBe(false);
  });
});
