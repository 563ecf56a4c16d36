import { z } from "zod";
import { DEPARTEMENTS } from "../departements.js";
import { keysOf } from "../labels.js";
import { REGIONS, regionCodeSchema, type RegionCode } from "../territory.js";
import { isoDate, optionalText } from "./fields.js";
import { laureateSlug, storedInteger } from "../identifiers.js";

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
    adoptionId: storedInteger,
    version: storedInteger,
    ...adoptionFields,
  })
  .refine(departementInRegion, departementRefinement);
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionSchema>;

export const moveAdoptionSchema = z
  .object({
    laureateSlug,
    adoptionId: storedInteger,
    version: storedInteger,
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
