import { z } from "zod";
import { DEPARTEMENTS } from "./departements.js";
import { keysOf } from "./labels.js";
import type { CategoryKey } from "./laureate.js";
import { SLUG_PATTERN } from "./laureate.js";
import { REGIONS, regionCodeSchema, type RegionCode } from "./territory.js";

/**
 * The six criteria of a replication scorecard, in the order the officer
 * scores them. Every scale is oriented the same way: 4 is always the most
 * favourable to replication, so "cost" scores 4 when replicating is cheap and
 * "prerequisites" scores 4 when there are almost none.
 */
export const REPLICATION_CRITERIA = {
  maturity: "Maturité de la solution",
  evidence: "Preuves de résultats",
  transferability: "Transférabilité à d'autres territoires ou administrations",
  cost: "Coût et effort de réplication",
  prerequisites: "Prérequis juridiques ou organisationnels",
  openness: "Ouverture des ressources réutilisables",
} as const;
export type ReplicationCriterion = keyof typeof REPLICATION_CRITERIA;
export const REPLICATION_CRITERION_KEYS = keysOf(REPLICATION_CRITERIA);

/** What each score means, read the same way on every criterion. */
export const SCORE_LABELS = {
  0: "0 — défavorable",
  1: "1 — faible",
  2: "2 — moyen",
  3: "3 — bon",
  4: "4 — très favorable",
} as const;

/**
 * Transferability weighs double: a solution that works only where it was born
 * cannot spread, whatever its other merits.
 */
export const CRITERION_WEIGHTS: Record<ReplicationCriterion, number> = {
  maturity: 1,
  evidence: 1,
  transferability: 2,
  cost: 1,
  prerequisites: 1,
  openness: 1,
};

export const MAX_SCORE = 4;

export type CriterionScores = Record<ReplicationCriterion, number>;

/**
 * The replication potential index, from 0 to 100: the weighted mean of the
 * scores divided by the maximum score, rounded to the unit.
 * index = round(100 × Σ(poids × note) / (4 × Σ poids)).
 */
export function replicationIndex(scores: CriterionScores): number {
  let weighted = 0;
  let weights = 0;
  for (const criterion of REPLICATION_CRITERION_KEYS) {
    const score = scores[criterion];
    if (!Number.isInteger(score) || score < 0 || score > MAX_SCORE) {
      throw new RangeError(`Note hors échelle pour « ${REPLICATION_CRITERIA[criterion]} » : ${score}`);
    }
    weighted += CRITERION_WEIGHTS[criterion] * score;
    weights += CRITERION_WEIGHTS[criterion];
  }
  return Math.round((100 * weighted) / (MAX_SCORE * weights));
}

/** The formula as the page writes it beside the index. */
export const REPLICATION_INDEX_FORMULA =
  "Indice = 100 × (maturité + résultats + 2 × transférabilité + coût + prérequis + ouverture) ÷ 28, arrondi à l'unité";

export const POTENTIAL_LEVELS = {
  faible: "Potentiel faible",
  moyen: "Potentiel moyen",
  eleve: "Potentiel élevé",
} as const;
export type PotentialLevel = keyof typeof POTENTIAL_LEVELS;

/** Below 40 weak, from 70 high. */
export function potentialLevel(index: number): PotentialLevel {
  if (index >= 70) return "eleve";
  if (index >= 40) return "moyen";
  return "faible";
}

const laureateSlug = z.string().regex(SLUG_PATTERN, { error: "Identifiant de lauréat invalide." }).max(80);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Date attendue au format AAAA-MM-JJ." });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${max} caractères au plus.` })
    .transform((value) => (value === "" ? null : value))
    .nullable();

const criterionScoreSchema = z.object({
  score: z
    .number({ error: "Choisissez une note de 0 à 4." })
    .int({ error: "Choisissez une note de 0 à 4." })
    .min(0, { error: "Choisissez une note de 0 à 4." })
    .max(MAX_SCORE, { error: "Choisissez une note de 0 à 4." }),
  justification: z
    .string()
    .trim()
    .min(10, { error: "Justifiez la note (10 caractères au moins)." })
    .max(1_000, { error: "1 000 caractères au plus." }),
});

/**
 * A new scorecard for a laureate. It never overwrites the previous one, which
 * stays in the history; `basedOnScorecardId` names the scorecard the officer
 * read (null for the first), so that two people scoring at once cannot both win.
 */
export const scoreLaureateSchema = z.object({
  laureateSlug,
  basedOnScorecardId: z.number().int().positive().nullable(),
  criteria: z.object({
    maturity: criterionScoreSchema,
    evidence: criterionScoreSchema,
    transferability: criterionScoreSchema,
    cost: criterionScoreSchema,
    prerequisites: criterionScoreSchema,
    openness: criterionScoreSchema,
  }),
  /** The sponsor the officer scored with. */
  sponsorName: z
    .string()
    .trim()
    .min(2, { error: "Indiquez le sponsor avec qui la grille a été remplie." })
    .max(200, { error: "200 caractères au plus." }),
});
export type ScoreLaureateInput = z.infer<typeof scoreLaureateSchema>;

/* ------------------------------------------------------------------ assets */

export const ASSET_KINDS = {
  code: "Dépôt de code",
  guide: "Guide de méthode",
  document: "Document",
  contrat: "Contrat ou convention",
  contact: "Personne à contacter",
} as const;
export type AssetKind = keyof typeof ASSET_KINDS;
export const assetKindSchema = z.enum(keysOf(ASSET_KINDS), {
  error: "Type de ressource inconnu.",
});

const httpsUrl = z
  .string()
  .trim()
  .max(500, { error: "500 caractères au plus." })
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), {
    error: "Indiquez une adresse web complète (https://…).",
  });

/**
 * A reusable asset: a link (code, guide, document, contract), or a contact
 * person reached by e-mail. Saved on the version read; without an id it is new.
 */
export const saveAssetSchema = z
  .object({
    laureateSlug,
    assetId: z.number().int().positive().nullable(),
    version: z.number().int().min(0),
    kind: assetKindSchema,
    label: z
      .string()
      .trim()
      .min(2, { error: "Le libellé est requis." })
      .max(200, { error: "200 caractères au plus." }),
    url: httpsUrl.nullable(),
    contactEmail: z.email({ error: "Adresse électronique invalide." }).max(200).nullable(),
  })
  .refine((input) => input.kind === "contact" || input.url !== null, {
    error: "Indiquez l'adresse web de la ressource.",
    path: ["url"],
  })
  .refine((input) => input.kind !== "contact" || input.contactEmail !== null, {
    error: "Indiquez l'adresse électronique de la personne à contacter.",
    path: ["contactEmail"],
  });
export type SaveAssetInput = z.infer<typeof saveAssetSchema>;

export const removeAssetSchema = z.object({
  laureateSlug,
  assetId: z.number().int().positive(),
  version: z.number().int().positive(),
});
export type RemoveAssetInput = z.infer<typeof removeAssetSchema>;

/* ----------------------------------------------------------------- closure */

export const LESSONS_MIN_LENGTH = 50;

export const closeLaureateSchema = z.object({
  laureateSlug,
  closedOn: isoDate,
  lessonsLearned: z
    .string()
    .trim()
    .min(LESSONS_MIN_LENGTH, {
      error: `Rédigez les enseignements du projet (${LESSONS_MIN_LENGTH} caractères au moins).`,
    })
    .max(5_000, { error: "5 000 caractères au plus." }),
});
export type CloseLaureateInput = z.infer<typeof closeLaureateSchema>;

/**
 * What is missing from the closure kit: a laureate closes with a contact
 * person, at least one reusable resource (code, guide, document or contract)
 * and its lessons learned. An empty list means the kit is complete.
 */
export function closureKitGaps(assetKinds: readonly AssetKind[], lessonsLearned: string | null): string[] {
  const gaps = assetGaps(assetKinds);
  if ((lessonsLearned ?? "").trim().length < LESSONS_MIN_LENGTH) gaps.push("les enseignements du projet");
  return gaps;
}

/** The assets the closure kit still lacks, before the lessons are written. */
export function assetGaps(assetKinds: readonly AssetKind[]): string[] {
  const gaps: string[] = [];
  if (!assetKinds.some((kind) => kind !== "contact")) {
    gaps.push("au moins une ressource réutilisable (dépôt de code, guide, document ou contrat)");
  }
  if (!assetKinds.includes("contact")) gaps.push("une personne à contacter");
  return gaps;
}

/* --------------------------------------------------------------- adoptions */

/**
 * Where an adoption stands. It moves one stage forward at a time, and may be
 * abandoned at any stage before deployment; deployed and abandoned are final.
 */
export const ADOPTION_STAGES = {
  identifiee: "Identifiée",
  contactee: "Contactée",
  pilote: "Pilote",
  deployee: "Déployée",
  abandonnee: "Abandonnée",
} as const;
export type AdoptionStage = keyof typeof ADOPTION_STAGES;
export const adoptionStageSchema = z.enum(keysOf(ADOPTION_STAGES), { error: "Étape inconnue." });

/** The stages of progress, in order: the funnel's bars. */
export const PROGRESS_STAGES = ["identifiee", "contactee", "pilote", "deployee"] as const;

const NEXT_STAGES: Record<AdoptionStage, readonly AdoptionStage[]> = {
  identifiee: ["contactee", "abandonnee"],
  contactee: ["pilote", "abandonnee"],
  pilote: ["deployee", "abandonnee"],
  deployee: [],
  abandonnee: [],
};

export function nextAdoptionStages(stage: AdoptionStage): readonly AdoptionStage[] {
  return NEXT_STAGES[stage];
}

export function canMoveAdoption(from: AdoptionStage, to: AdoptionStage): boolean {
  return NEXT_STAGES[from].includes(to);
}

/** The région a département belongs to, from the official registry; null for an unknown code. */
export function regionOfDepartement(code: string): RegionCode | null {
  const departement = (DEPARTEMENTS as Record<string, { region: string } | undefined>)[code];
  return departement && Object.hasOwn(REGIONS, departement.region)
    ? (departement.region as RegionCode)
    : null;
}

export function departementName(code: string): string {
  return (DEPARTEMENTS as Record<string, { name: string } | undefined>)[code]?.name ?? code;
}

const adoptionFields = {
  organisation: z
    .string()
    .trim()
    .min(2, { error: "Indiquez l'administration ou la collectivité." })
    .max(200, { error: "200 caractères au plus." }),
  regionCode: regionCodeSchema,
  departementCode: z
    .string()
    .refine((code) => regionOfDepartement(code) !== null, { error: "Code de département invalide." })
    .nullable(),
  contact: optionalText(200),
  notes: optionalText(2_000),
};

function departementInRegion(input: { regionCode: string; departementCode: string | null }): boolean {
  return input.departementCode === null || regionOfDepartement(input.departementCode) === input.regionCode;
}
const departementRefinement = {
  error: "Ce département n'appartient pas à la région choisie.",
  path: ["departementCode"],
};

/** A new adoption starts at "identifiée", on the day it was identified. */
export const recordAdoptionSchema = z
  .object({ laureateSlug, ...adoptionFields, identifiedOn: isoDate })
  .refine(departementInRegion, departementRefinement);
export type RecordAdoptionInput = z.infer<typeof recordAdoptionSchema>;

export const updateAdoptionSchema = z
  .object({
    laureateSlug,
    adoptionId: z.number().int().positive(),
    version: z.number().int().positive(),
    ...adoptionFields,
  })
  .refine(departementInRegion, departementRefinement);
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionSchema>;

export const moveAdoptionSchema = z
  .object({
    laureateSlug,
    adoptionId: z.number().int().positive(),
    version: z.number().int().positive(),
    to: z.enum(["contactee", "pilote", "deployee", "abandonnee"], { error: "Étape inconnue." }),
    on: isoDate,
    reason: optionalText(500).optional(),
  })
  .refine((input) => input.to !== "abandonnee" || (input.reason ?? "").length >= 5, {
    error: "Indiquez pourquoi l'adoption est abandonnée (5 caractères au moins).",
    path: ["reason"],
  });
export type MoveAdoptionInput = z.infer<typeof moveAdoptionSchema>;

/** The portfolio page's filters; the page keeps them in the URL. */
export const replicationFiltersSchema = z.object({
  category: z
    .enum(["organisations", "numerique", "parcours-usagers"], { error: "Catégorie inconnue." })
    .optional(),
  stage: adoptionStageSchema.optional(),
  region: regionCodeSchema.optional(),
});
export type ReplicationFilters = z.infer<typeof replicationFiltersSchema>;

/* ------------------------------------------------------------- suggestions */

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

/* ----------------------------------------------------------------- outputs */

export interface ScorecardItem {
  id: number;
  criteria: Record<ReplicationCriterion, { score: number; justification: string }>;
  index: number;
  sponsorName: string;
  scoredBy: string | null;
  scoredAt: Date;
  isDemo: boolean;
}

export interface ReusableAssetItem {
  id: number;
  kind: AssetKind;
  label: string;
  url: string | null;
  contactEmail: string | null;
  version: number;
  isDemo: boolean;
}

export interface AdoptionItem {
  id: number;
  laureateSlug: string;
  laureateTitle: string;
  organisation: string;
  regionCode: RegionCode;
  departementCode: string | null;
  stage: AdoptionStage;
  identifiedOn: string;
  contactedOn: string | null;
  pilotOn: string | null;
  deployedOn: string | null;
  abandonedOn: string | null;
  abandonReason: string | null;
  contact: string | null;
  notes: string | null;
  version: number;
  isDemo: boolean;
}

export interface ClosureItem {
  closedOn: string;
  lessonsLearned: string;
  closedBy: string | null;
  isDemo: boolean;
}

/** The replication section of a laureate's page. */
export interface LaureateReplication {
  laureateSlug: string;
  /** Newest first; the first is the current scorecard. */
  scorecards: ScorecardItem[];
  assets: ReusableAssetItem[];
  closure: ClosureItem | null;
  adoptions: AdoptionItem[];
  suggestions: ReplicationSuggestions;
}

export interface FunnelStage {
  stage: (typeof PROGRESS_STAGES)[number];
  /** Adoptions that reached this stage or went further (abandoned ones count for the stages they passed). */
  reached: number;
  /** Adoptions standing at this stage now. */
  current: number;
}

export interface MatrixPoint {
  slug: string;
  title: string;
  category: CategoryKey;
  index: number;
  /** Furthest stage reached by an adoption still under way or deployed: 0 none … 4 deployed. */
  progress: number;
  adoptions: number;
}

export interface RegionAdoptions {
  regionCode: RegionCode;
  total: number;
  deployed: number;
}

export interface ReplicationOverview {
  funnel: FunnelStage[];
  abandoned: number;
  matrix: MatrixPoint[];
  regions: RegionAdoptions[];
  adoptions: AdoptionItem[];
  /** The latest change to scorecards or adoptions, the "données au" date of the charts. */
  dataDate: Date | null;
  hasDemo: boolean;
}
