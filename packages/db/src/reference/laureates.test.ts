import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { laureateReferenceSchema, PORTEUR_NOT_GIVEN } from "@defis/domain";
import type { CategoryKey } from "@defis/domain";
import { LAUREATES } from "./laureates.js";
import { PROGRAMME } from "./programme.js";

// From packages/db/src/reference/ up five levels to /work, then shared/seeds/.
const seedPath = fileURLToPath(
  new URL("../../../../../shared/seeds/000_25d152fb91d469c2.txt", import.meta.url),
);
const seedExists = existsSync(seedPath);

/** Collapses runs of whitespace (including non-breaking spaces) into one space; nothing else. */
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ");
}

describe("PROGRAMME", () => {
  it("carries the facts of the announcement", () => {
    expect(PROGRAMME.envelopeCents).toBe(300_000_000);
    expect(PROGRAMME.applicationsOpenOn).toBe("2021-08-23");
    expect(PROGRAMME.applicationsCloseOn).toBe("2021-10-15");
    expect(PROGRAMME.laureatesAnnouncedOn).toBe("2022-02-17");
    expect(PROGRAMME.sourcePublishedOn).toBe("2022-02-17");
    expect(PROGRAMME.status).toBe("delibere");
    expect(PROGRAMME.laureateCount).toBe(27);
  });
});

describe("LAUREATES", () => {
  it("lists the 27 laureates", () => {
    expect(LAUREATES).toHaveLength(27);
    expect(LAUREATES).toHaveLength(PROGRAMME.laureateCount);
  });

  it("follows the announcement's order: 8 organisations, 5 numerique, 14 parcours-usagers", () => {
    const runs: { category: CategoryKey; count: number }[] = [];
    for (const laureate of LAUREATES) {
      const last = runs.at(-1);
      if (last && last.category === laureate.category) last.count += 1;
      else runs.push({ category: laureate.category, count: 1 });
    }
    expect(runs).toEqual([
      { category: "organisations", count: 8 },
      { category: "numerique", count: 5 },
      { category: "parcours-usagers", count: 14 },
    ]);
  });

  it("has unique slugs", () => {
    const slugs = LAUREATES.map((laureate) => laureate.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("validates every entry against laureateReferenceSchema", () => {
    for (const laureate of LAUREATES) {
      expect(() => laureateReferenceSchema.parse(laureate), laureate.slug).not.toThrow();
    }
  });

  it("keeps titles to 80 characters at most", () => {
    for (const laureate of LAUREATES) {
      expect(laureate.title.length, laureate.slug).toBeLessThanOrEqual(80);
    }
  });

  it("has exactly one laureate without porteur, with no ministry and no funding mode", () => {
    const withoutPorteur = LAUREATES.filter((laureate) => laureate.porteur === PORTEUR_NOT_GIVEN);
    expect(withoutPorteur).toHaveLength(1);
    expect(withoutPorteur[0]?.ministry).toBe("non-precise");
    expect(withoutPorteur[0]?.fundingMode).toBe("non-precise");
  });

  it.skipIf(!seedExists)(
    seedExists
      ? "copies every porteur verbatim from the seed text"
      : "copies every porteur verbatim from the seed text " +
          "(seed absent: ../shared/seeds non disponible, vérification ignorée)",
    () => {
      const seed = collapseWhitespace(readFileSync(seedPath, "utf8"));
      for (const laureate of LAUREATES) {
        if (laureate.porteur === PORTEUR_NOT_GIVEN) continue;
        expect(seed.includes(collapseWhitespace(laureate.porteur)), laureate.slug).toBe(true);
      }
    },
  );

  if (!seedExists) {
    console.info(
      `Seed absent (${seedPath}): ../shared/seeds non disponible, vérification des porteurs ignorée.`,
    );
  }
});
