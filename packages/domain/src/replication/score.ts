import { z } from "zod";
import { keysOf } from "../labels.js";
import { laureateSlug, storedInteger } from "../identifiers.js";

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
  basedOnScorecardId: storedInteger.nullable(),
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
