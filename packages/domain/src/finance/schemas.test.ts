import { describe, expect, it } from "vitest";
import { isValidSiret, proposeSchedule, reallocateSchema } from "./index.js";

describe("proposeSchedule", () => {
  it("proposes avance, acomptes and solde that sum to the allocation to the cent", () => {
    for (const allocation of [1, 99, 100_000, 123_456_789, 10_000_001]) {
      for (const acomptes of [0, 1, 3]) {
        const schedule = proposeSchedule(allocation, { acomptes });
        expect(schedule.reduce((sum, tranche) => sum + tranche.amountCents, 0)).toBe(allocation);
        expect(
          schedule.every((tranche) => Number.isInteger(tranche.amountCents) && tranche.amountCents > 0),
        ).toBe(true);
      }
    }
    expect(proposeSchedule(10_000_000)).toEqual([
      { kind: "avance", amountCents: 3_000_000 },
      { kind: "acompte", amountCents: 5_000_000 },
      { kind: "solde", amountCents: 2_000_000 },
    ]);
    expect(proposeSchedule(0)).toEqual([]);
  });
});

describe("identifiers", () => {
  it("checks the SIRET key", () => {
    expect(isValidSiret("13002526500013")).toBe(true);
    expect(isValidSiret("13002526500014")).toBe(false);
    expect(isValidSiret("1300252650001")).toBe(false);
  });

  it("refuses a reallocation to the same laureate", () => {
    const result = reallocateSchema.safeParse({
      fromLaureateSlug: "a",
      toLaureateSlug: "a",
      amountCents: 100,
      reason: "Réorientation",
      idempotencyKey: "3f1c1e2a-5b6d-4c7e-8f90-1a2b3c4d5e6f",
    });
    expect(result.error?.issues[0]?.message).toBe("Choisissez deux lauréats différents.");
  });
});
