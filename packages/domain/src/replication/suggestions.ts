import type { CategoryKey } from "../laureate.js";
import type { RegionCode } from "../territory.js";

/** Words too common in the announcement to say two projects share a theme. */
const STOP_WORDS = new Set([
  "agents",
  "usagers",
  "pour",
  "avec",
  "dans",
  "entre",
  "leurs",
  "notamment",
  "meilleure",
  "meilleur",
  "amelioration",
  "ameliorer",
  "permettre",
  "permettant",
  "favoriser",
  "projet",
  "projets",
  "service",
  "services",
  "public",
  "publics",
  "publique",
  "publiques",
  "autres",
  "ensemble",
  "faciliter",
  "renforcer",
  "qualite",
  "afin",
  "ainsi",
  "plus",
  "mieux",
  "sont",
  "cette",
  "celle",
  "leur",
]);

/** Significant words of a text: lower case, no accents, 5 letters or more, common words removed. */
export function themeWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    const normalised = text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    for (const word of normalised.split(/[^a-z]+/)) {
      if (word.length >= 5 && !STOP_WORDS.has(word)) words.add(word);
    }
  }
  return words;
}

export interface SuggestionCandidate {
  slug: string;
  title: string;
  category: CategoryKey;
  /** Null for a national laureate. */
  regionCode: RegionCode | null;
  benefits: readonly string[];
}

export interface LaureateSuggestion {
  slug: string;
  title: string;
  score: number;
  sharedThemes: string[];
  sameCategory: boolean;
}

export interface TerritorySuggestion {
  regionCode: RegionCode;
  /** The similar laureates already acting there. */
  throughLaureates: string[];
}

export interface ReplicationSuggestions {
  laureates: LaureateSuggestion[];
  territories: TerritorySuggestion[];
}

export const SUGGESTION_RULE =
  "Score = 3 si même catégorie + 1 par thème commun (mots significatifs des bénéfices annoncés) ; " +
  "lauréats retenus à partir de 3 points, 5 au plus ; territoires : régions des lauréats retenus où le lauréat n'agit pas et n'a pas encore d'adoption.";

/**
 * Who else could take up a laureate: other laureates scored 3 points for the
 * same category plus 1 per theme word their announced benefits share, kept
 * from 3 points (the 5 best, ties by the announcement's order); and the
 * régions where those laureates act, unless the laureate already acts or has
 * an adoption there. No external service: the announcement's own words.
 */
export function suggestAdopters(
  laureate: SuggestionCandidate,
  others: readonly SuggestionCandidate[],
  regionsWithAdoption: ReadonlySet<string>,
): ReplicationSuggestions {
  const themes = themeWords(laureate.benefits);
  const scored = others
    .filter((other) => other.slug !== laureate.slug)
    .map((other, order) => {
      const shared = [...themeWords(other.benefits)].filter((word) => themes.has(word)).sort();
      const sameCategory = other.category === laureate.category;
      return {
        other,
        order,
        suggestion: {
          slug: other.slug,
          title: other.title,
          score: (sameCategory ? 3 : 0) + shared.length,
          sharedThemes: shared,
          sameCategory,
        },
      };
    })
    .filter((entry) => entry.suggestion.score >= 3)
    .sort((left, right) => right.suggestion.score - left.suggestion.score || left.order - right.order)
    .slice(0, 5);

  const territories = new Map<RegionCode, string[]>();
  for (const { other } of scored) {
    const region = other.regionCode;
    if (region === null || region === laureate.regionCode || regionsWithAdoption.has(region)) continue;
    territories.set(region, [...(territories.get(region) ?? []), other.title]);
  }
  return {
    laureates: scored.map((entry) => entry.suggestion),
    territories: [...territories].map(([regionCode, throughLaureates]) => ({ regionCode, throughLaureates })),
  };
}
