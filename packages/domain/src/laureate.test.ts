import { describe, expect, it } from "vitest";
import { laureateFiltersSchema, laureateSlugSchema } from "./laureate.js";
import { labelFrom } from "./labels.js";
import { departementCodeSchema, territoryKey, territoryKeyLabel, territorySchema } from "./territory.js";

describe("laureateFiltersSchema", () => {
  it("accepts the known filters and trims the search", () => {
    expect(laureateFiltersSchema.parse({ category: "numerique", territory: "04", q: "  réunion " })).toEqual({
      category: "numerique",
      territory: "04",
      q: "réunion",
    });
    expect(laureateFiltersSchema.parse({ territory: "national" })).toEqual({ territory: "national" });
  });

  it("refuses unknown values with French messages", () => {
    const result = laureateFiltersSchema.safeParse({
      category: "sport",
      territory: "paris",
      q: "x".repeat(101),
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Catégorie inconnue.",
      "Territoire inconnu.",
      "La recherche est limitée à 100 caractères.",
    ]);
  });

  it("accepts only kebab-case slugs", () => {
    expect(laureateSlugSchema.safeParse({ slug: "dggn-lab-innovation" }).success).toBe(true);
    expect(laureateSlugSchema.safeParse({ slug: "../etc/passwd" }).success).toBe(false);
    expect(laureateSlugSchema.safeParse({ slug: "Majuscules" }).success).toBe(false);
  });
});

describe("territories", () => {
  it("knows official département codes, Corsica and overseas included", () => {
    for (const code of ["01", "2A", "2B", "56", "95", "971", "974", "976"]) {
      expect(departementCodeSchema.safeParse(code).success, code).toBe(true);
    }
    for (const code of ["00", "20", "96", "977", "2C", "7"]) {
      expect(departementCodeSchema.safeParse(code).success, code).toBe(false);
    }
  });

  it("groups a local territory by its région and a national one under 'national'", () => {
    const lorient = territorySchema.parse({
      scope: "local",
      regionCode: "53",
      departementCode: "56",
      place: "Lorient",
    });
    expect(territoryKey(lorient)).toBe("53");
    expect(territoryKey({ scope: "national" })).toBe("national");
    expect(territoryKeyLabel("53")).toBe("Bretagne");
    expect(territoryKeyLabel("national")).toBe("National");
  });

  it("falls back to the key for a label it does not know", () => {
    expect(labelFrom({ a: "A" }, "a")).toBe("A");
    expect(labelFrom({ a: "A" }, "toString")).toBe("toString");
  });
});
