import { z } from "zod";
import { isoDateSchema } from "./dates.js";
import { keysOf } from "./labels.js";
import { laureateSlug, storedInteger } from "./identifiers.js";

/**
 * Where a decision of a review stands, as stored. « En retard » is not stored:
 * it is a decision still in progress whose due day has passed (see
 * `decisionStanding`), so it can never contradict the dates.
 */
export const DECISION_STATUSES = {
  en_cours: "En cours",
  faite: "Faite",
  abandonnee: "Abandonnée",
} as const;
export type DecisionStatus = keyof typeof DECISION_STATUSES;
export const decisionStatusSchema = z.enum(keysOf(DECISION_STATUSES), { error: "Statut inconnu." });

/** What the pages and the export show: the stored status, or « en retard » for one past its due day. */
export const DECISION_STANDINGS = {
  en_cours: "En cours",
  en_retard: "En retard",
  faite: "Faite",
  abandonnee: "Abandonnée",
} as const;
export type DecisionStanding = keyof typeof DECISION_STANDINGS;

/** A decision in progress after its due day is late, on `day` (a review's day, or today). */
export function decisionStanding(status: DecisionStatus, dueOn: string, day: string): DecisionStanding {
  return status === "en_cours" && dueOn < day ? "en_retard" : status;
}

/** Done or abandoned: a closed decision leaves the follow-up of the reviews after it. */
export function isDecisionClosed(status: DecisionStatus): boolean {
  return status !== "en_cours";
}

const decisionText = z
  .string()
  .trim()
  .min(5, { error: "Décrivez la décision en 5 caractères au moins." })
  .max(1_000, { error: "1 000 caractères au plus." });

const owner = z
  .string()
  .trim()
  .min(2, { error: "Indiquez qui en est responsable." })
  .max(200, { error: "200 caractères au plus." });

const statusNote = z
  .string()
  .trim()
  .max(1_000, { error: "1 000 caractères au plus." })
  .transform((value) => (value === "" ? null : value))
  .nullable();

/**
 * A decision taken in a review: what, who owns it (a name: the owner is often
 * someone outside the tool), by when, and the laureates it concerns (none for
 * a decision about the whole programme).
 */
export const recordDecisionSchema = z.object({
  reviewId: storedInteger,
  text: decisionText,
  owner,
  dueOn: isoDateSchema,
  laureateSlugs: z
    .array(laureateSlug)
    .max(27, { error: "27 lauréats au plus." })
    .refine((slugs) => new Set(slugs).size === slugs.length, { error: "Un lauréat est cité deux fois." }),
});
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

/** A status noted in a review, with its note; abandoning says why. */
export const updateDecisionStatusSchema = z
  .object({
    decisionId: storedInteger,
    reviewId: storedInteger,
    version: storedInteger,
    status: decisionStatusSchema,
    note: statusNote,
  })
  .refine((input) => input.status !== "abandonnee" || (input.note ?? "").length >= 5, {
    error: "Indiquez pourquoi la décision est abandonnée (5 caractères au moins).",
    path: ["note"],
  });
export type UpdateDecisionStatusInput = z.infer<typeof updateDecisionStatusSchema>;

export const laureateDecisionsSchema = z.object({ laureateSlug });

/** A decision as a review, a laureate's page or the list of decisions due shows it. */
export interface DecisionItem {
  id: number;
  version: number;
  text: string;
  owner: string;
  dueOn: string;
  /** The review where it was taken. */
  reviewId: number;
  reviewAsOf: string;
  reviewTitle: string;
  laureates: { slug: string; title: string }[];
  /** As it stood on the day it is shown for: the review's day, or today. */
  status: DecisionStatus;
  standing: DecisionStanding;
  note: string | null;
  /** The day of the review in which that status was noted; null while none was. */
  notedOn: string | null;
  isDemo: boolean;
}

/** A review's decisions: those taken in it, and those of earlier reviews still open before it. */
export interface ReviewDecisions {
  /** Decisions may be recorded and updated in the latest review only, so the history stays in order. */
  isLatest: boolean;
  taken: DecisionItem[];
  carriedOver: DecisionItem[];
}
