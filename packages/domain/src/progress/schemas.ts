import { z } from "zod";
import { isoDateSchema } from "../dates.js";
import { laureateSlug, storedInteger } from "../identifiers.js";
import { guidedMeasuresSchema } from "../impact/schemas.js";
import { keysOf } from "../labels.js";
import { COMMENT_KINDS, MILESTONE_STATUSES, WEATHER_LEVELS, type MilestoneStatus } from "./vocabulary.js";

const milestoneStatusSchema = z.enum(keysOf(MILESTONE_STATUSES), {
  error: "Statut de jalon inconnu.",
});
export const weatherLevelSchema = z.enum(keysOf(WEATHER_LEVELS), {
  error: "Météo inconnue.",
});
const commentKindSchema = z.enum(keysOf(COMMENT_KINDS), {
  error: "Type de commentaire inconnu.",
});
const versionSchema = storedInteger;
const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Période attendue au format AAAA-MM." });

const evidenceUrlSchema = z
  .string()
  .trim()
  .max(500, { error: "Le lien est limité à 500 caractères." })
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/.test(value), {
    error: "Le lien de preuve doit commencer par https:// ou http://.",
  })
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** What a sponsor states about where a milestone stands. */
const milestoneProgressFields = {
  status: milestoneStatusSchema,
  reachedOn: isoDateSchema.nullable(),
  evidenceNote: z.string().trim().max(2000, { error: "La note de preuve est limitée à 2 000 caractères." }),
  evidenceUrl: evidenceUrlSchema,
};

function reachedOnMatchesStatus(
  milestone: { status: MilestoneStatus; reachedOn: string | null },
  context: z.RefinementCtx,
) {
  if (milestone.status === "atteint" && !milestone.reachedOn) {
    context.addIssue({
      code: "custom",
      message: "Indiquez la date à laquelle le jalon a été atteint.",
      path: ["reachedOn"],
    });
  }
  if (milestone.status !== "atteint" && milestone.reachedOn) {
    context.addIssue({
      code: "custom",
      message: "Seul un jalon atteint porte une date d'atteinte.",
      path: ["reachedOn"],
    });
  }
}

const milestoneFields = {
  title: z
    .string()
    .trim()
    .min(3, { error: "Le titre du jalon compte 3 caractères au moins." })
    .max(200, { error: "Le titre est limité à 200 caractères." }),
  description: z.string().trim().max(2000, { error: "La description est limitée à 2 000 caractères." }),
  dueOn: isoDateSchema,
  ...milestoneProgressFields,
};

export const createMilestoneSchema = z
  .object({ laureateSlug, ...milestoneFields })
  .superRefine(reachedOnMatchesStatus);
export type CreateMilestoneInput = z.infer<typeof createMilestoneSchema>;

/** A milestone as a version conflict reports it (what it holds now). */
export const currentMilestoneSchema = z.object({ version: versionSchema, ...milestoneFields });

export const updateMilestoneSchema = z
  .object({
    laureateSlug,
    milestoneId: storedInteger,
    version: versionSchema,
    ...milestoneFields,
  })
  .superRefine(reachedOnMatchesStatus);
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;

export const moveMilestoneSchema = z.object({
  laureateSlug,
  milestoneId: storedInteger,
  direction: z.enum(["up", "down"], { error: "Sens inconnu." }),
});
export type MoveMilestoneInput = z.infer<typeof moveMilestoneSchema>;

const synthesisSchema = z
  .string()
  .trim()
  .min(10, { error: "Rédigez une synthèse de 10 caractères au moins." })
  .max(2000, { error: "La synthèse est limitée à 2 000 caractères." });

/** Version 0 declares the period's météo for the first time; otherwise the version read. */
const weatherFields = {
  period: periodSchema,
  level: weatherLevelSchema,
  synthesis: synthesisSchema,
  version: z.number().int().min(0),
};
/** A period's météo as a version conflict reports it: declared meanwhile (with its values), or not. */
export const currentWeatherSchema = z.object({
  version: z.number().int().min(0),
  level: weatherLevelSchema.optional(),
  synthesis: z.string().optional(),
});

export const declareWeatherSchema = z.object({ laureateSlug, ...weatherFields });
export type DeclareWeatherInput = z.infer<typeof declareWeatherSchema>;

const commentBodySchema = z
  .string()
  .trim()
  .min(3, { error: "Le commentaire compte 3 caractères au moins." })
  .max(4000, { error: "Le commentaire est limité à 4 000 caractères." });
const newCommentFields = { kind: commentKindSchema, body: commentBodySchema };

export const addCommentSchema = z.object({ laureateSlug, ...newCommentFields });
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const editCommentSchema = z.object({
  laureateSlug,
  commentId: storedInteger,
  version: versionSchema,
  body: commentBodySchema,
});
export type EditCommentInput = z.infer<typeof editCommentSchema>;

/** A deletion names the version read, so that nobody deletes words they have not seen. */
export const deleteCommentSchema = z.object({
  laureateSlug,
  commentId: storedInteger,
  version: versionSchema,
});
export type DeleteCommentInput = z.infer<typeof deleteCommentSchema>;

/**
 * The sponsor's guided update: the period's météo, where each milestone
 * stands, new comments and the measures of due indicators, saved together or
 * not at all.
 */
export const guidedUpdateSchema = z.object({
  laureateSlug,
  weather: z.object(weatherFields),
  milestones: z
    .array(
      z
        .object({
          milestoneId: storedInteger,
          version: versionSchema,
          ...milestoneProgressFields,
        })
        .superRefine(reachedOnMatchesStatus),
    )
    .max(100, { error: "100 jalons au plus." }),
  comments: z
    .array(z.object(newCommentFields))
    .max(10, { error: "10 commentaires au plus par mise à jour." }),
  /** The due indicators' measures, saved with the rest. */
  measures: guidedMeasuresSchema.default([]),
});
export type GuidedUpdateInput = z.infer<typeof guidedUpdateSchema>;

export const updateFollowUpSettingsSchema = z.object({
  staleAfterDays: z
    .number({ error: "Indiquez un nombre de jours." })
    .int({ error: "Indiquez un nombre entier de jours." })
    .min(7, { error: "7 jours au moins." })
    .max(365, { error: "365 jours au plus." }),
  version: versionSchema,
});
export type UpdateFollowUpSettingsInput = z.infer<typeof updateFollowUpSettingsSchema>;
