import { describe, expect, it } from "vitest";
import { splitEnvelope } from "./demo.js";
import { seededRandom } from "./random.js";

describe("the demonstration scenario's generator", () => {
  it("is deterministic for a seed", () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    expect(Array.from({ length: 5 }, first)).toEqual(Array.from({ length: 5 }, second));
  });

  it("splits an amount into parts that sum to it exactly, in hundreds of euros but the last", () => {
    for (const seed of [1, 2, 3, 20_220_217]) {
      const parts = splitEnvelope(288_000_000, 27, seededRandom(seed));
      expect(parts).toHaveLength(27);
      expect(parts.reduce((sum, part) => sum + part, 0)).toBe(288_000_000);
      expect(parts.every((part) => part > 0)).toBe(true);
      expect(parts.slice(0, -1).every((part) => part % 10_000 === 0)).toBe(true);
    }
    expect(splitEnvelope(1_000, 0, seededRandom(1))).toEqual([]);
  });
});
