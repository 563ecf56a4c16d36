import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DEPARTEMENTS } from "./departements.js";
import {
  canMoveAdoption,
  closureKitGaps,
  moveAdoptionSchema,
  nextAdoptionStages,
  potentialLevel,
  recordAdoptionSchema,
  regionOfDepartement,
  replicationIndex,
  saveAssetSchema,
  suggestAdopters,
  themeWords,
  type CriterionScores,
  type SuggestionCandidate,
} from "./replication/index.js";

const all = (score: number): CriterionScores => ({
  maturity: score,
  evidence: score,
  transferability: score,
  cost: score,
  prerequisites: score,
  openness: score,
});

describe("replicationIndex", () => {
  it("runs from 0 to 100 and weighs transferability double", () => {
    expect(replicationIndex(all(0))).toBe(0);
    expect(replicationIndex(all(4))).toBe(100);
    expect(replicationIndex(all(2))).toBe(50);
    // 100 × 2×4 / 28 = 28.57 → 29, against 100 × 4 / 28 = 14.29 → 14 for the same 4 on maturity.
    expect(replicationIndex({ ...all(0), transferability: 4 })).toBe(29);
    expect(replicationIndex({ ...all(0), maturity: 4 })).toBe(14);
    // 100 × (3 + 2 + 2×4 + 1 + 0 + 4) / 28 = 64.29 → 64
    expect(
      replicationIndex({
        maturity: 3,
        evidence: 2,
        transferability: 4,
        cost: 1,
        prerequisites: 0,
        openness: 4,
      }),
    ).toBe(64);
  });

  it("refuses a score outside the 0–4 scale", () => {
    expect(() => replicationIndex({ ...all(2), cost: 5 })).toThrow(RangeError);
    expect(() => replicationIndex({ ...all(2), cost: 1.5 })).toThrow(RangeError);
    expect(() => replicationIndex({ ...all(2), openness: -1 })).toThrow(RangeError);
  });

  it("names a level: weak below 40, high from 70", () => {
    expect(potentialLevel(39)).toBe("faible");
    expect(potentialLevel(40)).toBe("moyen");
    expect(potentialLevel(69)).toBe("moyen");
    expect(potentialLevel(70)).toBe("eleve");
  });
});

describe("adoption stages", () => {
  it("move one stage forward at a time, or to abandoned before deployment", () => {
    expect(nextAdoptionStages("identifiee")).toEqual(["contactee", "abandonnee"]);
    expect(canMoveAdoption("contactee", "pilote")).toBe(true);
    expect(canMoveAdoption("pilote", "deployee")).toBe(true);
    expect(canMoveAdoption("pilote", "abandonnee")).toBe(true);
  });

  it("refuse skipping, going back, and leaving a final stage", () => {
    expect(canMoveAdoption("identifiee", "pilote")).toBe(false);
    expect(canMoveAdoption("identifiee", "deployee")).toBe(false);
    expect(canMoveAdoption("pilote", "contactee")).toBe(false);
    expect(canMoveAdoption("deployee", "abandonnee")).toBe(false);
    expect(canMoveAdoption("abandonnee", "identifiee")).toBe(false);
    expect(nextAdoptionStages("deployee")).toEqual([]);
  });

  it("require a reason to abandon", () => {
    const base = { laureateSlug: "dma-acceslibre", adoptionId: 1, version: 1, on: "2024-03-01" };
    expect(moveAdoptionSchema.safeParse({ ...base, to: "abandonnee" }).success).toBe(false);
    expect(
      moveAdoptionSchema.safeParse({ ...base, to: "abandonnee", reason: "Budget non voté" }).success,
    ).toBe(true);
    expect(moveAdoptionSchema.safeParse({ ...base, to: "identifiee" }).success).toBe(false);
  });
});

describe("territories of an adoption", () => {
  it("follow the official registry", () => {
    const registry = createRequire(import.meta.url)(
      "@etalab/decoupage-administratif/data/departements.json",
    ) as { code: string; region: string; nom: string; zone: string }[];
    const expected = registry.filter((departement) => departement.zone !== "com");
    expect(Object.keys(DEPARTEMENTS).sort()).toEqual(expected.map((departement) => departement.code).sort());
    for (const departement of expected) {
      expect(DEPARTEMENTS[departement.code as keyof typeof DEPARTEMENTS]).toEqual({
        name: departement.nom,
        region: departement.region,
      });
    }
    expect(regionOfDepartement("31")).toBe("76");
    expect(regionOfDepartement("2A")).toBe("94");
    expect(regionOfDepartement("974")).toBe("04");
    expect(regionOfDepartement("975")).toBeNull();
    expect(regionOfDepartement("99")).toBeNull();
  });

  it("refuse a département outside the chosen région", () => {
    const adoption = {
      laureateSlug: "dma-acceslibre",
      organisation: "Communauté de communes fictive",
      regionCode: "76",
      contact: null,
      notes: null,
      identifiedOn: "2024-01-15",
    };
    expect(recordAdoptionSchema.safeParse({ ...adoption, departementCode: "31" }).success).toBe(true);
    expect(recordAdoptionSchema.safeParse({ ...adoption, departementCode: null }).success).toBe(true);
    const wrong = recordAdoptionSchema.safeParse({ ...adoption, departementCode: "33" });
    expect(wrong.error?.issues[0]?.message).toBe("Ce département n'appartient pas à la région choisie.");
  });
});

describe("the closure kit", () => {
  const lessons = "Associer les agents dès le début a évité deux itérations coûteuses sur le parcours.";
  it("needs a resource, a contact person and lessons learned", () => {
    expect(closureKitGaps(["guide", "contact"], lessons)).toEqual([]);
    expect(closureKitGaps(["contact"], lessons)).toEqual([
      "au moins une ressource réutilisable (dépôt de code, guide, document ou contrat)",
    ]);
    expect(closureKitGaps(["code"], lessons)).toEqual(["une personne à contacter"]);
    expect(closureKitGaps(["code", "contact"], "Trop court")).toEqual(["les enseignements du projet"]);
    expect(closureKitGaps([], null)).toHaveLength(3);
  });

  it("takes a link for a resource and an e-mail for a contact", () => {
    const asset = { laureateSlug: "dma-acceslibre", assetId: null, version: 0, label: "Dépôt" };
    expect(
      saveAssetSchema.safeParse({
        ...asset,
        kind: "code",
        url: "https://forge.example/depot",
        contactEmail: null,
      }).success,
    ).toBe(true);
    expect(saveAssetSchema.safeParse({ ...asset, kind: "code", url: null, contactEmail: null }).success).toBe(
      false,
    );
    expect(
      saveAssetSchema.safeParse({ ...asset, kind: "code", url: "javascript:alert(1)", contactEmail: null })
        .success,
    ).toBe(false);
    expect(
      saveAssetSchema.safeParse({ ...asset, kind: "contact", url: null, contactEmail: "referent@exemple.fr" })
        .success,
    ).toBe(true);
    expect(
      saveAssetSchema.safeParse({ ...asset, kind: "contact", url: null, contactEmail: null }).success,
    ).toBe(false);
  });
});

describe("suggestAdopters", () => {
  const candidate = (
    slug: string,
    category: SuggestionCandidate["category"],
    regionCode: SuggestionCandidate["regionCode"],
    benefits: string[],
  ): SuggestionCandidate => ({ slug, title: slug, category, regionCode, benefits });

  const laureate = candidate("source", "numerique", "44", [
    "Dématérialisation des démarches cartographiques",
  ]);
  const others = [
    candidate("meme-categorie", "numerique", "11", ["Réduire les délais"]),
    candidate("themes-communs", "parcours-usagers", "76", [
      "Dématérialisation des procédures",
      "Démarches simplifiées et cartographiques",
    ]),
    candidate("un-seul-theme", "organisations", "53", ["Dématérialisation"]),
    candidate("meme-region", "numerique", "44", ["Dématérialisation"]),
    candidate("source", "numerique", "44", ["Dématérialisation"]),
  ];

  it("scores 3 for the same category and 1 per shared theme, from 3 points, best first", () => {
    const { laureates } = suggestAdopters(laureate, others, new Set());
    expect(laureates.map((suggestion) => [suggestion.slug, suggestion.score])).toEqual([
      ["meme-region", 4],
      ["meme-categorie", 3],
      ["themes-communs", 3],
    ]);
    expect(laureates[2]?.sharedThemes).toEqual(["cartographiques", "demarches", "dematerialisation"]);
    expect(laureates.some((suggestion) => suggestion.slug === "source")).toBe(false);
  });

  it("proposes the régions of similar laureates, not its own nor those with an adoption", () => {
    expect(suggestAdopters(laureate, others, new Set()).territories).toEqual([
      { regionCode: "11", throughLaureates: ["meme-categorie"] },
      { regionCode: "76", throughLaureates: ["themes-communs"] },
    ]);
    expect(suggestAdopters(laureate, others, new Set(["76"])).territories).toEqual([
      { regionCode: "11", throughLaureates: ["meme-categorie"] },
    ]);
  });

  it("reads themes without accents, case or common words", () => {
    expect([...themeWords(["Les USAGERS et la Dématérialisation"])]).toEqual(["dematerialisation"]);
  });
});
